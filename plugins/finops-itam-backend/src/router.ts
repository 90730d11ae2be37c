import express from 'express';
import { createApiRouter } from './schema';
import { FinopsItamRoutes } from './feature/FinopsItamFeature';
import { answerDatabaseOutage } from './routes/answerDatabaseOutage';

/**
 * Mounts every feature's endpoints, in the order given, on the contract's router, which
 * validates each request against the spec and parses JSON bodies up to each operation's
 * limit (`x-body-limit`, e.g. metric uploads) before a handler sees it. A database that
 * cannot be reached answers 503 on every route, health included.
 */
export async function createRouter(
  routes: FinopsItamRoutes[],
): Promise<express.Router> {
  const router = await createApiRouter();
  for (const binding of routes) {
    binding.mount(router);
  }
  router.use(answerDatabaseOutage());
  return router;
}
