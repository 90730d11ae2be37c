import { migrationConfig } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  byolTags,
  daysFrom,
  insertLicensedVms,
  licenseServiceFor,
  testEntity,
} from './__testUtils__/licenseFixtures';

jest.setTimeout(60_000);

const SQL = 'microsoft-sql-server-enterprise';

const entities = [
  testEntity('Group', 'team-itam'),
  testEntity('Component', 'payments', {
    spec: { lifecycle: 'production', owner: 'team-itam' },
  }),
];

/** SQL Server cores bought twice for the same term: once in the US in USD, once in the EU in EUR. */
const entitlement = (id: string, amount: string, currency: string) => ({
  id,
  productId: SQL,
  quantity: 8,
  cost: { amount, currency, per: 'term' },
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  owner: 'group:default/team-itam',
});

describe('an entity’s monthly license cost', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'keeps each currency of a product bought in two, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      // 16 vCPUs need 16 core licenses: all 8 + 8 entitled, so payments carries both
      // entitlements' whole daily cost, 36500 USD / 365 = 100 USD and 7300 EUR / 365 = 20 EUR a day.
      await insertLicensedVms(knex, [
        {
          name: 'sql-vm-16',
          entityRef: 'component:default/payments',
          // From October 1 to yesterday: October, the latest full month, is all in use.
          days: daysFrom('2026-10-01', 57),
          tags: byolTags(SQL),
          details: { CoreCount: 16 },
        },
      ]);
      const { service } = licenseServiceFor(knex, entities);
      await service.applyEntitlements(
        [
          {
            positionName: 'record',
            records: [
              entitlement('ea-sql-us', '36500', 'USD'),
              entitlement('ea-sql-eu', '7300', 'EUR'),
            ].map((value, position) => ({ position, value })),
          },
        ],
        'api',
      );
      await service.recomputeCost();

      const { products } = await service.entityLicenses({
        kind: 'component',
        namespace: 'default',
        name: 'payments',
      });
      const byol = products.find(p => p.productId === SQL)!;
      // October, 31 days, in each currency on its own; the largest stays in monthlyCost.
      expect(byol.monthlyCosts).toEqual([
        { amount: '3100', currency: 'USD' },
        { amount: '620', currency: 'EUR' },
      ]);
      expect(byol.monthlyCost).toEqual({ amount: '3100', currency: 'USD' });
      await knex.destroy();
    },
  );
});
