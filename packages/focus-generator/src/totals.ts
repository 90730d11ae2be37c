import { Decimal, formatDecimal, ZERO } from './money';

/**
 * What a file says in total for one billing account, billing period and currency: the key the
 * ingestion engine reconciles on.
 * @public
 */
export interface CostTotal {
  billingAccountId: string;
  /** YYYY-MM-DD */
  billingPeriodStart: string;
  currency: string;
  /** Exact sum of BilledCost, a plain decimal string. */
  billedCost: string;
  /** Exact sum of EffectiveCost, a plain decimal string. */
  effectiveCost: string;
  rows: number;
}

interface Sums {
  billingAccountId: string;
  billingPeriodStart: string;
  currency: string;
  billed: Decimal;
  effective: Decimal;
  rows: number;
}

// Code-unit order, not localeCompare: the order must not depend on the machine's locale.
function compare(a: string, b: string) {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Exact running totals of the rows written to one file. */
export class CostTotals {
  private readonly sums = new Map<string, Sums>();

  add(
    billingAccountId: string,
    billingPeriodStart: string,
    currency: string,
    billed: Decimal,
    effective: Decimal,
  ) {
    const key = `${billingAccountId}\u0000${billingPeriodStart}\u0000${currency}`;
    let sums = this.sums.get(key);
    if (!sums) {
      sums = {
        billingAccountId,
        billingPeriodStart,
        currency,
        billed: ZERO,
        effective: ZERO,
        rows: 0,
      };
      this.sums.set(key, sums);
    }
    sums.billed = sums.billed.plus(billed);
    sums.effective = sums.effective.plus(effective);
    sums.rows++;
  }

  /** Sorted by account, period and currency, so equal inputs give equal answers. */
  toArray(): CostTotal[] {
    return [...this.sums.values()]
      .map(s => ({
        billingAccountId: s.billingAccountId,
        billingPeriodStart: s.billingPeriodStart,
        currency: s.currency,
        billedCost: formatDecimal(s.billed),
        effectiveCost: formatDecimal(s.effective),
        rows: s.rows,
      }))
      .sort(
        (a, b) =>
          compare(a.billingAccountId, b.billingAccountId) ||
          compare(a.billingPeriodStart, b.billingPeriodStart) ||
          compare(a.currency, b.currency),
      );
  }
}
