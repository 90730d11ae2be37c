import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { createIngestionRoutes } from '../routes/ingestions';
import { readCostIngestionConfig } from '../sources/config';
import { FocusFileReader } from './FocusFileReader';
import { IngestionService } from './IngestionService';
import { readRejectedCostLimit } from './rejectedCostLimit';

/** An ingestion older than the longest task timeout cannot still be running anywhere. */
const INTERRUPTED_AFTER_MS = 2 * 60 * 60 * 1000;

/**
 * Reading FOCUS files into cost facts: `POST /ingestions` (uploads) and the ingestion log.
 * Offers `costIngestion` to cost sources, and announces `costDataChanged` after each
 * successful ingestion, whoever asked for it.
 */
export const createIngestionFeature: FinopsItamFeatureFactory = async core => {
  const { config, logger, stores, hooks } = core;
  const ingestionConfig = readCostIngestionConfig(config);
  const maxRejectedCost = readRejectedCostLimit(config);

  const now = new Date();
  const interrupted = await stores.costs.failInterruptedIngestions(
    now,
    new Date(now.getTime() - INTERRUPTED_AFTER_MS),
  );
  if (interrupted > 0) {
    logger.warn(`Marked ${interrupted} interrupted ingestion(s) as failed`);
  }

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

  return {
    id: 'ingestion',
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
