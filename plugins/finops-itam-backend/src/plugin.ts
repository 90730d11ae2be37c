import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  FINOPS_ITAM_PLUGIN_ID,
  finopsItamPermissions,
} from '@finops-itam/plugin-finops-itam-common';
import { finopsItamCostSourcesExtensionPoint } from '@finops-itam/plugin-finops-itam-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  readAllocationConfig,
  scheduleAllocationTask,
} from './allocation/allocationConfig';
import { AllocationService } from './allocation/AllocationService';
import { CostQueryService } from './allocation/CostQueryService';
import { DatabaseAllocationStore } from './database/DatabaseAllocationStore';
import { DatabaseCostStore } from './database/DatabaseCostStore';
import { migrateDatabase } from './database/migrations';
import { databaseKindOf } from './database/databaseKind';
import { FocusFileReader } from './ingestion/FocusFileReader';
import { readRejectedCostLimit } from './ingestion/rejectedCostLimit';
import { IngestionService } from './ingestion/IngestionService';
import { ChargebackReport } from './allocation/ChargebackReport';
import {
  UnallocatedReport,
  readRequiredTags,
} from './allocation/UnallocatedReport';
import { createRouter } from './router';
import { createRequirePermission } from './permissions';
import { HealthService } from './services/HealthService';
import { collectCostSources } from './sources/collectCostSources';
import { readCostIngestionConfig } from './sources/config';
import { CostSourceRegistry } from './sources/CostSourceRegistry';
import { CostSourceRunner } from './sources/CostSourceRunner';
import { CostSourceStatusReader } from './sources/CostSourceStatusReader';
import {
  scheduleCostSourceTasks,
  scheduleRetentionTask,
} from './sources/scheduleCostTasks';
import { SourceFileFetcher } from './sources/SourceFileFetcher';
// --- licenses (issue 5) ---
import { DatabaseLicenseStore } from './licenses/DatabaseLicenseStore';
import { EntitlementSourceRunner } from './licenses/EntitlementSourceRunner';
import { readLicenseConfig } from './licenses/licenseConfig';
import { LicenseProductCatalog } from './licenses/LicenseProductCatalog';
import { LicenseService } from './licenses/LicenseService';
import { RollupLicenseCostReader } from './licenses/RollupLicenseCostReader';
import { SeatSourceRunner } from './licenses/SeatSourceRunner';
import {
  licenseCostTrigger,
  scheduleLicenseTasks,
} from './licenses/scheduleLicenseTasks';
// --- end licenses ---
// finops-itam business metrics, unit cost and team cost: begin
import { DatabaseMetricStore } from './metrics/DatabaseMetricStore';
import { readMetricSourcesConfig } from './metrics/metricSourcesConfig';
import { MetricSourceRunner } from './metrics/MetricSourceRunner';
import { DatabaseMetricVolumeReader } from './metrics/MetricVolumeReader';
import { scheduleMetricSourceTasks } from './metrics/scheduleMetricSourceTasks';
import { UnitCostService } from './metrics/UnitCostService';
import { EntityPeriodTotals } from './teams/EntityPeriodTotals';
import { TeamCostService } from './teams/TeamCostService';
// finops-itam business metrics, unit cost and team cost: end

const INTERRUPTED_AFTER_MS = 2 * 60 * 60 * 1000;

/**
 * The finops-itam backend plugin, served at `/api/finops-itam`.
 *
 * @public
 */
export const finopsItamPlugin = createBackendPlugin({
  pluginId: FINOPS_ITAM_PLUGIN_ID,
  register(env) {
    const costSources = new CostSourceRegistry();
    env.registerExtensionPoint(
      finopsItamCostSourcesExtensionPoint,
      costSources,
    );

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, database, httpRouter, scheduler } = deps;
        // Read first: a config mistake stops the backend before anything is scheduled.
        const ingestionConfig = readCostIngestionConfig(config);
        const allocationConfig = readAllocationConfig(config);
        const licenseConfig = readLicenseConfig(config);
        const metricSources = readMetricSourcesConfig(config);

        const client = await database.getClient();
        await migrateDatabase(client, database);
        logger.info(
          `finops-itam database ready on ${databaseKindOf(client)}; ` +
            `${ingestionConfig.sources.length} configured cost source(s), ` +
            `${costSources.list().length} cost source(s) from modules`,
        );

        deps.permissionsRegistry.addPermissions(finopsItamPermissions);

        const store = new DatabaseCostStore(client);
        // An ingestion older than the longest task timeout cannot still be running anywhere.
        const now = new Date();
        const interrupted = await store.failInterruptedIngestions(
          now,
          new Date(now.getTime() - INTERRUPTED_AFTER_MS),
        );
        if (interrupted > 0) {
          logger.warn(
            `Marked ${interrupted} interrupted ingestion(s) as failed`,
          );
        }
        const ingestion = new IngestionService(
          store,
          new FocusFileReader(),
          logger,
          {
            maxRejectedShare: ingestionConfig.maxRejectedShare,
            maxRejectedCost: readRejectedCostLimit(config),
          },
        );
        const allocationStore = new DatabaseAllocationStore(client);
        const allocation = new AllocationService({
          store: allocationStore,
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          fallbackRules: allocationConfig.fallbackRules,
          sharedCost: allocationConfig.sharedCost,
          // Metric-driven shared pools split by the targets' business metric volumes.
          metrics: new DatabaseMetricVolumeReader(client),
        });
        // New facts are allocated right after a successful ingestion; until then the API
        // reports allocation as running. The scheduled task catches anything missed.
        const allocatingIngestion: Pick<IngestionService, 'ingest'> = {
          async ingest(request) {
            const report = await ingestion.ingest(request);
            if (report.status === 'succeeded') {
              allocation.runSoon();
            }
            return report;
          },
        };
        // Configured and contributed sources run alike, through one runner.
        const allCostSources = collectCostSources({
          configured: ingestionConfig.sources,
          contributed: costSources.list(),
          fetcher: new SourceFileFetcher({ urlReader: deps.urlReader }),
        });
        const runner = new CostSourceRunner({
          sources: allCostSources,
          ingestion: allocatingIngestion,
          store,
          logger,
        });

        await scheduleCostSourceTasks({
          scheduler,
          runner,
          sources: allCostSources,
          logger,
        });
        await scheduleRetentionTask({
          scheduler,
          store,
          retentionMonths: ingestionConfig.retentionMonths,
          logger,
        });
        await scheduleAllocationTask({
          scheduler,
          allocation,
          schedule: allocationConfig.schedule,
          logger,
        });

        // business metrics, unit cost and team cost: begin
        const metricStore = new DatabaseMetricStore(client);
        const metricVolumes = new DatabaseMetricVolumeReader(client);
        await scheduleMetricSourceTasks({
          scheduler,
          runner: new MetricSourceRunner({
            sources: metricSources,
            fetcher: new SourceFileFetcher({ urlReader: deps.urlReader }),
            store: metricStore,
            logger,
          }),
          sources: metricSources,
          logger,
        });
        const costQueries = new CostQueryService({
          store: allocationStore,
          catalog: deps.catalog,
          auth: deps.auth,
          licenseCosts: new RollupLicenseCostReader(client),
          answerCacheMegabytes: allocationConfig.costAnswerCacheMegabytes,
        });
        // business metrics, unit cost and team cost: end

        // --- licenses (issue 5) ---
        const licenseStore = new DatabaseLicenseStore(client);
        const licenses = new LicenseService({
          db: client,
          store: licenseStore,
          productCatalog: new LicenseProductCatalog(
            licenseConfig.products,
            licenseStore,
          ),
          catalog: deps.catalog,
          auth: deps.auth,
          config: licenseConfig,
        });
        const onLicensesChanged = licenseCostTrigger(scheduler, logger);
        const licenseSourceOptions = {
          fetcher: new SourceFileFetcher({ urlReader: deps.urlReader }),
          licenses,
          store: licenseStore,
          auditor: deps.auditor,
          logger,
          onChange: onLicensesChanged,
        };
        await scheduleLicenseTasks({
          scheduler,
          config: licenseConfig,
          runner: new EntitlementSourceRunner(licenseSourceOptions),
          seatRunner: new SeatSourceRunner(licenseSourceOptions),
          licenses,
          logger,
        });
        // --- end licenses ---

        httpRouter.use(
          await createRouter({
            health: new HealthService(client),
            runner,
            statuses: new CostSourceStatusReader(allCostSources, store),
            ingestion: allocatingIngestion,
            store,
            allocation,
            costQueries,
            unallocatedReport: new UnallocatedReport({
              db: client,
              catalog: deps.catalog,
              auth: deps.auth,
              requiredTags: readRequiredTags(config),
            }),
            chargebackReport: new ChargebackReport({
              db: client,
              catalog: deps.catalog,
              auth: deps.auth,
              // Only chargeback-mode pools are charged; showback parts are listed beside them.
              poolModes: new Map(allocationConfig.sharedCost.pools.map(p => [p.id, p.mode])),
            }),
            requirePermission: createRequirePermission(deps),
            auditor: deps.auditor,
            uploadLimitMb: ingestionConfig.uploadLimitMb,
            // licenses (issue 5): begin
            licenses,
            onLicensesChanged,
            // licenses (issue 5): end
            // business metrics, unit cost and team cost: begin
            metricStore,
            unitCosts: new UnitCostService({
              costQueries,
              volumes: metricVolumes,
              catalog: deps.catalog,
              auth: deps.auth,
            }),
            teamCosts: new TeamCostService({
              totals: new EntityPeriodTotals(client),
              volumes: metricVolumes,
              catalog: deps.catalog,
              auth: deps.auth,
            }),
            // business metrics, unit cost and team cost: end
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
