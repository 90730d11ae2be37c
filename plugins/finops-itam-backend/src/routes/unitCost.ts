import { z } from 'zod';
import {
  parseQuery,
  periodQuery,
  resolvePeriod,
} from '../allocation/costPeriod';
import { UnitCostService } from '../metrics/UnitCostService';
import { RequirePermission, requireEntityCostRead } from '../permissions';
import { createTypedRoutes } from '../schema';

const unitCostQuery = periodQuery.extend({
  granularity: z.enum(['day', 'month']).default('day'),
});

export interface UnitCostRoutesOptions {
  unitCosts: Pick<UnitCostService, 'unitCost'>;
  requirePermission: RequirePermission;
}

/**
 * `GET /entities/:kind/:namespace/:name/unit-cost`: all-in cost per unit of the entity's
 * business metric, behind `finops-itam.cost.read` on that entity like `GET .../cost`.
 */
export function createUnitCostRoutes(options: UnitCostRoutesOptions) {
  const { unitCosts, requirePermission } = options;
  const router = createTypedRoutes();

  router.get('/entities/:kind/:namespace/:name/unit-cost', async (req, res) => {
    const { kind, namespace, name } = req.params;
    await requireEntityCostRead(requirePermission, req);
    const query = parseQuery(unitCostQuery, req.query);
    res.json(
      await unitCosts.unitCost(
        { kind, namespace, name },
        {
          ...resolvePeriod(query),
          basis: query.basis,
          granularity: query.granularity,
        },
      ),
    );
  });

  return router;
}
