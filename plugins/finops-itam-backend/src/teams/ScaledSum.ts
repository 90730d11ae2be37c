import { Money, MoneyValue } from '../ingestion/money';

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
/** Amounts of the rollup have at most 16 decimals, kept as two 8-digit halves. */
const HALF_DIGITS = 8;
const FRACTION_DIGITS = 2 * HALF_DIGITS;
/** Whole parts up to 9 digits take the fast path; larger amounts are rare and go to decimal.js. */
const MAX_FAST_WHOLE_DIGITS = 9;
/**
 * Additions between flushes into a BigInt: each of the three number parts stays below
 * 1e6 × 1e9 = 1e15 in magnitude, well inside the 2^53 where doubles are exact integers.
 */
const FLUSH_EVERY = 1_000_000;

const SCALE = 10n ** BigInt(FRACTION_DIGITS);
const HALF_SCALE = 10n ** BigInt(HALF_DIGITS);

/**
 * An exact sum of plain decimal strings, for the tens of thousands of daily amounts a team
 * page adds on SQLite (where amounts are text). decimal.js made that the slowest step of the
 * request; here each amount is split into its whole part and two 8-digit halves of its
 * fraction, each summed as a JavaScript integer, which is exact while it stays below 2^53
 * (ensured by flushing into a BigInt). Amounts with more than 16 decimals or more than 9
 * whole digits are summed with decimal.js, so nothing is ever rounded.
 */
export class ScaledSum {
  private whole = 0;
  private high = 0;
  private low = 0;
  private pending = 0;
  private flushed = 0n;
  private slow: MoneyValue | null = null;

  add(amount: string): this {
    if (!PLAIN_DECIMAL.test(amount)) {
      throw new TypeError(
        `${JSON.stringify(amount)} is not a plain decimal amount`,
      );
    }
    const negative = amount.charCodeAt(0) === 45; // '-'
    const text = negative ? amount.slice(1) : amount;
    const dot = text.indexOf('.');
    const wholeText = dot < 0 ? text : text.slice(0, dot);
    const fraction = dot < 0 ? '' : text.slice(dot + 1);
    if (
      fraction.length > FRACTION_DIGITS ||
      wholeText.length > MAX_FAST_WHOLE_DIGITS
    ) {
      this.slow = (this.slow ?? new Money(0)).plus(amount);
      return this;
    }
    const padded = fraction.padEnd(FRACTION_DIGITS, '0');
    const sign = negative ? -1 : 1;
    this.whole += sign * Number(wholeText);
    this.high += sign * Number(padded.slice(0, HALF_DIGITS));
    this.low += sign * Number(padded.slice(HALF_DIGITS));
    if (++this.pending === FLUSH_EVERY) {
      this.flush();
    }
    return this;
  }

  /** The sum as a plain decimal without trailing zeros, like `Decimal.toFixed()`. */
  toFixed(): string {
    this.flush();
    const negative = this.flushed < 0n;
    const digits = (negative ? -this.flushed : this.flushed)
      .toString()
      .padStart(FRACTION_DIGITS + 1, '0');
    const whole = digits.slice(0, digits.length - FRACTION_DIGITS);
    const fraction = digits
      .slice(digits.length - FRACTION_DIGITS)
      .replace(/0+$/, '');
    const fast = `${negative ? '-' : ''}${whole}${
      fraction ? `.${fraction}` : ''
    }`;
    return this.slow ? this.slow.plus(fast).toFixed() : fast;
  }

  private flush(): void {
    this.flushed +=
      BigInt(this.whole) * SCALE +
      BigInt(this.high) * HALF_SCALE +
      BigInt(this.low);
    this.whole = 0;
    this.high = 0;
    this.low = 0;
    this.pending = 0;
  }
}
