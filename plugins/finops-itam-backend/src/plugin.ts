import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  FINOPS_ITAM_PLUGIN_ID,
  finopsItamPermissions,
} from '@finops-itam/plugin-finops-itam-common';
import { finopsItamCostSourcesExtensionPoint } from '@finops-itam/plugin-finops-itam-node';
import { migrateDatabase } from './database/migrations';
import { databaseKindOf } from './database/databaseKind';
import { createRouter } from './router';
import { CostSourceRegistry } from './services/CostSourceRegistry';
import { HealthService } from './services/HealthService';

/**
 * The finops-itam backend plugin, served at `/api/finops-itam`.
 *
 * @public
 */
export const finopsItamPlugin = createBackendPlugin({
  pluginId: FINOPS_ITAM_PLUGIN_ID,
  register(env) {
    const costSources = new CostSourceRegistry();
    env.registerExtensionPoint(finopsItamCostSourcesExtensionPoint, costSources);

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({ logger, database, httpRouter, permissionsRegistry }) {
        const client = await database.getClient();
        await migrateDatabase(client, database);
        logger.info(
          `finops-itam database ready on ${databaseKindOf(client)}; ` +
            `${costSources.list().length} cost source(s) from modules`,
        );

        permissionsRegistry.addPermissions(finopsItamPermissions);

        httpRouter.use(
          await createRouter({ health: new HealthService(client) }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
