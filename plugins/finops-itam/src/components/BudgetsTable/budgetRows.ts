import { BudgetStatusEntry } from '@finops-itam/plugin-finops-itam-common';
import { BUDGET_STATUS_RANK } from '../BudgetStatus';
import { SortState } from '../SortableHeaderCell';

/** A listed budget: every entry of `GET /budgets` has one. */
export type BudgetRow = BudgetStatusEntry & {
  budget: NonNullable<BudgetStatusEntry['budget']>;
};

export type BudgetSortColumn = 'status' | 'variance';

/** The entries that are budgets (the list never has others, but the type allows them). */
export function budgetRows(entries: BudgetStatusEntry[]): BudgetRow[] {
  return entries.filter((entry): entry is BudgetRow => entry.budget !== null);
}

/**
 * Sorted by status (worst first: over, at risk, under, on track, then none) or by forecast
 * variance (how far the period will end from the budget), with the ones without a figure
 * last whichever the direction; ties by entity and id so the order is stable.
 */
export function sortBudgetRows(
  rows: BudgetRow[],
  sort: SortState<BudgetSortColumn>,
): BudgetRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const tie = (a: BudgetRow, b: BudgetRow) =>
    a.budget.entityRef.localeCompare(b.budget.entityRef) ||
    a.budget.id.localeCompare(b.budget.id);
  return [...rows].sort((a, b) => {
    if (sort.by === 'status') {
      if (!a.status || !b.status) {
        return (a.status ? 0 : 1) - (b.status ? 0 : 1) || tie(a, b);
      }
      return (
        sign * (BUDGET_STATUS_RANK[a.status] - BUDGET_STATUS_RANK[b.status]) ||
        tie(a, b)
      );
    }
    const va = a.forecastVariance ?? a.variance;
    const vb = b.forecastVariance ?? b.variance;
    if (va === null || vb === null) {
      return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || tie(a, b);
    }
    return sign * (va - vb) || tie(a, b);
  });
}
