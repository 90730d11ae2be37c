import { AuditorService } from '@backstage/backend-plugin-api';
import {
  AnomaliesResponse,
  finopsItamAnomalyManagePermission,
  finopsItamReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { AnomalyService } from '../anomalies/AnomalyService';
import { RequirePermission, readableCost } from '../permissions';
import { createTypedRoutes } from '../schema';
import { actorOf } from './onboarding';

export interface AnomalyRoutesOptions {
  anomalies: AnomalyService;
  requirePermission: RequirePermission;
  auditor: AuditorService;
}

/**
 * The anomaly list (`finops-itam.read`; only the anomalies of entities whose cost the caller
 * may read) and its workflow: acknowledging, resolving with a
 * reason and reopening (`finops-itam.anomaly.manage`), audited, by the user who did it.
 */
export function createAnomalyRoutes(options: AnomalyRoutesOptions) {
  const { anomalies, requirePermission, auditor } = options;
  const router = createTypedRoutes();

  router.get('/anomalies', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    // Amounts are entities' cost: an owner rule lists only the anomalies of one's own entities.
    const body: AnomaliesResponse = {
      items: await readableCost(
        requirePermission,
        req,
        await anomalies.list(req.query),
        anomaly => anomaly.entityRef,
      ),
    };
    res.json(body);
  });

  router.post('/anomalies/:id/status', async (req, res) => {
    const credentials = await requirePermission(
      req,
      finopsItamAnomalyManagePermission,
    );
    const by = actorOf(credentials);
    const { id } = req.params;
    const meta = { id, by, status: String(req.body?.status) };
    const event = await auditor.createEvent({
      eventId: 'anomaly-status-change',
      severityLevel: 'low',
      request: req,
      meta,
    });
    try {
      const changed = await anomalies.setStatus(id, req.body, by);
      await event.success({ meta });
      res.json(changed);
    } catch (error) {
      await event.fail({ error: error as Error, meta });
      throw error;
    }
  });

  return router;
}
