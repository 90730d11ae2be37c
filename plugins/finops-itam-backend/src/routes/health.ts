import Router from 'express-promise-router';
import { HealthService } from '../services/HealthService';

/** `GET /health`: unauthenticated, for load balancers and the setup check. */
export function createHealthRoutes(health: HealthService) {
  const router = Router();
  router.get('/health', async (_req, res) => {
    res.json(await health.check());
  });
  return router;
}
