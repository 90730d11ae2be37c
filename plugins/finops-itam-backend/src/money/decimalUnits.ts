/**
 * Exact conversion between decimal strings and integer units of 10^-scale.
 *
 * Splitting works on BigInt units rather than on Decimal quotients: a 38-digit amount times a
 * 38-digit weight has more significant digits than `Money` keeps (60), and any rounding there
 * would break the "parts sum exactly to the pool" invariant.
 */

/** Plain decimal notation only: the form `normalizeAmount` and the database produce. */
const PLAIN_DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** A decimal string as an integer count of units and how many decimal places it has. */
export interface ParsedDecimal {
  /** The value times 10^places. */
  units: bigint;
  /** Decimal places after dropping trailing zeros (`1.50` has 1). */
  places: number;
}

/** Parses a plain decimal string (`-12.5`, `0.0000000000000001`); anything else throws. */
export function parseDecimal(value: string, what = 'value'): ParsedDecimal {
  const match = typeof value === 'string' ? PLAIN_DECIMAL.exec(value) : null;
  if (!match) {
    throw new TypeError(
      `${what} ${JSON.stringify(
        value,
      )} is not a plain decimal number like -12.5`,
    );
  }
  const [, sign, whole, fraction = ''] = match;
  const digits = fraction.replace(/0+$/, '');
  const magnitude = BigInt(whole + digits);
  return {
    units: sign === '-' ? -magnitude : magnitude,
    places: digits.length,
  };
}

/** Units of `parsed` at a scale of at least its own places. */
export function unitsAtScale(parsed: ParsedDecimal, scale: number): bigint {
  return parsed.units * 10n ** BigInt(scale - parsed.places);
}

/** Formats units of 10^-scale as a plain decimal string without trailing zeros. */
export function formatUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units)
    .toString()
    .padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative ? `-${text}` : text;
}
