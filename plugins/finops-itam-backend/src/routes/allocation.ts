import { AuditorService } from '@backstage/backend-plugin-api';
import {
  finopsItamIngestionRunPermission,
  finopsItamReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import Router from 'express-promise-router';
import { AllocationService } from '../allocation/AllocationService';
import { CostQueryService } from '../allocation/CostQueryService';
import { parseQuery, periodQuery, resolvePeriod } from '../allocation/costPeriod';
import { RequirePermission } from './requirePermission';

export interface AllocationRoutesOptions {
  allocation: Pick<AllocationService, 'run'>;
  costQueries: Pick<CostQueryService, 'coverage'>;
  requirePermission: RequirePermission;
  auditor: AuditorService;
}

/** Allocation coverage, and running allocation on demand. */
export function createAllocationRoutes(options: AllocationRoutesOptions) {
  const { allocation, costQueries, requirePermission, auditor } = options;
  const router = Router();

  router.get('/allocation/coverage', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    const query = parseQuery(periodQuery, req.query);
    res.json(
      await costQueries.coverage({ ...resolvePeriod(query), basis: query.basis }),
    );
  });

  router.post('/allocation/run', async (req, res) => {
    await requirePermission(req, finopsItamIngestionRunPermission);
    const event = await auditor.createEvent({
      eventId: 'allocation-run',
      severityLevel: 'medium',
      request: req,
    });
    try {
      const result = await allocation.run();
      await event.success({ meta: { factsChanged: result.factsChanged } });
      res.json(result);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
