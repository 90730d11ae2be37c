export {
  SharedCostConfigError,
  parseSharedCostConfig,
  readSharedCostConfig,
} from './sharedPoolConfig';
export { sharedCostConfigSchema } from './sharedPoolSchema';
export type {
  ChargeCategory,
  SharedCostConfig,
  SharedCostPool,
  SharedCostPoolMode,
  SharedCostPoolRows,
  SharedCostPoolTargets,
} from './sharedPoolConfig';
export { findPoolForRow, poolMatchesRow } from './poolMatchesRow';
export type { PoolRow } from './poolMatchesRow';
export {
  SPLIT_SCALE,
  ZeroWeightError,
  splitAmount,
  splitEvenly,
} from './splitAmount';
export type { SplitPart, SplitShare } from './splitAmount';
export { splitPool } from './splitPool';
export type { SplitMethod, SplitPoolInput, SplitPoolResult } from './splitPool';
export { prepaidDrawdown } from './prepaidDrawdown';
export type {
  PrepaidDrawdownInput,
  PrepaidDrawdownResult,
  PrepaidUsage,
} from './prepaidDrawdown';
