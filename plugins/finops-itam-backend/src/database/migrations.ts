import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@finops-itam/plugin-finops-itam-backend',
  'migrations',
);

/** Migration settings shared by start-up and the migration tests. */
export const migrationConfig: Knex.MigratorConfig = {
  directory: migrationsDir,
  // Keeps this plugin's ledger apart from other plugins that share a database.
  tableName: 'finops_itam_knex_migrations',
};

/** Brings the plugin schema up to date, unless the operator manages migrations. */
export async function migrateDatabase(
  client: Knex,
  database: DatabaseService,
): Promise<void> {
  if (database.migrations?.skip) {
    return;
  }
  await client.migrate.latest(migrationConfig);
}
