import { Decimal } from 'decimal.js';

/**
 * Decimal arithmetic for money: enough significant digits that sums of 16-decimal values
 * never round, and plain notation (no exponents) whenever a value is printed.
 */
export const Money = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -60,
  toExpPos: 60,
});

/** A Money instance; decimal.js types instances of clones as Decimal. */
export type MoneyValue = Decimal;

/** Exact sum of decimal strings, as a plain decimal string without trailing zeros. */
export function sumAmounts(values: Iterable<string>): string {
  let total = new Money(0);
  for (const value of values) {
    total = total.plus(value);
  }
  return total.toFixed();
}

/** Normalises a decimal string from DuckDB or PostgreSQL (`12.5000000000000000` → `12.5`). */
export function normalizeAmount(value: string | number | null): string {
  if (value === null) {
    return '0';
  }
  if (typeof value === 'number') {
    // Only integers reach here (e.g. SQLite returning a whole number); floats never do.
    if (!Number.isInteger(value)) {
      throw new Error(`Refusing a binary float amount ${value}`);
    }
    return String(value);
  }
  return new Money(value).toFixed();
}
