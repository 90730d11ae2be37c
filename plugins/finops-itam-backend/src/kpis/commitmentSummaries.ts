import { ExactSum, SumMap } from '../money';
import { commitmentUsageRows } from './commitmentUtilization';
import { commitmentStatus, text } from './focusValues';
import { KpiRow } from './KpiRow';
import {
  QuantityUtilization,
  quantityUtilization,
} from './quantityUtilization';
import { negate } from './ratioKpi';

/** An owner's share of a commitment's cost; `ownerRef` null is the unallocated part. */
export interface CommitmentOwnerCost {
  ownerRef: string | null;
  cost: string;
}

/** What one commitment did over the rows given, in one currency. */
export interface CommitmentSummary {
  commitmentDiscountId: string;
  currency: string;
  /** The provider of the commitment's rows (the first one named, in row order). */
  providerName: string | null;
  type: string | null;
  /** Spend or Usage. */
  category: string | null;
  usedCost: string;
  unusedCost: string;
  /** Quantities in `utilization.unit`; rows in another unit or without one are not in them. */
  usedQuantity: string;
  unusedQuantity: string;
  utilization: QuantityUtilization;
  /** Whose usage the commitment covered, largest cost first. */
  coveredOwners: CommitmentOwnerCost[];
  /** Where the unused cost went (the owners the allocation gave it to), largest first. */
  unusedCostOwners: CommitmentOwnerCost[];
}

/**
 * One summary per commitment and currency, from the commitment's Usage rows (purchases are
 * left out: their cost reaches the Used and Unused rows). Sorted by commitment id, then
 * currency, so the answer never depends on row order.
 */
export function commitmentSummaries(
  rows: readonly KpiRow[],
): CommitmentSummary[] {
  const byCommitment = new Map<string, KpiRow[]>();
  for (const row of commitmentUsageRows(rows)) {
    const id = text(row.commitmentDiscountId);
    if (id === null) continue;
    const key = JSON.stringify([id, row.currency]);
    const list = byCommitment.get(key);
    if (list) list.push(row);
    else byCommitment.set(key, [row]);
  }
  return [...byCommitment.keys()]
    .sort()
    .map(key => summarize(byCommitment.get(key)!));
}

function summarize(rows: KpiRow[]): CommitmentSummary {
  const first = rows[0];
  const utilization = quantityUtilization(rows);
  const usedCost = new ExactSum();
  const unusedCost = new ExactSum();
  const coveredOwners = new SumMap();
  const unusedOwners = new SumMap();
  for (const row of rows) {
    const status = commitmentStatus(row);
    const owner = JSON.stringify(text(row.ownerRef));
    if (status === 'used') {
      usedCost.add(row.effectiveCost);
      coveredOwners.add(owner, row.effectiveCost);
    } else if (status === 'unused') {
      unusedCost.add(row.effectiveCost);
      unusedOwners.add(owner, row.effectiveCost);
    }
  }
  // Utilization sums the quantities: Used over Used + Unused.
  const unusedQuantity = ExactSum.of(
    utilization.denominator,
    negate(utilization.numerator),
  );
  return {
    commitmentDiscountId: text(first.commitmentDiscountId)!,
    currency: first.currency,
    providerName: firstText(rows, row => row.providerName),
    type: firstText(rows, row => row.commitmentDiscountType),
    category: firstText(rows, row => row.commitmentDiscountCategory),
    usedCost: usedCost.toString(),
    unusedCost: unusedCost.toString(),
    usedQuantity: utilization.numerator,
    unusedQuantity: unusedQuantity.toString(),
    utilization,
    coveredOwners: ownerCosts(coveredOwners),
    unusedCostOwners: ownerCosts(unusedOwners),
  };
}

function firstText(
  rows: KpiRow[],
  pick: (row: KpiRow) => string | null | undefined,
): string | null {
  for (const row of rows) {
    const value = text(pick(row));
    if (value !== null) return value;
  }
  return null;
}

/** Owner costs, largest magnitude first, ties by owner so the order is stable. */
function ownerCosts(sums: SumMap): CommitmentOwnerCost[] {
  return sums
    .entries()
    .sort(
      ([ownerA, a], [ownerB, b]) =>
        b.abs().compare(a.abs()) || (ownerA < ownerB ? -1 : 1),
    )
    .map(([owner, cost]) => ({
      ownerRef: JSON.parse(owner) as string | null,
      cost: cost.toString(),
    }));
}
