import { readdirSync } from 'node:fs';
import { migrationConfig } from './migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';

const ALL_TABLES = [
  'finops_itam_ingestions',
  'finops_itam_cost_facts',
  'finops_itam_cost_sources',
  'finops_itam_rollup_members',
  'finops_itam_shared_allocations',
  'finops_itam_allocation_runs',
  'finops_itam_allocation_conflicts',
  'finops_itam_entity_daily_cost',
];

const migrationFiles = readdirSync(migrationConfig.directory as string)
  .filter(name => name.endsWith('.js'))
  .sort();

describe('finops-itam migrations', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'step up and back down one migration at a time on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      for (const file of migrationFiles) {
        await knex.migrate.up({ ...migrationConfig, name: file });
      }
      for (const table of ALL_TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }
      const [completed] = await knex.migrate.list(migrationConfig);
      expect(completed).toHaveLength(migrationFiles.length);

      for (const _ of [...migrationFiles].reverse()) {
        await knex.migrate.down(migrationConfig);
      }
      for (const table of ALL_TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }

      await knex.destroy();
    },
  );
});
