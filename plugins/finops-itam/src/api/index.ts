export { finopsItamApiRef } from './FinopsItamApi';
export type { FinopsItamApi, EntityCostOptions } from './FinopsItamApi';
export { FinopsItamClient } from './FinopsItamClient';
