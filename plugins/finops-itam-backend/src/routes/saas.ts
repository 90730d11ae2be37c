import { finopsItamReadPermission } from '@finops-itam/plugin-finops-itam-common';
import { DateTime } from 'luxon';
import { RequirePermission, requireCostOfEveryEntity } from '../permissions';
import { SaasContractService } from '../saas/SaasContractService';
import { createTypedRoutes } from '../schema';

export interface SaasRoutesOptions {
  contracts: Pick<SaasContractService, 'list'>;
  requirePermission: RequirePermission;
  /** Today, for a request without `asOf`; a parameter so tests need no clock. */
  today?: () => string;
}

/**
 * `GET /saas/contracts?asOf`: the configured SaaS contracts with their drawdown, behind
 * `finops-itam.read`. The contract checks that `asOf` is a real date.
 */
export function createSaasRoutes(options: SaasRoutesOptions) {
  const { contracts, requirePermission } = options;
  const today = options.today ?? (() => DateTime.utc().toISODate()!);
  const router = createTypedRoutes();

  router.get('/saas/contracts', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    await requireCostOfEveryEntity(
      requirePermission,
      req,
      'the SaaS contracts report',
    );
    res.json(await contracts.list(req.query.asOf ?? today()));
  });

  return router;
}
