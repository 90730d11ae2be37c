import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { createAnomalyRoutes } from '../routes/anomalies';
import { readAnomalyConfig } from './anomalyConfig';
import { AnomalyDetectionRun } from './AnomalyDetectionRun';
import { AnomalyNotifier } from './AnomalyNotifier';
import { AnomalyService } from './AnomalyService';

/** The scheduled detection task's id: new cost data asks the scheduler to run it early. */
export const ANOMALY_DETECTION_TASK = 'finops-itam-anomaly-detection';

/**
 * Anomalies: unusual daily cost of catalog entities and license position changes, found by
 * a global task every day and soon after new cost data (debounced, so a burst of
 * ingestions and the allocation run they cause lead to one run), told to the owning group
 * once, and worked through open → acknowledged → resolved on the anomaly routes.
 */
export const createAnomaliesFeature: FinopsItamFeatureFactory = core => {
  const { config, logger, stores, hooks, scheduler } = core;
  const settings = readAnomalyConfig(config);

  const detection = new AnomalyDetectionRun({
    store: stores.anomalies,
    claims: stores.notificationClaims,
    reader: stores.entityDailyCosts,
    catalog: core.catalog,
    auth: core.auth,
    licenseEngine: () => hooks.licenseEngine.get(),
    notifier: new AnomalyNotifier({
      notifications: core.notifications,
      logger,
    }),
    settings,
    logger,
  });
  const anomalies = new AnomalyService({ store: stores.anomalies });

  if (settings.enabled) {
    // Through the scheduler rather than a direct call: the task is global, so whichever
    // instance holds it runs it, once, and never beside a scheduled run.
    let timer: NodeJS.Timeout | undefined;
    hooks.costDataChanged.on(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        scheduler.triggerTask(ANOMALY_DETECTION_TASK).catch(error => {
          logger.warn(`Could not start anomaly detection early: ${error}`);
        });
      }, settings.debounceMinutes * 60_000);
      timer.unref?.();
    });
  }

  return {
    id: 'anomalies',
    routes: [
      {
        mount: router =>
          router.use(
            createAnomalyRoutes({
              anomalies,
              requirePermission: core.requirePermission,
              auditor: core.auditor,
            }),
          ),
      },
    ],
    tasks: settings.enabled
      ? [
          {
            id: ANOMALY_DETECTION_TASK,
            scope: 'global',
            ...settings.schedule,
            fn: async () => {
              const started = Date.now();
              const report = await detection.run();
              logger.info(
                `Anomaly detection judged ${
                  report.costEntities
                } entities up to ${report.lastComplete ?? 'no cost data'} in ${
                  Date.now() - started
                } ms: ${report.costAnomalies} cost and ${
                  report.licenseAnomalies
                } license anomalies (${report.newAnomalies} new); ${
                  report.notificationsSent
                } notifications sent, ${
                  report.notificationsFailed
                } failed (tried again next run), ${
                  report.unowned
                } anomalies without an owner`,
              );
            },
          },
        ]
      : [],
  };
};
