import { Knex } from 'knex';
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

/**
 * Inserts rows on SQLite with one prepared multi-row `INSERT` reused for every full batch,
 * on the transaction's own connection, so the rows commit or roll back with the rest of
 * the transaction. knex would build and compile a new statement text per batch instead.
 * Values must be what better-sqlite3 binds as is: strings, numbers and null.
 */
export async function insertRowsIntoSqlite(
  trx: Knex.Transaction,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const statementFor = (rowCount: number) => {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    return `INSERT INTO ${quoteIdentifier(table)} (${columns
      .map(quoteIdentifier)
      .join(', ')}) VALUES ${Array(rowCount).fill(tuple).join(', ')}`;
  };
  await withTransactionConnection(trx, (connection: SqliteConnection) => {
    const full = connection.prepare(statementFor(ROWS_PER_STATEMENT));
    const values = (batch: readonly Record<string, unknown>[]) =>
      batch.flatMap(row => columns.map(c => row[c] ?? null));
    let i = 0;
    for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
      full.run(values(rows.slice(i, i + ROWS_PER_STATEMENT)));
    }
    const rest = rows.slice(i);
    if (rest.length > 0) {
      connection.prepare(statementFor(rest.length)).run(values(rest));
    }
  });
}
