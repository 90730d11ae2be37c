import { Config } from '@backstage/config';
import { Money } from '../money';
import { RejectedCostLimit } from './IngestionService';

const KEY = 'finopsItam.ingestion.maxRejectedCost';

function readAmount(value: unknown, key: string): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d+(\.\d+)?$/.test(text.trim())) {
    throw new Error(
      `${key} must be a non-negative decimal amount, but is ${JSON.stringify(
        value,
      )}`,
    );
  }
  return new Money(text.trim()).toFixed();
}

/**
 * `finopsItam.ingestion.maxRejectedCost`: how much cost the rejected rows of one delivery may
 * carry, per currency, before the delivery is rejected whole. One amount for every currency
 * (`5`), or amounts per currency code (`{ USD: 5, EUR: 4 }`, others 0). Default 0: a rejected
 * row that carries any money rejects the file.
 */
export function readRejectedCostLimit(config: Config): RejectedCostLimit {
  const value = config.getOptional(KEY);
  if (value === undefined) {
    return { default: '0', byCurrency: {} };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const byCurrency: Record<string, string> = {};
    for (const [currency, amount] of Object.entries(value)) {
      if (!/^[A-Z]{3}$/.test(currency)) {
        throw new Error(
          `${KEY}.${currency} is not a three-letter upper-case currency code`,
        );
      }
      byCurrency[currency] = readAmount(amount, `${KEY}.${currency}`);
    }
    return { default: '0', byCurrency };
  }
  return { default: readAmount(value, KEY), byCurrency: {} };
}
