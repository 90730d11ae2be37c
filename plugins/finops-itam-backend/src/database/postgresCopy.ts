import { Knex } from 'knex';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { eachBatch, RowBatches } from './rowBatches';
import {
  quoteIdentifier,
  withTransactionConnection,
} from './transactionConnection';

/** What this module needs of a node-postgres client. */
interface PgConnection {
  query<T extends NodeJS.WritableStream>(stream: T): T;
}

/** Rows per piece of COPY text: big enough to keep stream overhead small, small in memory. */
const ROWS_PER_PIECE = 2000;

const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/**
 * One value in COPY's text format: `\N` is null; backslash, tab, newline and carriage
 * return are escaped so a value can never end its field or its row. Amounts are decimal
 * strings and reach `numeric` unchanged, so they stay exact.
 */
export function copyTextValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, c => COPY_ESCAPES[c])
    : text;
}

type Row = Record<string, unknown>;

/** COPY text, ROWS_PER_PIECE rows per piece, as the batches arrive. */
async function* copyText(
  columns: readonly string[],
  first: readonly Row[],
  rest: AsyncIterable<readonly Row[]>,
): AsyncGenerator<string> {
  yield* pieces(columns, first);
  for await (const batch of rest) yield* pieces(columns, batch);
}

function* pieces(columns: readonly string[], rows: readonly Row[]) {
  for (let i = 0; i < rows.length; i += ROWS_PER_PIECE) {
    let piece = '';
    for (const row of rows.slice(i, i + ROWS_PER_PIECE)) {
      piece += `${columns.map(c => copyTextValue(row[c])).join('\t')}\n`;
    }
    yield piece;
  }
}

/**
 * Inserts rows with PostgreSQL's `COPY ... FROM STDIN` on the transaction's own connection,
 * so the rows commit or roll back with everything else the transaction does. COPY skips
 * parsing and planning a statement per batch, the fixed cost that dominated `INSERT`s.
 * Batches are turned into COPY text as the stream asks for more, so only a few are in
 * memory at a time. A failure (a value PostgreSQL refuses, a broken stream, a batch source
 * that throws) rejects, and the caller's transaction then rolls back.
 */
export async function copyRowsInto(
  trx: Knex.Transaction,
  table: string,
  rows: RowBatches<Row>,
): Promise<void> {
  const batches = eachBatch(rows);
  const first = await batches.next();
  if (first.done) return;
  // Every row has the same keys; the first names the columns.
  const columns = Object.keys(first.value[0]);
  await withTransactionConnection(trx, async (connection: PgConnection) => {
    const copy = connection.query(
      copyFrom(
        `COPY ${quoteIdentifier(table)} (${columns
          .map(quoteIdentifier)
          .join(', ')}) FROM STDIN`,
      ),
    );
    await pipeline(
      Readable.from(copyText(columns, first.value, batches)),
      copy,
    );
  });
}
