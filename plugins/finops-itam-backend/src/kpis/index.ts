/**
 * The FinOps KPI formulas (domain.md §3) as pure functions over FOCUS-like rows: exact sums
 * per currency, ratios computed once from them, and the rows a formula cannot use reported
 * apart as not covered.
 */
export type { Kpi, KpiRow } from './KpiRow';
export { RATIO_DECIMALS } from './KpiRow';
export { MixedCurrencyError } from './ratioKpi';
export { effectiveSavingsRate } from './effectiveSavingsRate';
export type { EffectiveSavingsRate } from './effectiveSavingsRate';
export {
  commitmentUtilization,
  commitmentWaste,
} from './commitmentUtilization';
export type { QuantityUtilization } from './quantityUtilization';
export { commitmentCoverage } from './commitmentCoverage';
export type { CommitmentCoverage } from './commitmentCoverage';
export type { EligibilitySource } from './commitmentEligibility';
export { allocationCoverage } from './allocationCoverage';
export { commitmentSummaries } from './commitmentSummaries';
export type {
  CommitmentOwnerCost,
  CommitmentSummary,
} from './commitmentSummaries';
export { kpiSet } from './kpiSet';
export type { KpiOptions, KpiSet } from './kpiSet';
export { kpiAnswer } from './kpiAnswer';
export type {
  CurrencyKpis,
  KpiAnswer,
  KpiGroup,
  KpiGroupBy,
} from './kpiAnswer';
