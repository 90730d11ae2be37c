export { BudgetsTable } from './BudgetsTable';
export { budgetRows, sortBudgetRows } from './budgetRows';
export type { BudgetRow, BudgetSortColumn } from './budgetRows';
export { budgetsCsv } from './budgetsCsv';
