import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { createMetricsRoutes } from '../routes/metrics';
import { createUnitCostRoutes } from '../routes/unitCost';
import { metricSourceTasks } from './metricSourceTasks';
import { readMetricSourcesConfig } from './metricSourcesConfig';
import { MetricSourceRunner } from './MetricSourceRunner';
import { UnitCostService } from './UnitCostService';

/**
 * Business metrics (`PUT /metrics/:name` and scheduled metric sources) and unit cost
 * (`GET .../unit-cost`: an entity's cost, from allocation, per unit of a metric).
 */
export const createMetricsFeature: FinopsItamFeatureFactory = core => {
  const { config, logger, stores, hooks, requirePermission } = core;
  const sources = readMetricSourcesConfig(config);
  const runner = new MetricSourceRunner({
    sources,
    fetcher: core.fileFetcher,
    store: stores.metrics,
    logger,
  });
  const unitCosts = new UnitCostService({
    costQueries: {
      entityCost: (...args) => hooks.entityCost.get().entityCost(...args),
    },
    volumes: stores.metrics,
    catalog: core.catalog,
    auth: core.auth,
  });

  return {
    id: 'metrics',
    routes: [
      {
        mount: router =>
          router.use(
            createMetricsRoutes({
              metricStore: stores.metrics,
              requirePermission,
              auditor: core.auditor,
            }),
          ),
      },
      {
        mount: router =>
          router.use(createUnitCostRoutes({ unitCosts, requirePermission })),
      },
    ],
    tasks: metricSourceTasks({ runner, sources, logger }),
  };
};
