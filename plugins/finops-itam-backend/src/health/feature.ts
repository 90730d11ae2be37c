import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { createHealthRoutes } from '../routes/health';
import { HealthService } from '../services/HealthService';

/** `GET /health`, answered without credentials so probes and uptime checks can call it. */
export const createHealthFeature: FinopsItamFeatureFactory = ({ stores }) => {
  const health = new HealthService(stores.health);
  return {
    id: 'health',
    routes: [{ mount: router => router.use(createHealthRoutes(health)) }],
    authPolicies: [{ path: '/health', allow: 'unauthenticated' }],
  };
};
