import { finopsItamReadPermission } from '@finops-itam/plugin-finops-itam-common';
import { z } from 'zod';
import {
  parseQuery,
  periodQuery,
  resolvePeriod,
} from '../allocation/costPeriod';
import { KpiService } from '../kpis/KpiService';
import { RequirePermission, requireCostOfEveryEntity } from '../permissions';
import { createTypedRoutes } from '../schema';

export interface KpiRoutesOptions {
  kpis: Pick<KpiService, 'kpis'>;
  requirePermission: RequirePermission;
}

const kpiQuery = periodQuery.pick({ from: true, to: true }).extend({
  groupBy: z.enum(['provider', 'billingAccount', 'team']).optional(),
});

/**
 * `GET /kpis`: effective savings rates, commitment utilization, coverage and waste, and
 * allocation coverage over `[from, to)` (the 30 days before `to` by default), per currency,
 * optionally per provider, billing account or team. Needs `finops-itam.read`.
 */
export function createKpiRoutes(options: KpiRoutesOptions) {
  const { kpis, requirePermission } = options;
  const router = createTypedRoutes();

  router.get('/kpis', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    await requireCostOfEveryEntity(requirePermission, req, 'the KPIs');
    const query = parseQuery(kpiQuery, req.query);
    res.json(await kpis.kpis(resolvePeriod(query), query.groupBy));
  });

  return router;
}
