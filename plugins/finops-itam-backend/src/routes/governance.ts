import { finopsItamReadPermission } from '@finops-itam/plugin-finops-itam-common';
import {
  parseQuery,
  periodQuery,
  resolvePeriod,
} from '../allocation/costPeriod';
import { ComplianceService } from '../governance/compliance/ComplianceService';
import { RequirePermission, requireCostOfEveryEntity } from '../permissions';
import { createTypedRoutes } from '../schema';

const complianceQuery = periodQuery.omit({ basis: true });

export interface GovernanceRoutesOptions {
  compliance: Pick<ComplianceService, 'report'>;
  requirePermission: RequirePermission;
}

/** `GET /governance/compliance`: running cost outside `finopsItam.policies`, per owner. */
export function createGovernanceRoutes(options: GovernanceRoutesOptions) {
  const { compliance, requirePermission } = options;
  const router = createTypedRoutes();

  router.get('/governance/compliance', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    await requireCostOfEveryEntity(
      requirePermission,
      req,
      'the compliance report',
    );
    const period = resolvePeriod(parseQuery(complianceQuery, req.query));
    res.json(await compliance.report(period));
  });

  return router;
}
