import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  FINOPS_ITAM_PLUGIN_ID,
  finopsItamPermissions,
} from '@finops-itam/plugin-finops-itam-common';
import { finopsItamCostSourcesExtensionPoint } from '@finops-itam/plugin-finops-itam-node';
import { DatabaseCostStore } from './database/DatabaseCostStore';
import { migrateDatabase } from './database/migrations';
import { databaseKindOf } from './database/databaseKind';
import { FocusFileReader } from './ingestion/FocusFileReader';
import { IngestionService } from './ingestion/IngestionService';
import { createRouter } from './router';
import { createRequirePermission } from './routes/requirePermission';
import { CostSourceRegistry } from './services/CostSourceRegistry';
import { HealthService } from './services/HealthService';
import { readCostIngestionConfig } from './sources/config';
import { CostSourceRunner } from './sources/CostSourceRunner';
import { CostSourceStatusReader } from './sources/CostSourceStatusReader';
import {
  scheduleCostSourceTasks,
  scheduleRetentionTask,
} from './sources/scheduleCostTasks';
import { SourceFileFetcher } from './sources/SourceFileFetcher';

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
      },
      async init(deps) {
        const { config, logger, database, httpRouter, scheduler } = deps;
        // Read first: a config mistake stops the backend before anything is scheduled.
        const ingestionConfig = readCostIngestionConfig(config);

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
          },
        );
        const runner = new CostSourceRunner({
          sources: ingestionConfig.sources,
          fetcher: new SourceFileFetcher({ urlReader: deps.urlReader }),
          ingestion,
          store,
          logger,
        });

        await scheduleCostSourceTasks({
          scheduler,
          runner,
          sources: ingestionConfig.sources,
          logger,
        });
        await scheduleRetentionTask({
          scheduler,
          store,
          retentionMonths: ingestionConfig.retentionMonths,
          logger,
        });

        httpRouter.use(
          await createRouter({
            health: new HealthService(client),
            runner,
            statuses: new CostSourceStatusReader(
              ingestionConfig.sources,
              store,
            ),
            ingestion,
            store,
            requirePermission: createRequirePermission(deps),
            auditor: deps.auditor,
            uploadLimitMb: ingestionConfig.uploadLimitMb,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
