import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { finopsItamCostSourcesExtensionPoint } from '@finops-itam/plugin-finops-itam-node';
import { CONFIG_KEY, readWarehouseSourceOptions } from './config';
import { DuckDbWarehouseCostSource } from './DuckDbWarehouseCostSource';

/**
 * Adds a cost source that reads pre-aggregated daily FOCUS facts from DuckDB (a database
 * file, or Parquet or CSV files) when `finopsItam.duckdbWarehouse` is configured; without
 * it the module adds nothing.
 *
 * @public
 */
export const finopsItamModuleDuckdbWarehouse = createBackendModule({
  pluginId: 'finops-itam',
  moduleId: 'duckdb-warehouse',
  register(reg) {
    reg.registerInit({
      deps: {
        costSources: finopsItamCostSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ costSources, config, logger }) {
        const options = readWarehouseSourceOptions(config);
        if (!options) {
          logger.debug(`${CONFIG_KEY} is not configured; no source added`);
          return;
        }
        // DuckDB opens the warehouse per run, so one that is missing fails a run, not the start.
        const source = new DuckDbWarehouseCostSource(options);
        costSources.addCostSource(source);
        logger.info(`Cost source ${source.id}: ${source.description}`);
      },
    });
  },
});
