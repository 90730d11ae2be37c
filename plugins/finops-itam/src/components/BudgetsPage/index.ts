export { BudgetsPage } from './BudgetsPage';
export { LegacyBudgetsPage } from './LegacyBudgetsPage';
