/**
 * Governance: `finopsItam.policies` applied to running cost (the compliance report per
 * owner), the start-up warnings for policies naming unknown providers or regions, and who
 * is accountable for each decision the portal shows.
 */
export * from './accountability';
export type { GovernancePolicies } from './policies/GovernancePolicies';
export { ProviderNames } from './policies/ProviderNames';
export { policyWarnings } from './policies/policyWarnings';
export * from './policies/policyRules';
export type { GovernanceCostRow } from './compliance/GovernanceCostRow';
export {
  isMarketplacePurchase,
  missingTags,
  rowViolations,
} from './compliance/rowViolations';
export type { RowViolation, ViolationKind } from './compliance/rowViolations';
export { buildComplianceReport } from './compliance/complianceReport';
export type {
  ComplianceReport,
  CurrencyAmount,
  FindingGroup,
  OwnerCompliance,
  ResourceFinding,
} from './compliance/complianceReport';
