/** Plain decimal notation only: the form the database and `normalizeAmount` produce. */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
/** Stored amounts have at most 16 decimals; the fast path keeps them as two 8-digit halves. */
const HALF_DIGITS = 8;
const FAST_FRACTION_DIGITS = 2 * HALF_DIGITS;
/** Whole parts up to 9 digits take the fast path; larger amounts are rare. */
const MAX_FAST_WHOLE_DIGITS = 9;
/**
 * Additions between flushes into the BigInt: each of the three number parts stays below
 * 1e6 × 1e9 = 1e15 in magnitude, well inside the 2^53 where doubles are exact integers.
 */
const FLUSH_EVERY = 1_000_000;
const HALF_SCALE = 10n ** BigInt(HALF_DIGITS);
const FAST_SCALE = 10n ** BigInt(FAST_FRACTION_DIGITS);

/**
 * An exact running sum of plain decimal strings, printed like `Money#toFixed()`.
 *
 * Why not decimal.js: cost requests and team pages add tens of thousands of amounts, and
 * profiling under load showed decimal.js parsing and printing as a large share of each
 * request. Amounts of the usual shape (at most 16 decimals, at most 9 whole digits) are
 * split into their whole part and two 8-digit halves of the fraction, each summed as a
 * JavaScript integer, which is exact while it stays below 2^53 (ensured by flushing into a
 * BigInt). Any other amount goes straight into the BigInt, whose scale grows to the longest
 * fraction seen, so no input is ever rounded.
 */
export class ExactSum {
  private whole = 0;
  private high = 0;
  private low = 0;
  private pending = 0;
  /** The flushed sum, as a count of 10^-scale units. */
  private units = 0n;
  private scale = 0;

  /** Adds a plain decimal (`-12.5`, `0.0000000000000001`); integers as numbers are accepted. */
  add(amount: string | number): this {
    const text = typeof amount === 'number' ? integerText(amount) : amount;
    if (typeof text !== 'string' || !PLAIN_DECIMAL.test(text)) {
      throw new TypeError(
        `${JSON.stringify(amount)} is not a plain decimal amount`,
      );
    }
    const negative = text.charCodeAt(0) === 45; // '-'
    const body = negative ? text.slice(1) : text;
    const dot = body.indexOf('.');
    const wholeText = dot < 0 ? body : body.slice(0, dot);
    const fraction = dot < 0 ? '' : body.slice(dot + 1);
    if (
      fraction.length > FAST_FRACTION_DIGITS ||
      wholeText.length > MAX_FAST_WHOLE_DIGITS
    ) {
      const units = BigInt(wholeText + fraction);
      this.addUnits(negative ? -units : units, fraction.length);
      return this;
    }
    const padded = fraction.padEnd(FAST_FRACTION_DIGITS, '0');
    const sign = negative ? -1 : 1;
    this.whole += sign * Number(wholeText);
    this.high += sign * Number(padded.slice(0, HALF_DIGITS));
    this.low += sign * Number(padded.slice(HALF_DIGITS));
    if (++this.pending === FLUSH_EVERY) {
      this.flush();
    }
    return this;
  }

  /** Adds another sum. */
  addSum(other: ExactSum): this {
    other.flush();
    this.addUnits(other.units, other.scale);
    return this;
  }

  isZero(): boolean {
    this.flush();
    return this.units === 0n;
  }

  /** Negative, zero or positive as this is below, equal to or above `other`. */
  compare(other: ExactSum): number {
    this.flush();
    other.flush();
    const scale = Math.max(this.scale, other.scale);
    const a = this.units * 10n ** BigInt(scale - this.scale);
    const b = other.units * 10n ** BigInt(scale - other.scale);
    if (a === b) return 0;
    return a < b ? -1 : 1;
  }

  /** Absolute value, as a new sum. */
  abs(): ExactSum {
    this.flush();
    const out = new ExactSum();
    out.units = this.units < 0n ? -this.units : this.units;
    out.scale = this.scale;
    return out;
  }

  /** Plain decimal notation without trailing zeros, like `Money#toFixed()`. */
  toString(): string {
    this.flush();
    const negative = this.units < 0n;
    const digits = (negative ? -this.units : this.units)
      .toString()
      .padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = digits
      .slice(digits.length - this.scale)
      .replace(/0+$/, '');
    const text = fraction === '' ? whole : `${whole}.${fraction}`;
    return negative ? `-${text}` : text;
  }

  /** The sum of some amounts. */
  static of(...amounts: Array<string | number>): ExactSum {
    const sum = new ExactSum();
    for (const amount of amounts) sum.add(amount);
    return sum;
  }

  private addUnits(units: bigint, scale: number): void {
    if (scale > this.scale) {
      this.units *= 10n ** BigInt(scale - this.scale);
      this.scale = scale;
    }
    this.units += units * 10n ** BigInt(this.scale - scale);
  }

  private flush(): void {
    if (this.pending === 0) return;
    this.addUnits(
      BigInt(this.whole) * FAST_SCALE +
        BigInt(this.high) * HALF_SCALE +
        BigInt(this.low),
      FAST_FRACTION_DIGITS,
    );
    this.whole = 0;
    this.high = 0;
    this.low = 0;
    this.pending = 0;
  }
}

function integerText(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`Refusing a binary float amount ${value}`);
  }
  return String(value);
}

/**
 * Canonical form of a decimal string from the database (`12.5000` → `12.5`, `-0.00` → `0`)
 * without a decimal library: PostgreSQL prints numeric in plain notation, so trimming
 * trailing zeros is enough.
 */
export function trimDecimal(value: string | number | null): string {
  if (value === null) return '0';
  if (typeof value === 'number') return integerText(value);
  if (value.indexOf('.') < 0) return value === '-0' ? '0' : value;
  const trimmed = value.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '-0' || trimmed === '' ? '0' : trimmed;
}
