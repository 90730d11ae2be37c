import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from './sql';

/**
 * Where the warehouse's FOCUS charges are: a table or view of a DuckDB file, or files.
 *
 * @public
 */
export type WarehouseLocation =
  | { kind: 'database'; path: string; table: string }
  | { kind: 'files'; format: 'parquet' | 'csv'; paths: string[] };

/**
 * How much of the machine DuckDB may use while it reads.
 *
 * @public
 */
export interface WarehouseLimits {
  /** DuckDB's memory limit; it spills to the run's temporary folder beyond it. */
  memoryLimit: string;
  /** DuckDB's worker threads. */
  threads: number;
}

/** An open connection and the SQL name of the relation holding the charges. */
export interface OpenWarehouse {
  connection: DuckDBConnection;
  relation: string;
  close(): void;
}

/** `schema.table` or `table` as a quoted SQL name. */
export const quoteRelation = (table: string) =>
  table.split('.').map(quoteIdentifier).join('.');

/** The files as one relation. CSV cells are read as text, so amounts never pass through a float. */
function filesRelation(location: { format: string; paths: string[] }) {
  const list = `[${location.paths.map(quoteLiteral).join(', ')}]`;
  return location.format === 'parquet'
    ? `read_parquet(${list}, union_by_name = true)`
    : `read_csv(${list}, header = true, all_varchar = true, union_by_name = true)`;
}

/**
 * Opens the warehouse for one run. A database file is opened read-only, so the source never
 * changes it (DuckDB refuses while another process holds it for writing; the run then fails
 * with that message and the next one tries again). Extensions are never downloaded: parquet,
 * json and icu are built into the binding.
 */
export async function openWarehouse(
  location: WarehouseLocation,
  limits: WarehouseLimits,
  spillDirectory: string,
): Promise<OpenWarehouse> {
  const instance = await DuckDBInstance.create(
    location.kind === 'database' ? location.path : ':memory:',
    {
      ...(location.kind === 'database' ? { access_mode: 'READ_ONLY' } : {}),
      threads: String(limits.threads),
      memory_limit: limits.memoryLimit,
      temp_directory: spillDirectory,
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    },
  );
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    await connection.run("SET TimeZone = 'UTC'");
    return {
      connection,
      relation:
        location.kind === 'database'
          ? quoteRelation(location.table)
          : filesRelation(location),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
