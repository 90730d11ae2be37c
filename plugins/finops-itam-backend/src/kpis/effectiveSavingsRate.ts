import { ExactSum } from '../money';
import { isUsage } from './focusValues';
import { Kpi, KpiRow } from './KpiRow';
import { assertOneCurrency, negate, ratioKpi } from './ratioKpi';

/** The two effective savings rates, named apart as the FOCUS use case does. */
export interface EffectiveSavingsRate {
  /** (ListCost − EffectiveCost) / ListCost: all discounts against on-demand list prices. */
  againstList: Kpi;
  /** (ContractedCost − EffectiveCost) / ContractedCost: savings from commitments alone. */
  againstContracted: Kpi;
}

/**
 * Effective savings rate over the Usage rows of one currency, on sums (never an average of
 * per-row rates). Commitment purchases are not Usage rows, so they stay out: their cost
 * already reaches the covered usage rows through EffectiveCost, and counting the purchase too
 * would count it twice. Unused commitment rows are Usage rows with EffectiveCost and no list
 * or contracted price, so they lower both rates, as they should. A row whose ListCost
 * (or ContractedCost) is unknown is left out of that rate and its effective cost reported
 * as `notCovered`.
 */
export function effectiveSavingsRate(
  rows: readonly KpiRow[],
): EffectiveSavingsRate {
  assertOneCurrency(rows);
  const usage = rows.filter(isUsage);
  return {
    againstList: savingsAgainst(usage, row => row.listCost),
    againstContracted: savingsAgainst(usage, row => row.contractedCost),
  };
}

function savingsAgainst(
  usage: readonly KpiRow[],
  reference: (row: KpiRow) => string | null | undefined,
): Kpi {
  const referenceSum = new ExactSum();
  const savings = new ExactSum();
  const notCovered = new ExactSum();
  for (const row of usage) {
    const price = reference(row);
    if (price === null || price === undefined) {
      notCovered.add(row.effectiveCost);
      continue;
    }
    referenceSum.add(price);
    savings.add(price).add(negate(row.effectiveCost));
  }
  return ratioKpi(savings, referenceSum, notCovered);
}
