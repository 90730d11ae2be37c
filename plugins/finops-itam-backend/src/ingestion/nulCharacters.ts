import { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from './duckdb';
import { FileRejectedError } from './errors';
import type { FocusFile } from './FocusFileReader';
import { DECIMAL_COLUMNS } from './focusSql';
import { ReadableFile } from './qualityScans';

/**
 * A NUL character (U+0000) is valid UTF-8, so DuckDB reads it, but PostgreSQL text cannot
 * hold one (the insert fails with the whole statement as its message) and SQLite would store
 * it where no other tool expects it. A delivery whose stored text would carry one is refused,
 * naming the first row and column that has it.
 */
export async function rejectNulCharacters(
  connection: DuckDBConnection,
  readable: ReadableFile[],
  files: FocusFile[],
): Promise<void> {
  // One pass over the daily groups, far fewer than rows; rows are read only on a hit.
  const textColumns = (
    await connection.runAndReadAll(
      `SELECT column_name FROM (DESCRIBE aggregated) WHERE column_type = 'VARCHAR'`,
    )
  )
    .getRowObjectsJson()
    .map(row => quoteIdentifier(String(row.column_name)));
  const [{ hits }] = (
    await connection.runAndReadAll(
      `SELECT count(*) AS hits FROM aggregated WHERE NOT is_rejected AND (${textColumns
        .map(c => `contains(${c}, chr(0))`)
        .join(' OR ')})`,
    )
  ).getRowObjectsJson();
  if (Number(hits) === 0) return;

  for (const [index, { source, mapped }] of readable.entries()) {
    const columns = [...mapped.entries()].filter(
      ([focus]) => !DECIMAL_COLUMNS.includes(focus),
    );
    const text = (actual: string) =>
      `CAST(${quoteIdentifier(actual)} AS VARCHAR)`;
    const firstWith = (pick: (focus: string, actual: string) => string) =>
      `CASE ${columns
        .map(
          ([focus, actual]) =>
            `WHEN contains(${text(actual)}, chr(0)) THEN ${pick(
              focus,
              actual,
            )}`,
        )
        .join(' ')} END`;
    const [found] = (
      await connection.runAndReadAll(
        `SELECT * FROM (
          SELECT row_number() OVER () AS row_number,
            ${firstWith(focus => quoteLiteral(focus))} AS column_name,
            ${firstWith((_, actual) => `left(${text(actual)}, 60)`)} AS value
          FROM ${source})
        WHERE column_name IS NOT NULL ORDER BY row_number LIMIT 1`,
      )
    ).getRowObjectsJson();
    if (found) {
      throw new FileRejectedError(
        `${files[index].key}: row ${found.row_number}, ${
          found.column_name
        }: ${JSON.stringify(
          found.value,
        )} holds a NUL character, which no database text can store`,
      );
    }
  }
  throw new FileRejectedError(
    `${files
      .map(f => f.key)
      .join(', ')} holds a NUL character, which no database text can store`,
  );
}
