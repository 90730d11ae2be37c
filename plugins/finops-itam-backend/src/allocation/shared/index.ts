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
export { splitPool } from './splitPool';
export type { SplitMethod, SplitPoolInput, SplitPoolResult } from './splitPool';
export { prepaidDrawdown, prepaidDrawdownSoFar } from './prepaidDrawdown';
export type {
  MonthToDate,
  PrepaidDrawdownInput,
  PrepaidDrawdownResult,
  PrepaidDrawdownSoFarInput,
  PrepaidDrawdownSoFarResult,
  PrepaidUsage,
} from './prepaidDrawdown';
export {
  lastCompleteDay,
  monthToDateDraw,
  prepaidMonthState,
} from './prepaidMonth';
export type {
  DayAmount,
  MonthToDateDraw,
  PrepaidMonthState,
} from './prepaidMonth';
