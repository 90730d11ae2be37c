import { ExactSum } from '../money';
import { CostBasis } from './AllocationStore';

/** Two adjacent periods: previous `[previousFrom, from)` and current `[from, to)`. */
export interface ComparedPeriods {
  previousFrom: string;
  from: string;
  to: string;
  basis: CostBasis;
}

/** All-in rollup cost (direct + shared + licenses) of one entity in one currency, per period. */
export interface EntityPeriodTotal {
  entityRef: string;
  currency: string;
  current: string;
  previous: string;
}

/** Exact sums per entity and currency, split into the current and the previous period. */
export class PeriodSums {
  private readonly sums = new Map<
    string,
    {
      entityRef: string;
      currency: string;
      current: ExactSum;
      previous: ExactSum;
    }
  >();

  of(entityRef: string, currency: string, isCurrent: boolean): ExactSum {
    const key = `${entityRef}\u0000${currency}`;
    let sum = this.sums.get(key);
    if (!sum) {
      sum = {
        entityRef,
        currency,
        current: new ExactSum(),
        previous: new ExactSum(),
      };
      this.sums.set(key, sum);
    }
    return isCurrent ? sum.current : sum.previous;
  }

  totals(): EntityPeriodTotal[] {
    return [...this.sums.values()].map(sum => ({
      entityRef: sum.entityRef,
      currency: sum.currency,
      current: sum.current.toString(),
      previous: sum.previous.toString(),
    }));
  }
}
