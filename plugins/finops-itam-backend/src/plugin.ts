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
import { notificationService } from '@backstage/plugin-notifications-node';
import { databaseKindOf } from './database/databaseKind';
import { migrateDatabase } from './database/migrations';
import { createFinopsItamHooks } from './feature/hooks';
import { loggedTask } from './feature/loggedTask';
import { createStores } from './feature/stores';
import { finopsItamFeatures } from './features';
import { createRequirePermission } from './permissions';
import { createRouter } from './router';
import { CostSourceRegistry } from './sources/CostSourceRegistry';
import { SourceFileFetcher } from './sources/SourceFileFetcher';

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
        notifications: notificationService,
      },
      async init(deps) {
        const { logger, database, httpRouter, scheduler } = deps;
        const db = await database.getClient();
        await migrateDatabase(db, database);
        logger.info(`finops-itam database ready on ${databaseKindOf(db)}`);
        deps.permissionsRegistry.addPermissions(finopsItamPermissions);

        const stores = createStores(db);
        const core = {
          ...deps,
          stores,
          requirePermission: createRequirePermission({
            ...deps,
            // Rollups are allowed under an owner rule when every member is readable.
            rollupMembersOf: ref => stores.allocations.rollupMembersOf(ref),
          }),
          fileFetcher: new SourceFileFetcher({ urlReader: deps.urlReader }),
          contributedCostSources: costSources.list(),
          hooks: createFinopsItamHooks(),
        };
        // Every feature reads its config before anything is scheduled or mounted, so a
        // config mistake in any of them stops the backend with nothing half started.
        const features = [];
        for (const createFeature of finopsItamFeatures) {
          features.push(await createFeature(core));
        }

        for (const task of features.flatMap(f => f.tasks ?? [])) {
          await scheduler.scheduleTask(loggedTask(task, logger));
        }
        httpRouter.use(
          await createRouter(features.flatMap(f => f.routes ?? [])),
        );
        for (const policy of features.flatMap(f => f.authPolicies ?? [])) {
          httpRouter.addAuthPolicy(policy);
        }
      },
    });
  },
});
