import { BudgetStatusEntry } from '@finops-itam/plugin-finops-itam-common';
import { BudgetRow, budgetRows } from '../BudgetsTable';

/** A team's budgets: its own, and those of the entities it owns. */
export interface TeamBudgets {
  team: BudgetRow[];
  owned: BudgetRow[];
}

/**
 * Splits the budget list into the team's own budgets and its entities' budgets. Refs are
 * compared lowercased, as the catalog treats them.
 */
export function teamBudgets(
  entries: BudgetStatusEntry[],
  teamRef: string,
  ownedRefs: string[],
): TeamBudgets {
  const team = teamRef.toLowerCase();
  const owned = new Set(ownedRefs.map(ref => ref.toLowerCase()));
  const rows = budgetRows(entries);
  return {
    team: rows.filter(row => row.budget.entityRef.toLowerCase() === team),
    owned: rows.filter(row => owned.has(row.budget.entityRef.toLowerCase())),
  };
}
