/** Who decides and who is consulted for each decision the portal shows. */
export { Accountability } from './Accountability';
export type { Party, ResolvedDecision, RoleGroups } from './Accountability';
export { readAccountability } from './accountabilityConfig';
export {
  ACCOUNTABILITY_ROLES,
  DECISION_IDS,
  ROLE_TITLES,
  SHIPPED_DECISIONS,
} from './shippedDecisions';
export type {
  AccountabilityRole,
  Assignee,
  DecisionId,
  DecisionRule,
} from './shippedDecisions';
