import { Knex } from 'knex';
import { eachBatch, RowBatches } from './rowBatches';
import {
  quoteIdentifier,
  withTransactionConnection,
} from './transactionConnection';

/**
 * Rows per prepared statement: 200 rows of the fact table's 33 columns bind 6,600 values,
 * far below SQLite's 32,766, and one statement compiled once serves every full batch.
 */
const ROWS_PER_STATEMENT = 200;

/** What this module needs of a better-sqlite3 connection. */
interface SqliteConnection {
  prepare(sql: string): { run(...values: unknown[]): unknown };
}

type Row = Record<string, unknown>;

/**
 * Inserts rows on SQLite with one prepared multi-row `INSERT` reused for every full batch,
 * on the transaction's own connection, so the rows commit or roll back with the rest of
 * the transaction. knex would build and compile a new statement text per batch instead.
 * Batches of any size are consumed as they arrive; rows short of a full statement wait for
 * the next batch. Values must be what better-sqlite3 binds as is: strings, numbers and null.
 */
export async function insertRowsIntoSqlite(
  trx: Knex.Transaction,
  table: string,
  rows: RowBatches<Row>,
): Promise<void> {
  const batches = eachBatch(rows);
  const first = await batches.next();
  if (first.done) return;
  // Every row has the same keys; the first names the columns.
  const columns = Object.keys(first.value[0]);
  const statementFor = (rowCount: number) => {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    return `INSERT INTO ${quoteIdentifier(table)} (${columns
      .map(quoteIdentifier)
      .join(', ')}) VALUES ${Array(rowCount).fill(tuple).join(', ')}`;
  };
  await withTransactionConnection(trx, async (connection: SqliteConnection) => {
    const full = connection.prepare(statementFor(ROWS_PER_STATEMENT));
    const values = (batch: readonly Row[]) =>
      batch.flatMap(row => columns.map(c => row[c] ?? null));
    let waiting: readonly Row[] = [];
    const insertFullStatements = (batch: readonly Row[]) => {
      const pending = waiting.length > 0 ? [...waiting, ...batch] : batch;
      let i = 0;
      for (
        ;
        i + ROWS_PER_STATEMENT <= pending.length;
        i += ROWS_PER_STATEMENT
      ) {
        full.run(values(pending.slice(i, i + ROWS_PER_STATEMENT)));
      }
      waiting = pending.slice(i);
    };
    insertFullStatements(first.value);
    for await (const batch of batches) insertFullStatements(batch);
    if (waiting.length > 0) {
      connection.prepare(statementFor(waiting.length)).run(values(waiting));
    }
  });
}
