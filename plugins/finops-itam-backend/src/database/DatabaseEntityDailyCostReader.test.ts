import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseEntityDailyCostReader } from './DatabaseEntityDailyCostReader';
import { migrationConfig } from './migrations';

jest.setTimeout(60_000);

const row = (
  entityRef: string,
  day: string,
  direct: string,
  shared = '0',
  currency = 'USD',
  basis = 'amortized',
) => ({
  entity_ref: entityRef,
  day,
  currency,
  basis,
  direct,
  shared,
});

describe('DatabaseEntityDailyCostReader', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'reads daily amortized totals of the watched kinds, exactly, per currency, on %p',
    async databaseId => {
      const knex: Knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await knex('finops_itam_entity_daily_cost').insert([
        row(
          'component:default/checkout',
          '2026-11-01',
          '10.1',
          '0.0000000000000001',
        ),
        row('component:default/checkout', '2026-11-02', '12.50'),
        row('component:default/checkout', '2026-11-02', '3', '0', 'EUR'),
        row(
          'component:default/checkout',
          '2026-11-03',
          '999',
          '0',
          'USD',
          'billed',
        ),
        row('component:default/search', '2026-10-31', '7'),
        row('system:default/shop', '2026-11-01', '22.6'),
        row('group:default/team-a', '2026-11-01', '22.6'),
      ]);
      const reader = new DatabaseEntityDailyCostReader(knex);
      const november = { from: '2026-11-01', to: '2026-12-01' };

      expect(await reader.latestCostDay()).toBe('2026-11-02');
      expect(await reader.entitiesWithCost(['component'], november)).toEqual([
        'component:default/checkout',
      ]);
      expect(
        await reader.entitiesWithCost(['component', 'system'], {
          from: '2026-10-01',
          to: '2026-12-01',
        }),
      ).toEqual([
        'component:default/checkout',
        'component:default/search',
        'system:default/shop',
      ]);
      const totals = await reader.dailyTotals(
        ['component:default/checkout'],
        november,
      );
      expect(totals).toEqual(
        expect.arrayContaining([
          {
            entityRef: 'component:default/checkout',
            currency: 'USD',
            days: [
              { day: '2026-11-01', amount: '10.1000000000000001' },
              { day: '2026-11-02', amount: '12.5' },
            ],
          },
          {
            entityRef: 'component:default/checkout',
            currency: 'EUR',
            days: [{ day: '2026-11-02', amount: '3' }],
          },
        ]),
      );
      expect(totals).toHaveLength(2);
      await knex.destroy();
    },
  );
});
