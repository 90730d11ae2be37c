export { finopsItamApiRef } from './FinopsItamApi';
export type {
  FinopsItamApi,
  EntityCostOptions,
  OnboardingRequestFilter,
} from './FinopsItamApi';
export { OnboardingProblemsError } from './OnboardingProblemsError';
export { FinopsItamClient } from './FinopsItamClient';
