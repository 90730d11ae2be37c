import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { DuckDbWarehouseCostSourceOptions } from './DuckDbWarehouseCostSource';
import { WarehouseLocation } from './warehouse';

export const CONFIG_KEY = 'finopsItam.duckdbWarehouse';

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,2}$/;

function formatOf(paths: string[]): 'parquet' | 'csv' {
  const formats = new Set(
    paths.map(p => {
      if (/\.parquet$/i.test(p)) return 'parquet';
      if (/\.csv(\.gz)?$/i.test(p)) return 'csv';
      throw new Error(
        `${CONFIG_KEY}.files: "${p}" is neither .parquet nor .csv / .csv.gz`,
      );
    }),
  );
  if (formats.size > 1) {
    throw new Error(
      `${CONFIG_KEY}.files mixes Parquet and CSV; list one format`,
    );
  }
  return [...formats][0];
}

function readLocation(settings: Config): WarehouseLocation {
  const database = settings.getOptionalString('database');
  const files = settings.getOptional<string | string[]>('files');
  if ((database === undefined) === (files === undefined)) {
    throw new Error(
      `${CONFIG_KEY} needs exactly one of database (a DuckDB file) and files (Parquet or CSV)`,
    );
  }
  if (database !== undefined) {
    const table = settings.getOptionalString('table') ?? 'focus';
    if (!TABLE_NAME.test(table)) {
      throw new Error(
        `${CONFIG_KEY}.table "${table}" is not a table name such as focus or billing.focus`,
      );
    }
    return { kind: 'database', path: database, table };
  }
  const paths = typeof files === 'string' ? [files] : files ?? [];
  if (paths.length === 0 || paths.some(p => typeof p !== 'string' || !p)) {
    throw new Error(`${CONFIG_KEY}.files must name at least one file or glob`);
  }
  return { kind: 'files', format: formatOf(paths), paths };
}

/**
 * The source `finopsItam.duckdbWarehouse` describes, or undefined when it is not configured:
 * the module then adds nothing. A mistake stops the backend at start, as the plugin's own
 * settings do.
 */
export function readWarehouseSourceOptions(
  config: Config,
): DuckDbWarehouseCostSourceOptions | undefined {
  const settings = config.getOptionalConfig(CONFIG_KEY);
  if (!settings) return undefined;
  return {
    id: settings.getOptionalString('id') ?? 'duckdb-warehouse',
    location: readLocation(settings),
    limits: {
      memoryLimit: settings.getOptionalString('memoryLimit') ?? '512MB',
      threads: settings.getOptionalNumber('threads') ?? 2,
    },
    schedule: settings.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          settings.getConfig('schedule'),
        )
      : undefined,
  };
}
