export { BudgetStatusCard } from './BudgetStatusCard';
export { BudgetFigures } from './BudgetFigures';
export { BudgetStatusWord } from './BudgetStatusWord';
export { NoBudgetHint } from './NoBudgetHint';
export {
  BUDGET_STATUS_RANK,
  BUDGET_STATUS_TONES,
  BUDGET_STATUS_WORDS,
  formatVariance,
} from './budgetStatusWords';
