import { finopsItamReadPermission } from '@finops-itam/plugin-finops-itam-common';
import {
  parseQuery,
  periodQuery,
  resolvePeriod,
} from '../allocation/costPeriod';
import { KpiService } from '../kpis/KpiService';
import { RequirePermission, requireCostOfEveryEntity } from '../permissions';
import { createTypedRoutes } from '../schema';

export interface CommitmentRoutesOptions {
  kpis: Pick<KpiService, 'commitments'>;
  requirePermission: RequirePermission;
}

const commitmentsQuery = periodQuery.pick({ from: true, to: true });

/**
 * `GET /commitments`: every commitment discount seen in `[from, to)` with its used and
 * unused cost and quantity, utilization, the owners it covered and where its unused cost
 * went, per currency. Needs `finops-itam.read`.
 */
export function createCommitmentRoutes(options: CommitmentRoutesOptions) {
  const { kpis, requirePermission } = options;
  const router = createTypedRoutes();

  router.get('/commitments', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    await requireCostOfEveryEntity(
      requirePermission,
      req,
      'the commitments report',
    );
    const query = parseQuery(commitmentsQuery, req.query);
    res.json(await kpis.commitments(resolvePeriod(query)));
  });

  return router;
}
