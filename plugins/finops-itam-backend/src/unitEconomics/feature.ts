import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { UnitCostService } from '../metrics/UnitCostService';
import { createUnitEconomicsRoutes } from '../routes/unitEconomics';
import { UnitEconomicsService } from './UnitEconomicsService';

/**
 * Unit economics across services (`GET /unit-economics`): the all-in unit cost of every
 * entity with a business metric, from the same unit cost service as `GET .../unit-cost`.
 */
export const createUnitEconomicsFeature: FinopsItamFeatureFactory = core => {
  const { stores, hooks, requirePermission } = core;
  const unitCosts = new UnitCostService({
    costQueries: {
      entityCost: (...args) => hooks.entityCost.get().entityCost(...args),
    },
    volumes: stores.metrics,
    catalog: core.catalog,
    auth: core.auth,
  });
  const unitEconomics = new UnitEconomicsService({
    entities: stores.meteredEntities,
    unitCosts,
  });
  return {
    id: 'unit-economics',
    routes: [
      {
        mount: router =>
          router.use(
            createUnitEconomicsRoutes({ unitEconomics, requirePermission }),
          ),
      },
    ],
  };
};
