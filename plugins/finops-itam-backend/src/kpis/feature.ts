import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { createCommitmentRoutes } from '../routes/commitments';
import { createKpiRoutes } from '../routes/kpis';
import { readKpiConfig } from './kpiConfig';
import { KpiService } from './KpiService';
import { owningGroups } from './owningGroups';

/** The rollup task's id: a request that finds the rollup behind asks for an early run. */
export const KPI_ROLLUP_TASK = 'finops-itam-kpi-rollup';

/**
 * FinOps KPIs (issue 17): `GET /kpis` (effective savings rates, commitment utilization,
 * coverage and waste, allocation coverage) and `GET /commitments`, over the cost facts and
 * their allocation. A global task keeps the KPI rollup (sums per day and month without
 * resources) in step with the cost data, which makes a year's KPIs a read of a few thousand
 * rows; until it has caught up after a change, requests sum the facts.
 */
export const createKpisFeature: FinopsItamFeatureFactory = core => {
  const { config, logger, stores, scheduler } = core;
  const settings = readKpiConfig(config);
  let triggered = false;
  const kpis = new KpiService({
    store: stores.kpis,
    owningGroups: owningGroups(core.catalog, core.auth),
    eligibleServiceCategories: settings.eligibleServiceCategories,
    onStaleRollup: () => {
      // Once per run at most: each stale request would otherwise ask again.
      if (triggered) return;
      triggered = true;
      scheduler.triggerTask(KPI_ROLLUP_TASK).catch(error => {
        logger.debug(`Could not start the KPI rollup early: ${error}`);
      });
    },
  });

  return {
    id: 'kpis',
    routes: [
      {
        mount: router => {
          const options = { kpis, requirePermission: core.requirePermission };
          router.use(createKpiRoutes(options));
          router.use(createCommitmentRoutes(options));
        },
      },
    ],
    tasks: [
      {
        id: KPI_ROLLUP_TASK,
        scope: 'global',
        ...settings.rollupSchedule,
        fn: async () => {
          triggered = false;
          const started = Date.now();
          const build = await kpis.refreshRollup();
          if (build) {
            logger.info(
              `KPI rollup rebuilt for cost data version ${build.dataVersion}: ${
                build.rows
              } rows in ${Date.now() - started} ms`,
            );
          }
        },
      },
    ],
  };
};
