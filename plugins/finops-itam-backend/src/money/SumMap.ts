import { ExactSum } from './ExactSum';

/** Exact sums under string keys (days, services, currencies). */
export class SumMap {
  private readonly sums = new Map<string, ExactSum>();

  add(key: string, amount: string): this {
    const sum = this.sums.get(key);
    if (sum) {
      sum.add(amount);
    } else {
      this.sums.set(key, new ExactSum().add(amount));
    }
    return this;
  }

  get(key: string): ExactSum | undefined {
    return this.sums.get(key);
  }

  entries(): Array<[string, ExactSum]> {
    return [...this.sums.entries()];
  }
}
