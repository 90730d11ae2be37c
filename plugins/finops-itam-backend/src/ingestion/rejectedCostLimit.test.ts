import { ConfigReader } from '@backstage/config';
import { readRejectedCostLimit } from './rejectedCostLimit';

const read = (maxRejectedCost: unknown) =>
  readRejectedCostLimit(
    new ConfigReader({ finopsItam: { ingestion: { maxRejectedCost } } } as any),
  );

describe('readRejectedCostLimit', () => {
  it('allows no rejected cost by default', () => {
    expect(readRejectedCostLimit(new ConfigReader({}))).toEqual({
      default: '0',
      byCurrency: {},
    });
  });

  it('reads one amount for every currency, or amounts per currency', () => {
    expect(read(5)).toEqual({ default: '5', byCurrency: {} });
    expect(read('0.50')).toEqual({ default: '0.5', byCurrency: {} });
    expect(read({ USD: 5, EUR: '4.25' })).toEqual({
      default: '0',
      byCurrency: { USD: '5', EUR: '4.25' },
    });
  });

  it('names the key and the value it cannot use', () => {
    expect(() => read(-1)).toThrow(
      'finopsItam.ingestion.maxRejectedCost must be a non-negative decimal amount, but is -1',
    );
    expect(() => read({ usd: 5 })).toThrow(
      'finopsItam.ingestion.maxRejectedCost.usd is not a three-letter upper-case currency code',
    );
  });
});
