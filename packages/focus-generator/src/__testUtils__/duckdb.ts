import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** An in-memory DuckDB for reading generated files back the way the ingestion engine does. */
export async function openDuckDb() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  return {
    async rows(sql: string): Promise<Record<string, any>[]> {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJson() as Record<string, any>[];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Every cell as text, empty cells as NULL: nothing is guessed. */
export function readCsv(paths: string | string[], withFilename = false) {
  const list = (Array.isArray(paths) ? paths : [paths])
    .map(p => `'${p.replace(/'/g, "''")}'`)
    .join(', ');
  return `read_csv([${list}], header = true, all_varchar = true, filename = ${withFilename})`;
}

export const AMOUNT = 'DECIMAL(38,16)';

export async function withTempDir<T>(
  run: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'focus-generator-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
