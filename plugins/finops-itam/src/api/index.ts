export { finopsItamApiRef } from './FinopsItamApi';
export type { FinopsItamApi } from './FinopsItamApi';
export { FinopsItamClient } from './FinopsItamClient';
