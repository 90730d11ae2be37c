/**
 * The forecast of issue 16 as pure functions: the cloud part from a model of the entity's
 * daily history, the license part from entitlements (known amounts, not extrapolated), their
 * sum, and projections to the end of a month, quarter or year and 12 months ahead.
 */
export { forecastCost, sumDays, BAND_QUANTILES } from './forecastCost';
export { MAX_FIT_DAYS } from './historyArray';
export { PARAMETER_GRID, SEASON, MIN_MODEL_DAYS } from './holtWinters';
export type { ParameterGrid } from './holtWinters';
export { knownLicenseAmounts } from './knownLicenseAmounts';
export type {
  ApprovedReservation,
  KnownLicenseAmount,
  KnownLicenseAmounts,
  KnownLicenseAmountsInput,
  LicenseAmountReason,
  UnpricedLicenseChange,
} from './knownLicenseAmounts';
export { splitKnownAmounts } from './splitKnownAmounts';
export { addKnownAmounts } from './addKnownAmounts';
export type {
  AllInForecast,
  AllInForecastDay,
  NotAddedAmount,
} from './addKnownAmounts';
export { periodAfter, periodContaining } from './periods';
export type { Period, PeriodKind } from './periods';
export {
  horizonTo,
  monthlyOutlook,
  outlookHorizon,
  projectPeriod,
} from './projectPeriod';
export type { ActualCost, PeriodProjection } from './projectPeriod';
export type {
  AbsentDays,
  CostForecast,
  CostSeries,
  DailyAmount,
  ForecastAmount,
  ForecastBand,
  ForecastDay,
  ForecastMethod,
  HoltWintersParameters,
} from './types';
