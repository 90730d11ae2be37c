import { Response } from 'express';
import { z } from 'zod';
import { CostQueryService } from '../allocation/CostQueryService';
import {
  memoizedQueryParser,
  periodQuery,
  resolvePeriod,
} from '../allocation/costPeriod';
import { RequirePermission, requireEntityCostRead } from '../permissions';
import { createTypedRoutes } from '../schema';

const costQuery = periodQuery.extend({
  granularity: z.enum(['day', 'month']).default('day'),
});

export interface EntityCostRoutesOptions {
  costQueries: Pick<CostQueryService, 'entityCostAnswer'>;
  requirePermission: RequirePermission;
}

/**
 * `GET /entities/:kind/:namespace/:name/cost`: an entity's cost over its rollup, behind
 * `finops-itam.cost.read` on that entity.
 */
export function createEntityCostRoutes(options: EntityCostRoutesOptions) {
  const { costQueries, requirePermission } = options;
  const router = createTypedRoutes();
  const parseCostQuery = memoizedQueryParser(costQuery);

  router.get('/entities/:kind/:namespace/:name/cost', async (req, res) => {
    const { kind, namespace, name } = req.params;
    await requireEntityCostRead(requirePermission, req);
    const queryStart = req.url.indexOf('?');
    const query = parseCostQuery(
      queryStart < 0 ? '' : req.url.slice(queryStart),
      req.query,
    );
    const { body, etag } = await costQueries.entityCostAnswer(
      { kind, namespace, name },
      {
        ...resolvePeriod(query),
        basis: query.basis,
        granularity: query.granularity,
      },
    );
    // With the ETag set, Express answers a browser revalidating an unchanged answer with 304.
    // The answer is already serialised (cached bytes), so it is sent as a plain response.
    (res as Response).set('ETag', etag).type('application/json').send(body);
  });

  return router;
}
