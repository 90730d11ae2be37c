import { ExactSum } from '../money';

/** A decimal printed as `ExactSum#toString()` prints it: no trailing or leading zeros, no -0. */
const CANONICAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

/**
 * Exact sums per bucket (a day or month of a cost series) that keep a bucket's only amount
 * as its text. A daily series has one rollup row per day and currency, so most buckets
 * never add anything: printing them back from a BigInt sum, and the objects that took, were
 * a good part of the CPU of a computed cost answer. Only canonical text is kept as is, so
 * `text` prints exactly what an `ExactSum` of the same amounts would.
 */
export class BucketSums {
  private readonly texts = new Map<string, string>();
  private readonly sums = new Map<string, ExactSum>();

  add(bucket: string, amount: string): void {
    const sum = this.sums.get(bucket);
    if (sum) {
      sum.add(amount);
      return;
    }
    const text = this.texts.get(bucket);
    if (text === undefined && CANONICAL.test(amount) && amount !== '-0') {
      this.texts.set(bucket, amount);
      return;
    }
    const started = new ExactSum();
    if (text !== undefined) {
      this.texts.delete(bucket);
      started.add(text);
    }
    this.sums.set(bucket, started.add(amount));
  }

  /** The bucket's sum as text ("0" for a bucket without amounts). */
  text(bucket: string): string {
    return this.texts.get(bucket) ?? this.sums.get(bucket)?.toString() ?? '0';
  }
}
