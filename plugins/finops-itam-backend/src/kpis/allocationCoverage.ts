import { ExactSum } from '../money';
import { text } from './focusValues';
import { Kpi, KpiRow } from './KpiRow';
import { assertOneCurrency, ratioKpi } from './ratioKpi';

/**
 * Allocation coverage of one currency's rows = allocated cost / total cost, on EffectiveCost
 * (the amortized view) of every row, whatever its charge category: a purchase or a tax that
 * nobody owns is unallocated spend too. Every row has an owner or none, so nothing is
 * `notCovered`.
 */
export function allocationCoverage(rows: readonly KpiRow[]): Kpi {
  assertOneCurrency(rows);
  const allocated = new ExactSum();
  const total = new ExactSum();
  for (const row of rows) {
    total.add(row.effectiveCost);
    if (text(row.ownerRef) !== null) allocated.add(row.effectiveCost);
  }
  return ratioKpi(allocated, total, new ExactSum());
}
