import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { insertLicenseShares } from '../licenses/__testUtils__/licenseShares';
import { insertShopFacts } from '../metrics/__testUtils__/shopFacts';
import { startWithMetrics } from '../metrics/__testUtils__/startWithMetrics';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const user = () => mockCredentials.user.header();
const service = () => mockCredentials.service.header();

async function startAllocated(knex: any, options: { deny?: boolean } = {}) {
  const started = await startWithMetrics(knex, options);
  await insertShopFacts(knex);
  const run = await request(started.server)
    .post('/api/finops-itam/allocation/run')
    .set('Authorization', service());
  expect(run.status).toBe(200);
  return started.server;
}

describe('GET /entities/:kind/:namespace/:name/unit-cost', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'divides the all-in cost of GET .../cost by the metric volume, per bucket and overall, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await startAllocated(knex);
      const metrics = await request(server)
        .put('/api/finops-itam/metrics/orders')
        .set('Authorization', service())
        .send({
          values: [
            {
              entityRef: 'component:default/checkout',
              date: '2026-10-31',
              value: '1000',
            },
            {
              entityRef: 'component:default/checkout',
              date: '2026-11-01',
              value: '3',
            },
            {
              entityRef: 'component:default/checkout',
              date: '2026-11-02',
              value: '0',
            },
            {
              entityRef: 'component:default/search',
              date: '2026-11-01',
              value: '50',
            },
          ],
        });
      expect(metrics.status).toBe(200);

      const period = 'from=2026-11-01&to=2026-11-04';
      const response = await request(server)
        .get(
          `/api/finops-itam/entities/component/default/checkout/unit-cost?${period}`,
        )
        .set('Authorization', user());
      expect(response.status).toBe(200);
      // 18.8000000000000001 / 3 = 6.26666…, rounded half-even to 10 decimals.
      expect(response.body).toEqual({
        entityRef: 'component:default/checkout',
        metric: 'orders',
        currency: 'USD',
        from: '2026-11-01',
        to: '2026-11-04',
        allInCost: '18.8000000000000001',
        volume: '3',
        unitCost: '6.2666666667',
        series: [
          {
            date: '2026-11-01',
            allInCost: '10',
            volume: '3',
            unitCost: '3.3333333333',
          },
          // A reported 0 and a day without a report both leave nothing to divide by.
          {
            date: '2026-11-02',
            allInCost: '5.5000000000000001',
            volume: '0',
            unitCost: null,
          },
          { date: '2026-11-03', allInCost: '3.3', volume: '0', unitCost: null },
        ],
      });

      const cost = await request(server)
        .get(
          `/api/finops-itam/entities/component/default/checkout/cost?${period}`,
        )
        .set('Authorization', user());
      expect(response.body.allInCost).toBe(cost.body.total);
      expect(response.body.series.map((p: any) => p.allInCost)).toEqual(
        cost.body.series.map((p: any) => p.total),
      );

      const monthly = await request(server)
        .get(
          '/api/finops-itam/entities/component/default/checkout/unit-cost?from=2026-10-01&to=2026-12-01&granularity=month',
        )
        .set('Authorization', user());
      expect(monthly.body.series).toEqual([
        {
          date: '2026-10',
          allInCost: '2.2',
          volume: '1000',
          unitCost: '0.0022',
        },
        {
          date: '2026-11',
          allInCost: '18.8000000000000001',
          volume: '3',
          unitCost: '6.2666666667',
        },
      ]);
      expect(monthly.body).toMatchObject({
        allInCost: '21.0000000000000001',
        volume: '1003',
        unitCost: '0.0209371884',
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'gives each currency its own unit cost, never adding EUR license cost to USD cloud cost, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await startAllocated(knex);
      // An EU license contract, paid in EUR, shared to checkout: 6 + 3 EUR in the period.
      await insertLicenseShares(knex, [
        {
          entityRef: 'component:default/checkout',
          day: '2026-11-01',
          amount: '6',
          currency: 'EUR',
        },
        {
          entityRef: 'component:default/checkout',
          day: '2026-11-02',
          amount: '3',
          currency: 'EUR',
        },
      ]);
      await request(server)
        .put('/api/finops-itam/metrics/orders')
        .set('Authorization', service())
        .send({
          values: [
            {
              entityRef: 'component:default/checkout',
              date: '2026-11-01',
              value: '3',
            },
          ],
        })
        .expect(200);

      const response = await request(server)
        .get(
          '/api/finops-itam/entities/component/default/checkout/unit-cost?from=2026-11-01&to=2026-11-04',
        )
        .set('Authorization', user());
      expect(response.status).toBe(200);
      // USD keeps its unit cost, 18.8000000000000001 / 3; EUR gets its own, 9 / 3.
      expect(response.body).toMatchObject({
        currency: 'USD',
        allInCost: '18.8000000000000001',
        volume: '3',
        unitCost: '6.2666666667',
        otherCurrencies: [{ currency: 'EUR', allInCost: '9', unitCost: '3' }],
      });
      await knex.destroy();
    },
  );

  it('answers metric null for an entity without a unit metric, and 404 for an unknown one', async () => {
    const knex = await databases.init('SQLITE_3');
    const server = await startAllocated(knex);
    const quiet = await request(server)
      .get(
        '/api/finops-itam/entities/resource/default/orders-db/unit-cost?from=2026-11-01&to=2026-11-03',
      )
      .set('Authorization', user());
    expect(quiet.status).toBe(200);
    expect(quiet.body).toMatchObject({
      metric: null,
      allInCost: '1',
      volume: '0',
      unitCost: null,
    });
    expect(quiet.body.series).toEqual([
      { date: '2026-11-01', allInCost: '1', volume: '0', unitCost: null },
      { date: '2026-11-02', allInCost: '0', volume: '0', unitCost: null },
    ]);

    const unknown = await request(server)
      .get('/api/finops-itam/entities/component/default/nope/unit-cost')
      .set('Authorization', user());
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(
      /No entity component:default\/nope in the catalog/,
    );
  });

  it('validates the query and needs the cost read permission on the entity', async () => {
    const server = await startAllocated(await databases.init('SQLITE_3'));
    const bad = await request(server)
      .get(
        '/api/finops-itam/entities/component/default/checkout/unit-cost?from=2026-11-31&granularity=week',
      )
      .set('Authorization', user());
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /from is not a valid date.*granularity/s,
    );

    const { server: denied } = await startWithMetrics(
      await databases.init('SQLITE_3'),
      { deny: true },
    );
    const forbidden = await request(denied)
      .get('/api/finops-itam/entities/component/default/checkout/unit-cost')
      .set('Authorization', user());
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toBe(
      "You don't have access to cost data for component:default/checkout",
    );
  });
});
