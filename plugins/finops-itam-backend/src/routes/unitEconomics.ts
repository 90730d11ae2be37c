import { finopsItamReadPermission } from '@finops-itam/plugin-finops-itam-common';
import { resolvePeriod } from '../allocation/costPeriod';
import { RequirePermission, requireCostOfEveryEntity } from '../permissions';
import { createTypedRoutes } from '../schema';
import { UnitEconomicsService } from '../unitEconomics/UnitEconomicsService';

export interface UnitEconomicsRoutesOptions {
  unitEconomics: Pick<UnitEconomicsService, 'unitEconomics'>;
  requirePermission: RequirePermission;
}

/** `GET /unit-economics?from&to`: all-in unit cost per entity, behind `finops-itam.read`. */
export function createUnitEconomicsRoutes(options: UnitEconomicsRoutesOptions) {
  const { unitEconomics, requirePermission } = options;
  const router = createTypedRoutes();

  router.get('/unit-economics', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    await requireCostOfEveryEntity(requirePermission, req, 'unit economics');
    res.json(await unitEconomics.unitEconomics(resolvePeriod(req.query)));
  });

  return router;
}
