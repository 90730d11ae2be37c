/**
 * An exact running sum of plain decimal strings, kept as a BigInt count of 10^-scale units.
 *
 * Why not decimal.js here: a cost request adds hundreds of amounts (one per day and part)
 * and prints as many, and profiling under load showed decimal.js parsing and printing as a
 * large share of each request. Scaled BigInts are just as exact and several times cheaper.
 * The scale grows to the longest fraction seen, so no input is ever rounded.
 */
export class ExactSum {
  private units = 0n;
  private scale = 0;

  /** Adds a plain decimal (`-12.5`, `0.0000000000000001`); integers as numbers are accepted. */
  add(amount: string | number): this {
    let text = typeof amount === 'number' ? integerText(amount) : amount;
    let negative = false;
    if (text.startsWith('-')) {
      negative = true;
      text = text.slice(1);
    }
    const dot = text.indexOf('.');
    const digits = dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1);
    if (digits.length === 0 || !/^\d+$/.test(digits)) {
      throw new TypeError(`${JSON.stringify(amount)} is not a plain decimal amount`);
    }
    const scale = dot < 0 ? 0 : text.length - dot - 1;
    let value = BigInt(digits);
    if (scale > this.scale) {
      this.units *= 10n ** BigInt(scale - this.scale);
      this.scale = scale;
    } else if (scale < this.scale) {
      value *= 10n ** BigInt(this.scale - scale);
    }
    this.units += negative ? -value : value;
    return this;
  }

  /** Adds another sum. */
  addSum(other: ExactSum): this {
    const [a, b, scale] = align(this, other);
    this.units = a + b;
    this.scale = scale;
    return this;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  /** Negative, zero or positive as this is below, equal to or above `other`. */
  compare(other: ExactSum): number {
    const [a, b] = align(this, other);
    if (a === b) return 0;
    return a < b ? -1 : 1;
  }

  /** Absolute value, as a new sum. */
  abs(): ExactSum {
    const out = new ExactSum();
    out.units = this.units < 0n ? -this.units : this.units;
    out.scale = this.scale;
    return out;
  }

  /** Plain decimal notation without trailing zeros, like `Money#toFixed()`. */
  toString(): string {
    const negative = this.units < 0n;
    const digits = (negative ? -this.units : this.units).toString().padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = digits.slice(digits.length - this.scale).replace(/0+$/, '');
    const text = fraction === '' ? whole : `${whole}.${fraction}`;
    return negative ? `-${text}` : text;
  }

  /** The sum of some amounts. */
  static of(...amounts: Array<string | number>): ExactSum {
    const sum = new ExactSum();
    for (const amount of amounts) sum.add(amount);
    return sum;
  }
}

function integerText(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`Refusing a binary float amount ${value}`);
  }
  return String(value);
}

function align(a: ExactSum, b: ExactSum): [bigint, bigint, number] {
  const x = a as unknown as { units: bigint; scale: number };
  const y = b as unknown as { units: bigint; scale: number };
  if (x.scale === y.scale) return [x.units, y.units, x.scale];
  if (x.scale > y.scale) return [x.units, y.units * 10n ** BigInt(x.scale - y.scale), x.scale];
  return [x.units * 10n ** BigInt(y.scale - x.scale), y.units, y.scale];
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
