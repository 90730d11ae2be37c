import express from 'express';
import { createApiRouter } from './schema';
import { FinopsItamRoutes } from './feature/FinopsItamFeature';

/**
 * Mounts every feature's endpoints: first those that parse their own bodies, then the
 * default JSON parser, then the rest, each group in the order given.
 */
export async function createRouter(
  routes: FinopsItamRoutes[],
): Promise<express.Router> {
  const router = await createApiRouter();
  for (const binding of routes.filter(r => r.parsesOwnBody)) {
    binding.mount(router);
  }
  router.use(express.json());
  for (const binding of routes.filter(r => !r.parsesOwnBody)) {
    binding.mount(router);
  }
  return router;
}
