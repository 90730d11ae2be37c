import { stat } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { FOCUS_COLUMNS, FOCUS_DECIMAL_COLUMNS } from './focusColumns';

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Converts a generated FOCUS CSV to Parquet with DuckDB. Amounts and quantities become
 * DECIMAL(38,16), exact for the generator's 14 decimal places and typed like real Parquet
 * exports; every other column stays VARCHAR so nothing is reinterpreted on the way.
 * Resolves with the Parquet file size in bytes.
 * @public
 */
export async function convertCsvToParquet(
  csvPath: string,
  parquetPath: string,
): Promise<number> {
  const columns = FOCUS_COLUMNS.map(
    c =>
      `${literal(c)}: '${
        FOCUS_DECIMAL_COLUMNS.includes(c) ? 'DECIMAL(38,16)' : 'VARCHAR'
      }'`,
  ).join(', ');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (SELECT * FROM read_csv(${literal(
        csvPath,
      )}, header = true, auto_detect = false, ` +
        `delim = ',', quote = '"', escape = '"', columns = {${columns}})) ` +
        `TO ${literal(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return (await stat(parquetPath)).size;
}
