import { HealthService } from '../services/HealthService';
import { createTypedRoutes } from '../schema';

/** `GET /health`: unauthenticated, for load balancers and the setup check. */
export function createHealthRoutes(health: HealthService) {
  const router = createTypedRoutes();
  router.get('/health', async (_req, res) => {
    res.json(await health.check());
  });
  return router;
}
