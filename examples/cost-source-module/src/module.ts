import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { finopsItamCostSourcesExtensionPoint } from '@finops-itam/plugin-finops-itam-node';
import { knex, Knex } from 'knex';
import { WarehouseCostSource } from './WarehouseCostSource';

/**
 * Adds the `warehouse-focus` cost source to the finops-itam plugin, reading the table
 * that `warehouseCostSource` in app-config names.
 */
export const warehouseCostSourceModule = createBackendModule({
  pluginId: 'finops-itam',
  moduleId: 'warehouse-cost-source',
  register(env) {
    env.registerInit({
      deps: {
        costSources: finopsItamCostSourcesExtensionPoint,
        config: coreServices.rootConfig,
        lifecycle: coreServices.lifecycle,
      },
      async init({ costSources, config, lifecycle }) {
        const settings = config.getConfig('warehouseCostSource');
        // Knex connects on the first query, so a warehouse that is down fails a run, not the start.
        const db = knex({
          client: settings.getString('client'),
          connection: settings.get('connection') as Knex.Config['connection'],
        });
        lifecycle.addShutdownHook(() => db.destroy());
        costSources.addCostSource(
          new WarehouseCostSource({
            id: 'warehouse-focus',
            db,
            table: settings.getString('table'),
            versionColumn: settings.getOptionalString('versionColumn'),
          }),
        );
      },
    });
  },
});
