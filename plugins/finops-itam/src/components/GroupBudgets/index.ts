export { EntityGroupBudgetCard } from './EntityGroupBudgetCard';
export { EntityGroupBudgetsContent } from './EntityGroupBudgetsContent';
