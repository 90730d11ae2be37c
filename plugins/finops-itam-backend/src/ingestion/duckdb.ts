import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { rm } from 'node:fs/promises';
import { makeScratchDirectory } from '../shared/scratchDirectory';

/** Limits of the embedded DuckDB that reads cost files. */
export interface DuckDbLimits {
  /** DuckDB's own memory limit; it spills to a temporary folder beyond it. */
  memoryLimit: string;
  threads: number;
}

export const DEFAULT_DUCKDB_LIMITS: DuckDbLimits = {
  memoryLimit: '512MB',
  threads: 2,
};

/**
 * Runs `work` with a fresh in-memory DuckDB and a scratch folder (DuckDB spills there, and
 * callers may put decompressed files there); both are gone afterwards.
 * Extensions are never downloaded: json, icu and parquet are built into the binding.
 */
export async function withDuckDb<T>(
  limits: DuckDbLimits,
  work: (connection: DuckDBConnection, workDir: string) => Promise<T>,
): Promise<T> {
  const spillDir = await makeScratchDirectory('duckdb');
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(limits.threads),
    memory_limit: limits.memoryLimit,
    temp_directory: spillDir,
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    return await work(connection, spillDir);
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(spillDir, { recursive: true, force: true });
  }
}

/** Quotes an identifier (a column name from a file header) for DuckDB SQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a string literal (a file path) for DuckDB SQL. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
