import { finopsItamReadPermission } from '@finops-itam/plugin-finops-itam-common';
import { z } from 'zod';
import {
  parseQuery,
  periodQuery,
  resolvePeriod,
} from '../allocation/costPeriod';
import { UnallocatedReport } from '../allocation/UnallocatedReport';
import { RequirePermission, requireCostOfEveryEntity } from '../permissions';
import { createTypedRoutes } from '../schema';

const unallocatedQuery = periodQuery.omit({ basis: true }).extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export interface UnallocatedRoutesOptions {
  unallocatedReport: Pick<UnallocatedReport, 'unallocated'>;
  requirePermission: RequirePermission;
}

/** `GET /allocation/unallocated`: what allocation could not place, and the tags missing. */
export function createUnallocatedRoutes(options: UnallocatedRoutesOptions) {
  const { unallocatedReport, requirePermission } = options;
  const router = createTypedRoutes();

  router.get('/allocation/unallocated', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    await requireCostOfEveryEntity(
      requirePermission,
      req,
      'the unallocated report',
    );
    const query = parseQuery(unallocatedQuery, req.query);
    res.json(
      await unallocatedReport.unallocated({
        ...resolvePeriod(query),
        limit: query.limit,
      }),
    );
  });

  return router;
}
