import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/** The PostgreSQL version CI runs; its connection string comes from the environment. */
const POSTGRES_ID: TestDatabaseId = 'POSTGRES_15';
const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/**
 * Test databases for store and migration tests: SQLite always, PostgreSQL when
 * `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` is set (scripts/test.sh sets it when
 * a server answers on 127.0.0.1:5432). Without it the PostgreSQL cases are skipped, and
 * this says so on the console instead of passing silently.
 */
export function createTestDatabases(): TestDatabases {
  const databases = TestDatabases.create({
    ids: [POSTGRES_ID, 'SQLITE_3'],
    disableDocker: true,
  });
  if (!databases.supports(POSTGRES_ID)) {
    // eslint-disable-next-line no-console
    console.warn(
      `NOTICE: ${POSTGRES_ENV} is not set, so the PostgreSQL cases of this suite are skipped; only SQLite runs.`,
    );
  }
  return databases;
}
