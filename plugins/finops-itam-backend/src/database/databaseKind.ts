import { Knex } from 'knex';

/** The database engines the plugin supports. */
export type DatabaseKind = 'sqlite' | 'postgres';

/** Tells which engine a knex client talks to, from the client name in its config. */
export function databaseKindOf(client: Knex): DatabaseKind {
  const name = String(client.client.config.client);
  if (name === 'pg' || name.includes('postgres')) {
    return 'postgres';
  }
  if (name.includes('sqlite')) {
    return 'sqlite';
  }
  throw new Error(
    `finops-itam supports SQLite and PostgreSQL, but backend.database.client is "${name}"`,
  );
}
