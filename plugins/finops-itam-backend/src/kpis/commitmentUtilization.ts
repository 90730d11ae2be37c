import { ExactSum } from '../money';
import { commitmentStatus, isUsage } from './focusValues';
import { Kpi, KpiRow } from './KpiRow';
import {
  QuantityUtilization,
  quantityUtilization,
} from './quantityUtilization';
import { assertOneCurrency, ratioKpi } from './ratioKpi';

/**
 * The Usage rows of a commitment: covered usage (Used), the unused remainder (Unused), and
 * commitment rows whose status is unknown. Purchase rows are never among them.
 */
export function commitmentUsageRows(rows: readonly KpiRow[]): KpiRow[] {
  return rows.filter(row => isUsage(row) && commitmentStatus(row) !== 'none');
}

/**
 * Commitment utilization of one currency's rows = Σ quantity Used / Σ quantity (Used +
 * Unused), over Usage rows, purchases excluded (see {@link quantityUtilization}).
 */
export function commitmentUtilization(
  rows: readonly KpiRow[],
): QuantityUtilization {
  assertOneCurrency(rows);
  return quantityUtilization(commitmentUsageRows(rows));
}

/**
 * Commitment waste of one currency's rows = unused commitment cost / total commitment cost
 * (Used + Unused EffectiveCost of Usage rows). Commitment rows without a status are
 * reported as `notCovered`.
 */
export function commitmentWaste(rows: readonly KpiRow[]): Kpi {
  assertOneCurrency(rows);
  const unused = new ExactSum();
  const total = new ExactSum();
  const notCovered = new ExactSum();
  for (const row of commitmentUsageRows(rows)) {
    const status = commitmentStatus(row);
    if (status === 'unknown') {
      notCovered.add(row.effectiveCost);
      continue;
    }
    total.add(row.effectiveCost);
    if (status === 'unused') unused.add(row.effectiveCost);
  }
  return ratioKpi(unused, total, notCovered);
}
