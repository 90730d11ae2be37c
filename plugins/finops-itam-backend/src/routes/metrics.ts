import { AuditorService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  MetricRejection,
  MetricValuesResponse,
  finopsItamMetricsWritePermission,
} from '@finops-itam/plugin-finops-itam-common';
import express from 'express';
import { MetricStore } from '../metrics/MetricStore';
import {
  metricNameProblem,
  validateMetricRows,
} from '../metrics/metricValidation';
import { RequirePermission } from '../permissions';
import { createTypedRoutes } from '../schema';

/** A year of daily values for a few hundred entities fits; anything larger belongs in a CSV source. */
export const MAX_METRIC_VALUES = 100_000;
const BODY_LIMIT = '20mb';

export interface MetricsRoutesOptions {
  metricStore: Pick<MetricStore, 'replaceValues'>;
  requirePermission: RequirePermission;
  auditor: AuditorService;
  now?: () => Date;
}

/**
 * The 400 answer for rejected values: the usual Backstage error body, so clients that only
 * read `error.message` still get the gist, plus every rejection for those that list them.
 */
function rejectionBody(
  req: express.Request,
  metric: string,
  rejections: MetricRejection[],
) {
  const shown = rejections
    .slice(0, 5)
    .map(r => `row ${r.row} ${r.field}: ${r.reason}`)
    .join('; ');
  const more =
    rejections.length > 5 ? ` (and ${rejections.length - 5} more)` : '';
  return {
    error: {
      name: 'InputError',
      message: `Rejected all values of metric ${metric}, nothing was stored: ${shown}${more}`,
    },
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: 400 },
    rejections,
  };
}

/**
 * `PUT /metrics/:name`: replaces the given entity-days of a business metric. All or
 * nothing: one bad row rejects the request, and the answer lists every bad row.
 *
 * Mounted before the router's default JSON parser, which stops at 100 kB (about 1,500 values).
 */
export function createMetricsRoutes(options: MetricsRoutesOptions) {
  const { metricStore, requirePermission, auditor } = options;
  const now = options.now ?? (() => new Date());
  const router = createTypedRoutes();

  router.put(
    '/metrics/:name',
    express.json({ limit: BODY_LIMIT }),
    async (req, res) => {
      const metric = req.params.name;
      const event = await auditor.createEvent({
        eventId: 'metric-values-write',
        severityLevel: 'medium',
        request: req,
        meta: { metric },
      });
      try {
        const credentials = await requirePermission(
          req,
          finopsItamMetricsWritePermission,
        );
        const nameProblem = metricNameProblem(metric);
        if (nameProblem) {
          throw new InputError(
            `Invalid metric name in the path: ${nameProblem}`,
          );
        }
        const values: unknown = (req.body as { values?: unknown } | undefined)
          ?.values;
        if (!Array.isArray(values)) {
          throw new InputError(
            'The body must be JSON like {"values": [{"entityRef": "component:default/checkout", "date": "2026-11-01", "value": "1250"}]}',
          );
        }
        if (values.length > MAX_METRIC_VALUES) {
          throw new InputError(
            `${values.length} values in one request; send at most ${MAX_METRIC_VALUES}, or deliver them as a CSV metric source`,
          );
        }
        const { rows, rejections } = validateMetricRows(values);
        if (rejections.length > 0) {
          await event.fail({
            meta: { metric, rejected: rejections.length },
            error: new InputError(`${rejections.length} rejected value(s)`),
          });
          res.status(400).json(rejectionBody(req, metric, rejections));
          return;
        }
        // A user's entity ref, or a service's subject such as `external:metrics-exporter`.
        const principal = credentials.principal as {
          userEntityRef?: string;
          subject?: string;
        };
        const writer =
          principal.userEntityRef ?? principal.subject ?? 'unknown';
        const accepted = await metricStore.replaceValues(
          metric,
          rows,
          `api:${writer}`,
          now(),
        );
        await event.success({ meta: { metric, accepted } });
        const body: MetricValuesResponse = { name: metric, accepted };
        res.json(body);
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  );

  return router;
}
