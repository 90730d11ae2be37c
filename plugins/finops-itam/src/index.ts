/**
 * The finops-itam frontend plugin: the ITAM page (onboarding requests, license position,
 * compliance risks, reharvest), Cost and Licenses tabs and the Onboarding card on catalog
 * entity pages, the team cost and budget cards and tabs on Group pages, the Budgets page
 * (budgets and anomalies) and the FinOps page (KPIs, commitments, marketplace and SaaS,
 * compliance, chargeback, unit economics, glossary and accountability). This entry point is
 * for the legacy frontend system; the new frontend system plugin is the default export of
 * `@finops-itam/plugin-finops-itam/alpha`.
 *
 * @packageDocumentation
 */
export {
  finopsItamPlugin,
  FinopsItamPage,
  EntityFinopsItamCostContent,
  EntityFinopsItamLicensesContent,
  EntityFinopsItamOnboardingCard,
  EntityFinopsItamTeamCostCard,
  EntityFinopsItamTeamCostContent,
  FinopsItamBudgetsPage,
  EntityFinopsItamGroupBudgetsContent,
  EntityFinopsItamGroupBudgetCard,
  FinopsItamFinopsPage,
} from './plugin';
export { isFinopsItamAvailable } from './lib';
export {
  finopsItamApiRef,
  FinopsItamClient,
  OnboardingProblemsError,
  BudgetRejectionsError,
} from './api';
export type {
  FinopsItamApi,
  EntityCostOptions,
  FinopsPeriodOptions,
  OnboardingRequestFilter,
  AnomalyFilter,
  BudgetRecordInput,
  EntityBudgetOptions,
} from './api';
