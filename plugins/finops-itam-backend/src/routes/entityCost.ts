import { finopsItamReadPermission } from '@finops-itam/plugin-finops-itam-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { CostQueryService } from '../allocation/CostQueryService';
import { parseQuery, periodQuery, resolvePeriod } from '../allocation/costPeriod';
import { RequirePermission } from './requirePermission';

const costQuery = periodQuery.extend({
  granularity: z.enum(['day', 'month']).default('day'),
});

export interface EntityCostRoutesOptions {
  costQueries: Pick<CostQueryService, 'entityCost'>;
  requirePermission: RequirePermission;
}

/** `GET /entities/:kind/:namespace/:name/cost`: an entity's cost over its rollup. */
export function createEntityCostRoutes(options: EntityCostRoutesOptions) {
  const { costQueries, requirePermission } = options;
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/cost', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    const query = parseQuery(costQuery, req.query);
    const { kind, namespace, name } = req.params;
    res.json(
      await costQueries.entityCost(
        { kind, namespace, name },
        { ...resolvePeriod(query), basis: query.basis, granularity: query.granularity },
      ),
    );
  });

  return router;
}
