/**
 * Budgets: the record schema and batch validation, fiscal period arithmetic, status against
 * actual and forecast, the unbudgeted part of a parent, and threshold alerts. Pure functions;
 * storage, routes and the scheduled run live elsewhere.
 */
export {
  BUDGET_ENTITY_KINDS,
  BUDGET_THRESHOLD_DEFAULTS,
  budgetRecordSchema,
} from './budgetSchema';
export type { Budget, BudgetScope, BudgetThresholds } from './budgetSchema';
export { validateBudgets } from './validateBudgets';
export type {
  BudgetBatchOptions,
  BudgetBatchResult,
  BudgetProblem,
} from './validateBudgets';
export {
  CALENDAR_YEAR,
  elapsedDays,
  fiscalQuarter,
  parseBudgetDay,
  periodContaining,
  periodDays,
  periodEnd,
  periodLastDay,
  periodStartProblem,
} from './budgetPeriods';
export type { BudgetPeriod, FiscalCalendar } from './budgetPeriods';
export { budgetStatus } from './budgetStatus';
export type {
  BudgetStatus,
  BudgetStatusInput,
  BudgetStatusResult,
  ComparableBudgetStatus,
  MoneyAmount,
  OtherCurrencyBudgetStatus,
  PeriodForecast,
} from './budgetStatus';
export { unbudgetedAmount } from './unbudgetedAmount';
export type { UnbudgetedAmount } from './unbudgetedAmount';
export { budgetAlerts } from './budgetAlerts';
export type { BudgetAlert, BudgetThresholdKind } from './budgetAlerts';
export { isKnownCurrency } from './currencyCodes';
export { BudgetFileError, readBudgetFile } from './budgetFiles';
export type { BudgetFileRecords } from './budgetFiles';
