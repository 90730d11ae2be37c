import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { insertFacts } from '../allocation/__testUtils__/facts';
import { insertLicenseShares } from '../licenses/__testUtils__/licenseShares';
import { insertShopFacts } from '../metrics/__testUtils__/shopFacts';
import {
  ownedEntity,
  shopEntities,
  startWithMetrics,
} from '../metrics/__testUtils__/startWithMetrics';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const user = () => mockCredentials.user.header();
const service = () => mockCredentials.service.header();

// The shop catalog plus a service that costs 2 and reports orders, but took none; and
// one that reports orders without costing anything (no currency to state a unit cost in).
const entities = [
  ...shopEntities,
  ownedEntity('Component', 'idle', 'team-shop', {
    annotations: {
      'finops-itam.io/unit-metric': 'orders',
      'finops-itam.io/cost-resources': 'idle-*',
    },
  }),
  ownedEntity('Component', 'free', 'team-shop', {
    annotations: { 'finops-itam.io/unit-metric': 'orders' },
  }),
];

async function putMetric(server: any, metric: string, values: object[]) {
  await request(server)
    .put(`/api/finops-itam/metrics/${metric}`)
    .set('Authorization', service())
    .send({ values })
    .expect(200);
}

async function start(knex: Knex, options: { deny?: boolean } = {}) {
  const { server } = await startWithMetrics(knex, { ...options, entities });
  await insertShopFacts(knex);
  await insertFacts(knex, [
    { day: '2026-11-02', resourceName: 'idle-1', billedCost: '2' },
  ]);
  await request(server)
    .post('/api/finops-itam/allocation/run')
    .set('Authorization', service())
    .expect(200);
  return server;
}

describe('GET /unit-economics', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'lists the all-in unit cost of every metered entity per currency, highest first, as GET .../unit-cost computes it, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await start(knex);
      // checkout's EUR license share: 6 + 3 in the period.
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
      await putMetric(server, 'orders', [
        {
          entityRef: 'component:default/checkout',
          date: '2026-11-01',
          value: '3',
        },
        // Outside the period: not counted.
        {
          entityRef: 'component:default/checkout',
          date: '2026-10-31',
          value: '1000',
        },
        { entityRef: 'component:default/idle', date: '2026-11-02', value: '0' },
        { entityRef: 'component:default/free', date: '2026-11-02', value: '4' },
        // No unit-metric annotation, and not in the catalog: neither has a unit cost.
        {
          entityRef: 'component:default/quiet',
          date: '2026-11-01',
          value: '7',
        },
        {
          entityRef: 'component:default/ghost',
          date: '2026-11-01',
          value: '7',
        },
      ]);
      await putMetric(server, 'searches', [
        {
          entityRef: 'component:default/search',
          date: '2026-11-02',
          value: '50',
        },
      ]);

      const response = await request(server)
        .get('/api/finops-itam/unit-economics?from=2026-11-01&to=2026-11-04')
        .set('Authorization', user());
      expect(response.status).toBe(200);
      // checkout: 18.8000000000000001 USD / 3 and 9 EUR / 3; search: 5 / 50; idle: no volume.
      expect(response.body).toEqual({
        from: '2026-11-01',
        to: '2026-11-04',
        items: [
          {
            entityRef: 'component:default/checkout',
            metric: 'orders',
            unit: null,
            currency: 'USD',
            allInCost: '18.8000000000000001',
            volume: '3',
            unitCost: '6.2666666667',
          },
          {
            entityRef: 'component:default/search',
            metric: 'searches',
            unit: null,
            currency: 'USD',
            allInCost: '5',
            volume: '50',
            unitCost: '0.1',
          },
          {
            entityRef: 'component:default/idle',
            metric: 'orders',
            unit: null,
            currency: 'USD',
            allInCost: '2',
            volume: '0',
            unitCost: null,
          },
          {
            entityRef: 'component:default/checkout',
            metric: 'orders',
            unit: null,
            currency: 'EUR',
            allInCost: '9',
            volume: '3',
            unitCost: '3',
          },
        ],
      });

      const single = await request(server)
        .get(
          '/api/finops-itam/entities/component/default/checkout/unit-cost?from=2026-11-01&to=2026-11-04',
        )
        .set('Authorization', user());
      expect(single.body.unitCost).toBe(response.body.items[0].unitCost);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'answers an empty list when no entity reported a metric, and 403 without finops-itam.read, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await start(knex);
      const empty = await request(server)
        .get('/api/finops-itam/unit-economics?from=2026-11-01&to=2026-11-04')
        .set('Authorization', user());
      expect(empty.body).toEqual({
        from: '2026-11-01',
        to: '2026-11-04',
        items: [],
      });
      const { server: denied } = await startWithMetrics(knex, { deny: true });
      const forbidden = await request(denied)
        .get('/api/finops-itam/unit-economics?from=2026-11-01&to=2026-11-04')
        .set('Authorization', user());
      expect(forbidden.status).toBe(403);
      await knex.destroy();
    },
  );

  it('answers 400 for a reversed period, naming both days', async () => {
    const knex = await databases.init('SQLITE_3');
    const server = await start(knex);
    const response = await request(server)
      .get('/api/finops-itam/unit-economics?from=2026-11-04&to=2026-11-01')
      .set('Authorization', user());
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(
      'from (2026-11-04) must be before to (2026-11-01)',
    );
    await knex.destroy();
  });
});
