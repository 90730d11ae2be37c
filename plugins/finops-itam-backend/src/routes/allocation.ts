import { AuditorService } from '@backstage/backend-plugin-api';
import {
  AllocationConflictsResponse,
  finopsItamIngestionRunPermission,
  finopsItamReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { z } from 'zod';
import { AllocationService } from '../allocation/AllocationService';
import { CostQueryService } from '../allocation/CostQueryService';
import {
  parseQuery,
  periodQuery,
  resolvePeriod,
} from '../allocation/costPeriod';
import { RequirePermission, requireCostOfEveryEntity } from '../permissions';
import { createTypedRoutes } from '../schema';

export interface AllocationRoutesOptions {
  allocation: Pick<AllocationService, 'run' | 'conflicts' | 'conflictCount'>;
  costQueries: Pick<CostQueryService, 'coverage'>;
  requirePermission: RequirePermission;
  auditor: AuditorService;
}

const conflictsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** Allocation coverage and conflicts, and running allocation on demand. */
export function createAllocationRoutes(options: AllocationRoutesOptions) {
  const { allocation, costQueries, requirePermission, auditor } = options;
  const router = createTypedRoutes();

  router.get('/allocation/coverage', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    await requireCostOfEveryEntity(
      requirePermission,
      req,
      'allocation coverage',
    );
    const query = parseQuery(periodQuery, req.query);
    const [coverage, conflictCount] = await Promise.all([
      costQueries.coverage({ ...resolvePeriod(query), basis: query.basis }),
      allocation.conflictCount(),
    ]);
    res.json({ ...coverage, conflictCount });
  });

  router.get('/allocation/conflicts', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    const { limit } = parseQuery(conflictsQuery, req.query);
    const { conflicts, total } = await allocation.conflicts(limit);
    const body: AllocationConflictsResponse = { conflicts, total };
    res.json(body);
  });

  router.post('/allocation/run', async (req, res) => {
    await requirePermission(req, finopsItamIngestionRunPermission);
    const event = await auditor.createEvent({
      eventId: 'allocation-run',
      severityLevel: 'medium',
      request: req,
    });
    try {
      const result = await allocation.run();
      await event.success({ meta: { factsChanged: result.factsChanged } });
      res.json(result);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
