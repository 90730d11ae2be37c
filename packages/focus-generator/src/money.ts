import DecimalJs from 'decimal.js';

/**
 * Exact decimal arithmetic for every amount. Totals handed to tests and benchmarks must equal
 * what an exact reader sums from the file, which a float sum would miss by a few units in the
 * last place.
 */
export const Decimal = DecimalJs.clone({
  // 50 significant digits: a year of 1M-row totals with 14 decimals stays far inside.
  precision: 50,
  rounding: DecimalJs.ROUND_HALF_EVEN,
});
// The value and its instance type share a name, the way a class does.
// eslint-disable-next-line @typescript-eslint/no-redeclare
export type Decimal = InstanceType<typeof Decimal>;

/**
 * Decimal places kept on every amount. Real exports carry 10+ decimals; 14 stays exact in the
 * DECIMAL(38,16) the ingestion engine reads into.
 */
export const AMOUNT_SCALE = 14;

export const ZERO = new Decimal(0);

export function dec(value: string | number): Decimal {
  return new Decimal(value);
}

/** Rounds an amount to the file's scale. */
export function amount(value: Decimal): Decimal {
  return value.toDecimalPlaces(AMOUNT_SCALE);
}

/** Plain decimal text, never an exponent, never "-0". */
export function formatDecimal(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}
