import { Decimal } from 'decimal.js';

/**
 * Formatting of the team cost API's exact decimal strings. They are handed to
 * `Intl.NumberFormat` as strings, which formats them exactly instead of through a float.
 */
type DecimalString = `${number}`;

/** `+$120.00`, `-$5.10`, `$0.00`: a change with its sign. */
export function formatSignedAmount(amount: string, currency: string): string {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    signDisplay: 'exceptZero',
  }).format(amount.trim() as DecimalString);
}

/** `+10.5%`, `-3%`: the API's percent (already ×100) with its sign. */
export function formatPercentChange(percent: number): string {
  return new Intl.NumberFormat(undefined, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 1,
  }).format(percent / 100);
}

/**
 * A unit cost, which is often a fraction of a cent: up to four decimals so that $0.0123 per
 * order does not read as $0.01.
 */
export function formatUnitCost(amount: string, currency: string): string {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    maximumFractionDigits: 4,
  }).format(amount.trim() as DecimalString);
}

/** Whether a change is up, down or none, decided exactly. */
export function changeDirection(change: string): 'up' | 'down' | 'none' {
  const value = new Decimal(change);
  if (value.isZero()) {
    return 'none';
  }
  return value.isPositive() ? 'up' : 'down';
}
