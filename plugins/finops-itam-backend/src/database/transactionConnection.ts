import { Knex } from 'knex';

/** A table or column name quoted for SQL (both PostgreSQL and SQLite take double quotes). */
export const quoteIdentifier = (name: string) =>
  `"${name.replace(/"/g, '""')}"`;

/**
 * Runs `fn` with the driver's own connection of a knex transaction, for the bulk paths knex
 * has no API for (PostgreSQL COPY, a reused better-sqlite3 statement). Inside a transaction
 * knex hands out the transaction's connection, so what `fn` writes commits or rolls back
 * with the rest of it; releasing it returns nothing to the pool.
 */
export async function withTransactionConnection<C, T>(
  trx: Knex.Transaction,
  fn: (connection: C) => Promise<T> | T,
): Promise<T> {
  const connection: C = await trx.client.acquireConnection();
  try {
    return await fn(connection);
  } finally {
    await trx.client.releaseConnection(connection);
  }
}
