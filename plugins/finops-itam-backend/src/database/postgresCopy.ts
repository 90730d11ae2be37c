import { Knex } from 'knex';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
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

function* copyText(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Generator<string> {
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
 * A failure (a value PostgreSQL refuses, a broken stream) rejects, and the caller's
 * transaction then rolls back.
 */
export async function copyRowsInto(
  trx: Knex.Transaction,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  await withTransactionConnection(trx, async (connection: PgConnection) => {
    const copy = connection.query(
      copyFrom(
        `COPY ${quoteIdentifier(table)} (${columns
          .map(quoteIdentifier)
          .join(', ')}) FROM STDIN`,
      ),
    );
    await pipeline(Readable.from(copyText(columns, rows)), copy);
  });
}
