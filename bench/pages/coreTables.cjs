/*
 * Creates the tables Backstage's core services keep in every plugin's database (the
 * scheduler's tasks, the service-to-service signing keys) in the read-only role's own
 * schema of a scale database. The portal skips migrations there (the plugin's tables are
 * someone else's), which skips the core services' migrations too, so their tables are
 * made here by their own migration files.
 * Usage: node bench/pages/coreTables.cjs <database> <role> <schema>
 */
const path = require('path');
const knexFactory = require('knex');

async function main() {
  const [database, role, schema] = process.argv.slice(2);
  const knex = knexFactory({
    client: 'pg',
    connection: {
      host: process.env.POSTGRES_HOST ?? '127.0.0.1',
      port: Number(process.env.POSTGRES_PORT ?? 5432),
      user: role,
      password: role,
      database,
    },
    searchPath: [schema],
  });
  const migrations = path.resolve(
    __dirname,
    '../../node_modules/@backstage/backend-defaults/migrations',
  );
  try {
    await knex.migrate.latest({
      directory: path.join(migrations, 'scheduler'),
      tableName: 'backstage_backend_tasks__knex_migrations',
    });
    await knex.migrate.latest({
      directory: path.join(migrations, 'auth'),
      tableName: 'backstage_backend_public_keys__knex_migrations',
    });
  } finally {
    await knex.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
