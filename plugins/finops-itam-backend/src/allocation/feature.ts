import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { createAllocationRoutes } from '../routes/allocation';
import { createChargebackRoutes } from '../routes/chargeback';
import { createEntityCostRoutes } from '../routes/entityCost';
import { createUnallocatedRoutes } from '../routes/unallocated';
import { allocationTask, readAllocationConfig } from './allocationConfig';
import { AllocationService } from './AllocationService';
import { ChargebackReport } from './ChargebackReport';
import { CostQueryService } from './CostQueryService';
import { UnallocatedReport, readRequiredTags } from './UnallocatedReport';

/** How often any replica looks for allocation runs interrupted by a killed backend. */
export const INTERRUPTED_ALLOCATION_RUNS_TASK =
  'finops-itam-interrupted-allocation-runs';

/**
 * Allocation of cost facts to catalog entities (rules, shared pools, allocation keys) and
 * what is read from it: an entity's cost, coverage and conflicts, unallocated cost and
 * chargeback. Runs soon after new cost data is announced and on its own schedule; offers
 * `entityCost` to unit cost.
 */
export const createAllocationFeature: FinopsItamFeatureFactory = async core => {
  const { config, logger, stores, hooks, catalog, auth, requirePermission } =
    core;
  const allocationConfig = readAllocationConfig(config);
  const requiredTags = readRequiredTags(config);

  const allocation = new AllocationService({
    store: stores.allocations,
    catalog,
    auth,
    logger,
    fallbackRules: allocationConfig.fallbackRules,
    sharedCost: allocationConfig.sharedCost,
    // Metric-driven shared pools split by the targets' business metric volumes.
    metrics: stores.metrics,
  });
  // New facts are allocated right after a successful ingestion; until then the API reports
  // allocation as running. The scheduled task catches anything missed.
  hooks.costDataChanged.on(() => allocation.runSoon());

  const costQueries = new CostQueryService({
    store: stores.allocations,
    catalog,
    auth,
    licenseCosts: stores.licenseCosts,
    answerCacheMegabytes: allocationConfig.costAnswerCacheMegabytes,
  });
  hooks.entityCost.offer(costQueries);

  const unallocatedReport = new UnallocatedReport({
    store: stores.costReports,
    catalog,
    auth,
    requiredTags,
  });
  const chargebackReport = new ChargebackReport({
    store: stores.costReports,
    catalog,
    auth,
    // Only chargeback-mode pools are charged; showback parts are listed beside them.
    poolModes: new Map(
      allocationConfig.sharedCost.pools.map(pool => [pool.id, pool.mode]),
    ),
  });

  const markInterrupted = async () => {
    const interrupted = await allocation.failInterrupted();
    if (interrupted > 0) {
      logger.warn(
        `Marked ${interrupted} interrupted allocation run(s) as failed`,
      );
    }
  };
  await markInterrupted();

  return {
    id: 'allocation',
    routes: [
      {
        mount: router => {
          router.use(
            createEntityCostRoutes({ costQueries, requirePermission }),
          );
          router.use(
            createAllocationRoutes({
              allocation,
              costQueries,
              requirePermission,
              auditor: core.auditor,
            }),
          );
          router.use(
            createUnallocatedRoutes({ unallocatedReport, requirePermission }),
          );
          router.use(
            createChargebackRoutes({ chargebackReport, requirePermission }),
          );
        },
      },
    ],
    tasks: [
      {
        id: INTERRUPTED_ALLOCATION_RUNS_TASK,
        scope: 'global',
        frequency: { minutes: 1 },
        timeout: { minutes: 1 },
        initialDelay: { seconds: 30 },
        fn: markInterrupted,
      },
      allocationTask({
        allocation,
        schedule: allocationConfig.schedule,
        logger,
      }),
    ],
  };
};
