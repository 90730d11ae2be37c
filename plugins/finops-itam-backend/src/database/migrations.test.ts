import { Knex } from 'knex';
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

// Stepping through every migration takes seconds when the suite runs beside others.
jest.setTimeout(60_000);

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

  const CLUSTERING = '20261128110000_sqlite_clustered_rollups.js';
  const tableSql = async (knex: Knex, name: string) =>
    (await knex('sqlite_master').where({ type: 'table', name }).first('sql'))
      .sql;

  it('SQLite: the clustered rollups migration keeps every row and the primary key, stored in key order, and back', async () => {
    const knex = await databases.init('SQLITE_3');
    for (const file of migrationFiles.filter(name => name < CLUSTERING)) {
      await knex.migrate.up({ ...migrationConfig, name: file });
    }
    const row = {
      entity_ref: 'component:default/checkout',
      day: '2026-11-01',
      currency: 'USD',
      basis: 'billed',
      direct: '1.0000000000000001',
      shared: '0',
    };
    await knex('finops_itam_entity_daily_cost').insert(row);
    const month = {
      allocation_key: 'k1',
      month: '2026-11',
      currency: 'USD',
      amortized: '2',
      billed: '3',
    };
    await knex('finops_itam_key_monthly_cost').insert(month);

    await knex.migrate.up({ ...migrationConfig, name: CLUSTERING });
    expect(await tableSql(knex, 'finops_itam_entity_daily_cost')).toMatch(
      /WITHOUT ROWID$/,
    );
    expect(await tableSql(knex, 'finops_itam_key_monthly_cost')).toMatch(
      /WITHOUT ROWID$/,
    );
    expect(await knex('finops_itam_entity_daily_cost')).toEqual([row]);
    expect(await knex('finops_itam_key_monthly_cost')).toEqual([month]);
    const primaryKey = await knex.raw(
      "SELECT name FROM pragma_table_info('finops_itam_entity_daily_cost') WHERE pk > 0 ORDER BY pk",
    );
    expect(primaryKey.map((c: { name: string }) => c.name)).toEqual([
      'entity_ref',
      'day',
      'currency',
      'basis',
    ]);

    await knex.migrate.down(migrationConfig);
    expect(await tableSql(knex, 'finops_itam_entity_daily_cost')).not.toMatch(
      /WITHOUT ROWID/,
    );
    expect(await knex('finops_itam_entity_daily_cost')).toEqual([row]);
    await knex.destroy();
  });

  const UNKNOWNS = '20261203100000_cost_fact_unknowns.js';

  it('SQLite: making list and contracted cost nullable keeps every fact and every index of the facts table', async () => {
    const knex = await databases.init('SQLITE_3');
    for (const file of migrationFiles.filter(name => name < UNKNOWNS)) {
      await knex.migrate.up({ ...migrationConfig, name: file });
    }
    const indexes = async () =>
      (
        await knex('sqlite_master')
          .where({ type: 'index', tbl_name: 'finops_itam_cost_facts' })
          .whereNotNull('sql')
          .select('name', 'sql')
          .orderBy('name')
      ).map(({ name, sql }) => [name, sql.replace(/\s+/g, ' ')]);
    const before = await indexes();
    await knex('finops_itam_cost_facts').insert({
      source_id: 's',
      ingestion_id: 'i',
      file_key: 'f.csv',
      billing_period_start: '2026-04-01',
      day: '2026-04-01',
      billing_account_id: 'a',
      charge_category: 'Usage',
      currency: 'USD',
      billed_cost: '0.52',
      effective_cost: '0.52',
      list_cost: '0.6',
      contracted_cost: '0.52',
      consumed_quantity: '1',
      row_count: 1,
      allocation_key: 'k',
    });

    await knex.migrate.up({ ...migrationConfig, name: UNKNOWNS });

    expect(await indexes()).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
    await knex('finops_itam_cost_facts').update({ contracted_cost: null });
    expect(await knex('finops_itam_allocated_facts').first()).toMatchObject({
      billed_cost: '0.52',
      list_cost: '0.6',
      contracted_cost: null,
      host_provider_name: null,
    });
    await knex.destroy();
  });

  const LICENSE_SHARES = '20261207100000_license_daily_shares.js';

  it.each(databases.eachSupportedId())(
    'the license daily shares migration keeps the daily license cost, stores fractional shares and big weights, and back, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      for (const file of migrationFiles.filter(name => name < LICENSE_SHARES)) {
        await knex.migrate.up({ ...migrationConfig, name: file });
      }
      const cost = {
        entitlement_id: 'e1',
        product_id: 'rhel',
        entity_ref: 'component:default/a',
        day: '2026-10-01',
        currency: 'USD',
        amount: '0.6666666666666667',
        shelfware: false,
      };
      await knex('finops_itam_license_daily_cost').insert(cost);

      await knex.migrate.up({ ...migrationConfig, name: LICENSE_SHARES });
      await knex('finops_itam_license_daily_requirement').insert({
        product_id: 'rhel',
        day: '2026-10-01',
        entity_ref: '',
        required: 2 / 3,
        weight: 6_000_000_000,
        product_required: 2,
      });
      const [share] = await knex('finops_itam_license_daily_requirement');
      expect(Number(share.required)).toBeCloseTo(2 / 3, 12);
      expect(Number(share.weight)).toBe(6_000_000_000);
      await knex('finops_itam_license_cost_state').insert({
        name: 'until',
        value: '2026-10-01',
      });

      await knex.migrate.down(migrationConfig);
      expect(
        await knex.schema.hasTable('finops_itam_license_daily_requirement'),
      ).toBe(false);
      expect(await knex.schema.hasTable('finops_itam_license_cost_state')).toBe(
        false,
      );
      const [kept] = await knex('finops_itam_license_daily_cost');
      expect(kept.entitlement_id).toBe('e1');
      expect(Number(kept.amount)).toBeCloseTo(2 / 3, 12);
      await knex.destroy();
    },
  );
});
