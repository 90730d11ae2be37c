import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { createIngestionRoutes } from '../routes/ingestions';
import { readCostIngestionConfig } from '../sources/config';
import { FocusFileReader } from './FocusFileReader';
import { IngestionService } from './IngestionService';
import { readRejectedCostLimit } from './rejectedCostLimit';
import { removeOrphanedScratch } from '../shared/scratchDirectory';

/** How often any replica looks for ingestions interrupted by a killed backend. */
export const INTERRUPTED_INGESTIONS_TASK = 'finops-itam-interrupted-ingestions';

/**
 * Reading FOCUS files into cost facts: `POST /ingestions` (uploads) and the ingestion log.
 * Offers `costIngestion` to cost sources, and announces `costDataChanged` after each
 * successful ingestion, whoever asked for it.
 */
export const createIngestionFeature: FinopsItamFeatureFactory = async core => {
  const { config, logger, stores, hooks } = core;
  const ingestionConfig = readCostIngestionConfig(config);
  const maxRejectedCost = readRejectedCostLimit(config);

  const service = new IngestionService(
    stores.costs,
    new FocusFileReader(undefined, ingestionConfig.maxDecompressedBytes),
    logger,
    { maxRejectedShare: ingestionConfig.maxRejectedShare, maxRejectedCost },
  );
  const ingestion = {
    async ingest(request: Parameters<IngestionService['ingest']>[0]) {
      const report = await service.ingest(request);
      if (report.status === 'succeeded') {
        hooks.costDataChanged.announce();
      }
      return report;
    },
  };
  hooks.costIngestion.offer(ingestion);

  const markInterrupted = async () => {
    const interrupted = await service.failInterrupted();
    if (interrupted > 0) {
      logger.warn(`Marked ${interrupted} interrupted ingestion(s) as failed`);
    }
  };
  // At start for runs silent long enough already; the task finds the rest within minutes.
  await markInterrupted();
  const orphans = await removeOrphanedScratch();
  if (orphans.length > 0) {
    logger.info(
      `Removed ${
        orphans.length
      } scratch folder(s) of stopped backends: ${orphans.join(', ')}`,
    );
  }

  return {
    id: 'ingestion',
    tasks: [
      {
        id: INTERRUPTED_INGESTIONS_TASK,
        scope: 'global',
        frequency: { minutes: 1 },
        timeout: { minutes: 1 },
        initialDelay: { seconds: 30 },
        fn: markInterrupted,
      },
    ],
    routes: [
      {
        mount: router =>
          router.use(
            createIngestionRoutes({
              ingestion,
              store: stores.costs,
              requirePermission: core.requirePermission,
              auditor: core.auditor,
              uploadLimitMb: ingestionConfig.uploadLimitMb,
            }),
          ),
      },
    ],
  };
};
