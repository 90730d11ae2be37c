import { EntityForecastResponse } from '@finops-itam/plugin-finops-itam-common';
import { EntityForecastService } from '../forecasts/EntityForecastService';
import { forecastResponse } from '../forecasts/forecastResponse';
import { RequirePermission, requireEntityCostRead } from '../permissions';
import { createTypedRoutes } from '../schema';

export interface ForecastRoutesOptions {
  forecasts: Pick<EntityForecastService, 'forecast'>;
  requirePermission: RequirePermission;
}

/**
 * `GET /entities/:kind/:namespace/:name/forecast`: the entity's all-in cost ahead, day by day
 * for 90 days and per month for this month and the next 12, with the known license changes
 * in it; behind `finops-itam.cost.read` on the entity, as its cost is.
 */
export function createForecastRoutes(options: ForecastRoutesOptions) {
  const { forecasts, requirePermission } = options;
  const router = createTypedRoutes();

  router.get('/entities/:kind/:namespace/:name/forecast', async (req, res) => {
    const { kind, namespace, name } = req.params;
    await requireEntityCostRead(requirePermission, req);
    const body: EntityForecastResponse = forecastResponse(
      await forecasts.forecast({ kind, namespace, name }),
    );
    res.json(body);
  });

  return router;
}
