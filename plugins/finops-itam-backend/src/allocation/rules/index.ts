export { compileAllocationRules } from './compileAllocationRules';
export {
  allocationFallbackRuleSchema,
  readAllocationFallbackRules,
} from './fallbackRules';
export type {
  AllocationAssignment,
  AllocationFact,
  AllocationFallbackRule,
  AllocationRuleKind,
  AllocationRuleProblem,
  AllocationRules,
  CompileAllocationRulesOptions,
} from './types';
