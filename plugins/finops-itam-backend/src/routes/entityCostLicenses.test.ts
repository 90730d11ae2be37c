import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import request from 'supertest';
import { startWithFacts } from '../allocation/__testUtils__/startWithFacts';
import {
  TestFact,
  insertFacts,
  testEntity,
} from '../allocation/__testUtils__/facts';
import { licenseServiceFor } from '../licenses/__testUtils__/licenseFixtures';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const TEAM = 'group:default/team-a';

/**
 * A RHEL subscription of team-a for 2026 at 365 USD: 1 USD a day amortized. Nothing
 * consumes it in these facts, so all of it is team-a's shelfware.
 */
const rhel = {
  id: 'rhel-2026',
  productId: 'rhel',
  quantity: 2,
  cost: { amount: '365', currency: 'USD', per: 'term' },
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  owner: TEAM,
};

async function withEntitlements(
  knex: Knex,
  entitlements: unknown[],
  facts: TestFact[] = [],
) {
  const server = await startWithFacts(knex);
  await insertFacts(knex, facts);
  const { service } = licenseServiceFor(knex, [testEntity('Group', 'team-a')], {
    today: '2026-12-31',
  });
  await service.applyEntitlements(
    [
      {
        records: entitlements.map((value, position) => ({ position, value })),
        positionName: 'record',
      },
    ],
    'api',
  );
  await service.recomputeCost();
  return { server, service };
}

async function allocate(server: Server) {
  await request(server)
    .post('/api/finops-itam/allocation/run')
    .set('Authorization', mockCredentials.service.header());
}

const costOf = async (server: Server, query: string) =>
  (
    await request(server)
      .get(`/api/finops-itam/entities/group/default/team-a/cost?${query}`)
      .set('Authorization', mockCredentials.user.header())
  ).body;

describe('license cost on each cost basis', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'shows a license payment on its date on the billed basis, and the amortized daily cost on the amortized basis, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await withEntitlements(knex, [rhel]);
      await allocate(server);

      // November: 30 days of 1 USD amortized, but nothing paid (the term was paid on 1 January).
      const amortized = await costOf(
        server,
        'from=2026-11-01&to=2026-12-01&basis=amortized',
      );
      expect(amortized.licenses).toBe('30');
      const billed = await costOf(
        server,
        'from=2026-11-01&to=2026-12-01&basis=billed',
      );
      expect(billed.licenses).toBe('0');

      // January: the whole term cost on 1 January, by day and by month.
      const january = await costOf(
        server,
        'from=2026-01-01&to=2026-02-01&basis=billed&granularity=day',
      );
      expect(january.licenses).toBe('365');
      expect(january.series[0]).toMatchObject({
        date: '2026-01-01',
        licenses: '365',
        total: '365',
      });
      expect(january.series[1]).toMatchObject({
        date: '2026-01-02',
        licenses: '0',
      });

      // Over the whole term both bases agree.
      const year = 'from=2026-01-01&to=2027-01-01&granularity=month';
      expect((await costOf(server, `${year}&basis=billed`)).licenses).toBe(
        '365',
      );
      expect((await costOf(server, `${year}&basis=amortized`)).licenses).toBe(
        '365',
      );
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'follows a payment schedule on the billed basis, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await withEntitlements(knex, [
        {
          ...rhel,
          payments: [
            { date: '2025-12-15', amount: '100' },
            { date: '2026-07-01', amount: '265' },
          ],
        },
      ]);
      await allocate(server);

      // Paid before the term starts: cash leaves on the payment date, not the term start.
      const december = await costOf(
        server,
        'from=2025-12-01&to=2026-01-01&basis=billed',
      );
      expect(december.licenses).toBe('100');
      expect(
        (await costOf(server, 'from=2026-01-01&to=2026-02-01&basis=billed'))
          .licenses,
      ).toBe('0');
      const july = await costOf(
        server,
        'from=2026-07-01&to=2026-08-01&basis=billed',
      );
      expect(july.licenses).toBe('265');
      // Amortized cost does not depend on when it is paid.
      expect(
        (await costOf(server, 'from=2026-07-01&to=2026-08-01&basis=amortized'))
          .licenses,
      ).toBe('31');
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    "counts a license bought through the marketplace once: from the bill's Purchase row, not again from the entitlement, on %p",
    async databaseId => {
      const knex = await databases.init(databaseId);
      // The marketplace Purchase row of a SQL Server license, billed to team-a's checkout.
      const purchase: TestFact = {
        day: '2026-11-05',
        subAccountId: 'acct-marketplace',
        resourceId: 'sql-ent-offer-1',
        serviceName: 'SQL Server Enterprise (Marketplace)',
        serviceCategory: 'Business Applications',
        chargeCategory: 'Purchase',
        tags: { application: 'checkout' },
        billedCost: '1200',
      };
      const { server, service } = await withEntitlements(
        knex,
        [
          {
            id: 'sql-marketplace',
            productId: 'microsoft-sql-server-enterprise',
            quantity: 4,
            cost: { amount: '1200', currency: 'USD', per: 'term' },
            termStart: '2026-11-05',
            termEnd: '2027-11-04',
            owner: TEAM,
            sourceCharge: {
              subAccountId: 'acct-marketplace',
              resourceId: 'sql-ent-offer-1',
            },
          },
        ],
        [purchase],
      );
      await allocate(server);

      for (const basis of ['billed', 'amortized']) {
        const november = await costOf(
          server,
          `from=2026-11-05&to=2026-11-06&basis=${basis}`,
        );
        expect(november).toMatchObject({
          direct: '1200',
          licenses: '0',
          total: '1200',
        });
      }
      // The license position still counts what was bought.
      const position = await service.position();
      expect(position).toEqual([
        expect.objectContaining({
          productId: 'microsoft-sql-server-enterprise',
          entitled: 4,
        }),
      ]);
      await knex.destroy();
    },
  );
});
