import { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from './duckdb';
import { AGGREGATE_FACTS_SQL } from './focusSql';

/**
 * Types that JSON carries as they are. Everything else travels as text: decimals and 64-bit
 * integers, which JSON numbers would not carry exactly, and JSON values (Tags), which
 * `to_json` would embed as structure instead of the text the fact stores.
 */
const KEPT_AS_IS = new Set([
  'VARCHAR',
  'INTEGER',
  'SMALLINT',
  'TINYINT',
  'BOOLEAN',
]);

/**
 * The accepted facts of the aggregated table as plain row objects, keyed by column name, in
 * batches of one DuckDB chunk (2,048 rows) as the caller asks for them. DuckDB writes each
 * row as one JSON text and Node parses it natively: one string per fact crosses into
 * JavaScript instead of one per cell, which made the fetch the largest fixed cost of a
 * delivery. Streamed rather than read whole, so a delivery of hundreds of thousands of
 * facts never sits in Node's memory at once. Amounts stay the exact decimal strings DuckDB
 * prints and never pass through a binary float. Nothing else may run on `connection` until
 * the batches are consumed: another statement would end the stream.
 */
export async function* factRowBatches(
  connection: DuckDBConnection,
): AsyncGenerator<Record<string, unknown>[]> {
  const described = (
    await connection.runAndReadAll(`DESCRIBE ${AGGREGATE_FACTS_SQL}`)
  ).getRowObjectsJson();
  const asText = described
    .filter(column => !KEPT_AS_IS.has(String(column.column_type)))
    .map(column => quoteIdentifier(String(column.column_name)));
  const replace =
    asText.length > 0
      ? ` REPLACE (${asText
          .map(name => `CAST(${name} AS VARCHAR) AS ${name}`)
          .join(', ')})`
      : '';
  const result = await connection.stream(
    `SELECT CAST(to_json(fact) AS VARCHAR) FROM (SELECT *${replace} FROM (${AGGREGATE_FACTS_SQL})) AS fact`,
  );
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return;
    yield chunk
      .getColumnValues(0)
      .map(text => JSON.parse(text as string) as Record<string, unknown>);
  }
}
