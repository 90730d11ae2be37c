import { ExactSum, SumMap } from '../money';
import { commitmentStatus, text } from './focusValues';
import { Kpi, KpiRow } from './KpiRow';
import { ratioKpi } from './ratioKpi';

/** Commitment utilization by quantity, and the unit its quantities are in. */
export interface QuantityUtilization extends Kpi {
  /** CommitmentDiscountUnit the numerator and denominator count; null when none was known. */
  unit: string | null;
}

/**
 * Σ CommitmentDiscountQuantity of Used rows / Σ of Used and Unused rows, over commitment
 * Usage rows (the caller leaves purchases out). Quantities in two units (hours of one
 * commitment, currency of another) cannot be added, so the sums use the unit that carries
 * the most commitment cost; rows in another unit, or whose quantity, unit or status is
 * unknown, are reported as `notCovered` (their effective cost). FOCUS 1.0 exports have no
 * quantity at all: everything is then not covered and the value null.
 */
export function quantityUtilization(
  commitmentRows: readonly KpiRow[],
): QuantityUtilization {
  const unit = busiestUnit(commitmentRows);
  const used = new ExactSum();
  const total = new ExactSum();
  const notCovered = new ExactSum();
  for (const row of commitmentRows) {
    const status = commitmentStatus(row);
    const quantity = text(row.commitmentDiscountQuantity);
    const known =
      (status === 'used' || status === 'unused') &&
      quantity !== null &&
      unit !== null &&
      text(row.commitmentDiscountUnit) === unit;
    if (!known) {
      notCovered.add(row.effectiveCost);
      continue;
    }
    total.add(quantity);
    if (status === 'used') used.add(quantity);
  }
  return { ...ratioKpi(used, total, notCovered), unit };
}

/** The unit whose rows carry the largest commitment cost; ties go to the first in code order. */
function busiestUnit(rows: readonly KpiRow[]): string | null {
  const costByUnit = new SumMap();
  for (const row of rows) {
    const unit = text(row.commitmentDiscountUnit);
    if (unit !== null && text(row.commitmentDiscountQuantity) !== null) {
      costByUnit.add(unit, row.effectiveCost);
    }
  }
  let best: [string, ExactSum] | null = null;
  for (const [unit, cost] of costByUnit.entries()) {
    const magnitude = cost.abs();
    const order = best ? magnitude.compare(best[1]) : 1;
    if (!best || order > 0 || (order === 0 && unit < best[0])) {
      best = [unit, magnitude];
    }
  }
  return best?.[0] ?? null;
}
