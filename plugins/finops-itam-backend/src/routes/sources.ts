import { AuditorService } from '@backstage/backend-plugin-api';
import {
  finopsItamIngestionRunPermission,
  finopsItamReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { CostSourceRunner } from '../sources/CostSourceRunner';
import { CostSourceStatusReader } from '../sources/CostSourceStatusReader';
import { CostSourceRunResult } from '../sources/types';
import { RequirePermission } from '../permissions';
import { createTypedRoutes } from '../schema';

/** A skipped run is a success; a rejected delivery is the caller's data, a failure ours. */
const HTTP_STATUS: Record<CostSourceRunResult['status'], number> = {
  succeeded: 200,
  skipped: 200,
  rejected: 400,
  failed: 500,
};

/** `GET /sources` and `POST /sources/:id/refresh`. */
export function createSourcesRoutes(options: {
  runner: CostSourceRunner;
  statuses: CostSourceStatusReader;
  requirePermission: RequirePermission;
  auditor: AuditorService;
}) {
  const { runner, statuses, requirePermission, auditor } = options;
  const router = createTypedRoutes();

  router.get('/sources', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    res.json(await statuses.list());
  });

  router.post('/sources/:id/refresh', async (req, res) => {
    const sourceId = req.params.id;
    const event = await auditor.createEvent({
      eventId: 'cost-source-refresh',
      severityLevel: 'medium',
      request: req,
      meta: { sourceId },
    });
    let result: CostSourceRunResult;
    try {
      await requirePermission(req, finopsItamIngestionRunPermission);
      result = await runner.run(sourceId);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
    const meta = {
      sourceId,
      status: result.status,
      ingestionId: result.report?.id ?? null,
    };
    if (result.status === 'succeeded' || result.status === 'skipped') {
      await event.success({ meta });
    } else {
      await event.fail({ meta, error: new Error(result.message) });
    }
    res.status(HTTP_STATUS[result.status]).json(result);
  });

  return router;
}
