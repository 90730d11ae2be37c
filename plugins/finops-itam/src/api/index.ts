export { finopsItamApiRef } from './FinopsItamApi';
export type {
  FinopsItamApi,
  AnomalyFilter,
  BudgetRecordInput,
  EntityBudgetOptions,
  EntityCostOptions,
  FinopsPeriodOptions,
  OnboardingRequestFilter,
} from './FinopsItamApi';
export { OnboardingProblemsError } from './OnboardingProblemsError';
export { BudgetRejectionsError } from './BudgetRejectionsError';
export { FinopsItamClient } from './FinopsItamClient';
