/**
 * Anomalies: unusual cost in an entity's daily amortized cost, license position changes,
 * their stable keys and who to tell once. Pure functions; storage, routes and the scheduled
 * run live elsewhere.
 */
export { detectCostAnomalies, MAX_SCORE } from './detectCostAnomalies';
export { COST_ANOMALY_DEFAULTS } from './costAnomalyOptions';
export type { CostAnomalyOptions } from './costAnomalyOptions';
export type {
  AbsentDays,
  AnomalyDirection,
  AnomalyDriver,
  CostAnomaly,
  CostAnomalyResult,
  DailyEntityCost,
  EntityCostSeries,
  SkippedSeries,
} from './costAnomalyTypes';
export { licenseAnomalies } from './licenseAnomalies';
export type {
  LicenseAnomaly,
  LicenseAnomalyKind,
  LicenseAnomalyOptions,
} from './licenseAnomalies';
export {
  anomalyKey,
  costAnomalyIdentity,
  licenseAnomalyIdentity,
} from './anomalyKey';
export type { AnomalyIdentity, AnomalyKind } from './anomalyKey';
export { planAnomalyNotifications } from './anomalyNotifications';
export type {
  AnomalyNotification,
  AnomalyNotificationOptions,
  AnomalyNotificationPlan,
  NotifiableAnomaly,
} from './anomalyNotifications';
export {
  anomalyStatusChangeSchema,
  statusChangeProblem,
} from './anomalyStatus';
export type {
  AnomalyResolution,
  AnomalyStatus,
  AnomalyStatusChange,
} from './anomalyStatus';
