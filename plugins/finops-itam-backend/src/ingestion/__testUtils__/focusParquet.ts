import { writeFile } from 'node:fs/promises';
import { withDuckDb, quoteIdentifier, quoteLiteral } from '../duckdb';
import { GeneratedFile, toCsv } from './focusArbitraries';

/** Columns a Parquet export types as decimals rather than text. */
const DECIMAL_COLUMNS = new Set([
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'ConsumedQuantity',
]);

/**
 * Writes a generated file as Parquet the way exporters do: amounts as DECIMAL(38,16) (exact,
 * empty cells NULL), everything else as text, columns named in FOCUS casing.
 */
export async function writeFocusParquet(
  file: GeneratedFile,
  target: string,
): Promise<void> {
  const csv = `${target}.csv`;
  await writeFile(csv, toCsv({ ...file, header: file.sources }));
  await withDuckDb({ memoryLimit: '128MB', threads: 1 }, async connection => {
    const columns = file.sources
      .map(c =>
        DECIMAL_COLUMNS.has(c)
          ? `CAST(${quoteIdentifier(c)} AS DECIMAL(38,16)) AS ${quoteIdentifier(
              c,
            )}`
          : quoteIdentifier(c),
      )
      .join(', ');
    const types = file.sources
      .map(c => `${quoteLiteral(c)}: 'VARCHAR'`)
      .join(', ');
    await connection.run(
      `COPY (SELECT ${columns} FROM read_csv(${quoteLiteral(csv)},
        header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
        columns = {${types}}, nullstr = ''))
       TO ${quoteLiteral(target)} (FORMAT parquet)`,
    );
  });
}
