export { createApiRouter, createTypedRoutes } from './createApiRouter';
export type { FinopsItamApiRouter } from './createApiRouter';
