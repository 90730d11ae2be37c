import { finopsItamReadPermission } from '@finops-itam/plugin-finops-itam-common';
import { resolvePeriod } from '../allocation/costPeriod';
import { MarketplaceService } from '../marketplace/MarketplaceService';
import { RequirePermission, requireCostOfEveryEntity } from '../permissions';
import { createTypedRoutes } from '../schema';

export interface MarketplaceRoutesOptions {
  marketplace: Pick<MarketplaceService, 'spend'>;
  requirePermission: RequirePermission;
}

/**
 * `GET /marketplace?from&to`: marketplace spend per seller, behind `finops-itam.read`. The
 * contract checks the dates; `resolvePeriod` fills in the defaults and checks the order.
 */
export function createMarketplaceRoutes(options: MarketplaceRoutesOptions) {
  const { marketplace, requirePermission } = options;
  const router = createTypedRoutes();

  router.get('/marketplace', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    await requireCostOfEveryEntity(requirePermission, req, 'marketplace spend');
    res.json(await marketplace.spend(resolvePeriod(req.query)));
  });

  return router;
}
