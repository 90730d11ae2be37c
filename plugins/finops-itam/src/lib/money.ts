/**
 * Display helpers for the backend's exact decimal amounts. Amounts stay strings: they are
 * compared digit by digit and handed to `Intl.NumberFormat` as strings, which formats them
 * exactly instead of going through a float.
 */

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

type Decimal = `${number}`;

function parse(amount: string): {
  negative: boolean;
  int: string;
  frac: string;
} {
  const match = DECIMAL.exec(amount.trim());
  if (!match) {
    throw new Error(`Not a decimal amount: "${amount}"`);
  }
  const int = match[2].replace(/^0+(?=\d)/, '');
  const frac = (match[3] ?? '').replace(/0+$/, '');
  const zero = /^0*$/.test(int) && frac === '';
  return { negative: match[1] === '-' && !zero, int, frac };
}

function compareMagnitude(
  a: { int: string; frac: string },
  b: { int: string; frac: string },
): number {
  if (a.int.length !== b.int.length) {
    return a.int.length < b.int.length ? -1 : 1;
  }
  if (a.int !== b.int) {
    return a.int < b.int ? -1 : 1;
  }
  const width = Math.max(a.frac.length, b.frac.length);
  const fa = a.frac.padEnd(width, '0');
  const fb = b.frac.padEnd(width, '0');
  if (fa === fb) {
    return 0;
  }
  return fa < fb ? -1 : 1;
}

/** Compares two decimal strings exactly: negative when `a < b`, 0 when equal, positive when `a > b`. */
export function compareDecimals(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (pa.negative !== pb.negative) {
    return pa.negative ? -1 : 1;
  }
  const magnitude = compareMagnitude(pa, pb);
  return pa.negative ? -magnitude : magnitude;
}

/** Whether a decimal string is zero (`"0"`, `"0.00"`, `"-0"`). */
export function isZeroAmount(amount: string): boolean {
  return compareDecimals(amount, '0') === 0;
}

/**
 * Formats a decimal amount in its currency for the user's locale. The e2e test formats the
 * API's figure with the same options, so keep them in step.
 */
export function formatAmount(amount: string, currency: string): string {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
  }).format(amount.trim() as Decimal);
}
