import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { createSourcesRoutes } from '../routes/sources';
import { collectCostSources } from './collectCostSources';
import { readCostIngestionConfig } from './config';
import { CostSourceRunner } from './CostSourceRunner';
import { CostSourceStatusReader } from './CostSourceStatusReader';
import { costSourceTasks, retentionTask } from './costTasks';

/**
 * Cost sources, configured (`finopsItam.costSources`) or added by modules, run alike on their
 * schedules and ingested through the ingestion feature; `GET /sources` and
 * `POST /sources/:id/refresh`; the daily deletion of facts past the retention.
 */
export const createSourcesFeature: FinopsItamFeatureFactory = core => {
  const { config, logger, stores, hooks } = core;
  const ingestionConfig = readCostIngestionConfig(config);
  const sources = collectCostSources({
    configured: ingestionConfig.sources,
    contributed: core.contributedCostSources,
    fetcher: core.fileFetcher,
  });
  logger.info(
    `${ingestionConfig.sources.length} configured cost source(s), ` +
      `${core.contributedCostSources.length} cost source(s) from modules`,
  );
  const runner = new CostSourceRunner({
    sources,
    ingestion: { ingest: request => hooks.costIngestion.get().ingest(request) },
    store: stores.costs,
    logger,
  });

  return {
    id: 'sources',
    routes: [
      {
        mount: router =>
          router.use(
            createSourcesRoutes({
              runner,
              statuses: new CostSourceStatusReader(sources, stores.costs),
              requirePermission: core.requirePermission,
              auditor: core.auditor,
            }),
          ),
      },
    ],
    tasks: [
      ...costSourceTasks({ runner, sources, logger }),
      retentionTask({
        store: stores.costs,
        retentionMonths: ingestionConfig.retentionMonths,
        logger,
      }),
    ],
  };
};
