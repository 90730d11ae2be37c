import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { insertFacts, testEntity } from '../allocation/__testUtils__/facts';
import { insertLicenseShares } from '../licenses/__testUtils__/licenseShares';
import { insertShopFacts } from '../metrics/__testUtils__/shopFacts';
import {
  ownedEntity,
  startWithMetrics,
} from '../metrics/__testUtils__/startWithMetrics';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const user = () => mockCredentials.user.header();
const service = () => mockCredentials.service.header();

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const daysFromToday = (days: number) =>
  isoDay(new Date(Date.now() + days * 86_400_000));

describe('GET /teams/:namespace/:name/cost', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'ranks what the group owns by cost, against the previous period, with unit costs, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startWithMetrics(knex);
      await insertShopFacts(knex);
      expect(
        (
          await request(server)
            .post('/api/finops-itam/allocation/run')
            .set('Authorization', service())
        ).status,
      ).toBe(200);
      for (const [metric, values] of Object.entries({
        orders: [
          {
            entityRef: 'component:default/checkout',
            date: '2026-11-01',
            value: '3',
          },
          // Before the period: not part of this period's unit cost.
          {
            entityRef: 'component:default/checkout',
            date: '2026-10-31',
            value: '1000',
          },
        ],
        searches: [
          {
            entityRef: 'component:default/search',
            date: '2026-11-02',
            value: '2',
          },
        ],
      })) {
        const put = await request(server)
          .put(`/api/finops-itam/metrics/${metric}`)
          .set('Authorization', service())
          .send({ values });
        expect(put.status).toBe(200);
      }

      const response = await request(server)
        .get(
          '/api/finops-itam/teams/default/team-shop/cost?from=2026-11-01&to=2026-11-04',
        )
        .set('Authorization', user());

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        groupRef: 'group:default/team-shop',
        currency: 'USD',
        from: '2026-11-01',
        to: '2026-11-04',
        previousFrom: '2026-10-29',
        previousTo: '2026-11-01',
        // checkout + search + orders-db, not the other team's 100.
        total: '24.8000000000000001',
        previousTotal: '6.2',
        change: '18.6000000000000001',
        changePercent: 300,
      });
      expect(response.body.entities).toEqual([
        {
          entityRef: 'system:default/shop',
          kind: 'System',
          name: 'shop',
          total: '23.8000000000000001',
          previousTotal: '2.2',
          change: '21.6000000000000001',
          changePercent: 981.82,
          unitCost: null,
        },
        {
          entityRef: 'component:default/checkout',
          kind: 'Component',
          name: 'checkout',
          title: 'Checkout',
          total: '18.8000000000000001',
          previousTotal: '2.2',
          change: '16.6000000000000001',
          changePercent: 754.55,
          unitCost: { metric: 'orders', value: '6.2666666667' },
        },
        {
          entityRef: 'component:default/search',
          kind: 'Component',
          name: 'search',
          total: '5',
          previousTotal: '0',
          change: '5',
          changePercent: null,
          unitCost: { metric: 'searches', value: '2.5' },
        },
        {
          entityRef: 'resource:default/orders-db',
          kind: 'Resource',
          name: 'orders-db',
          total: '1',
          previousTotal: '4',
          change: '-3',
          changePercent: -75,
          unitCost: null,
        },
        {
          entityRef: 'component:default/quiet',
          kind: 'Component',
          name: 'quiet',
          total: '0',
          previousTotal: '0',
          change: '0',
          changePercent: null,
          unitCost: null,
        },
      ]);

      // The group's figure is the one its own cost page shows.
      const groupCost = await request(server)
        .get(
          '/api/finops-itam/entities/group/default/team-shop/cost?from=2026-11-01&to=2026-11-04',
        )
        .set('Authorization', user());
      expect(groupCost.body.total).toBe(response.body.total);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'includes license cost shares, as the cost page does, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startWithMetrics(knex);
      await insertShopFacts(knex);
      await insertLicenseShares(knex, [
        {
          entityRef: 'component:default/checkout',
          day: '2026-11-02',
          amount: '0.25',
        },
        {
          entityRef: 'group:default/team-shop',
          day: '2026-10-30',
          amount: '0.5',
          shelfware: true,
        },
      ]);
      await request(server)
        .post('/api/finops-itam/allocation/run')
        .set('Authorization', service());
      const period = 'from=2026-11-01&to=2026-11-04';

      const team = await request(server)
        .get(`/api/finops-itam/teams/default/team-shop/cost?${period}`)
        .set('Authorization', user());

      expect(team.body).toMatchObject({
        total: '25.0500000000000001',
        previousTotal: '6.7',
      });
      const checkout = team.body.entities.find(
        (e: { name: string }) => e.name === 'checkout',
      );
      expect(checkout.total).toBe('19.0500000000000001');
      const groupCost = await request(server)
        .get(`/api/finops-itam/entities/group/default/team-shop/cost?${period}`)
        .set('Authorization', user());
      expect(groupCost.body).toMatchObject({
        total: team.body.total,
        licenses: '0.25',
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps cost in another currency apart instead of leaving it out, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startWithMetrics(knex);
      await insertShopFacts(knex);
      await insertFacts(knex, [
        // A support plan checkout pays in euros: in both periods, never added to USD.
        {
          day: '2026-10-30',
          tags: { application: 'checkout' },
          billedCost: '7',
          currency: 'EUR',
        },
        {
          day: '2026-11-02',
          tags: { application: 'checkout' },
          billedCost: '12.5',
          currency: 'EUR',
        },
      ]);
      await request(server)
        .post('/api/finops-itam/allocation/run')
        .set('Authorization', service());

      const team = await request(server)
        .get(
          '/api/finops-itam/teams/default/team-shop/cost?from=2026-11-01&to=2026-11-04',
        )
        .set('Authorization', user());

      expect(team.status).toBe(200);
      expect(team.body).toMatchObject({
        currency: 'USD',
        total: '24.8000000000000001',
        otherCurrencies: [
          { currency: 'EUR', total: '12.5', previousTotal: '7' },
        ],
      });
      const checkout = team.body.entities.find(
        (e: { name: string }) => e.name === 'checkout',
      );
      expect(checkout).toMatchObject({
        total: '18.8000000000000001',
        otherCurrencies: [
          { currency: 'EUR', total: '12.5', previousTotal: '7' },
        ],
      });
      const search = team.body.entities.find(
        (e: { name: string }) => e.name === 'search',
      );
      expect(search.otherCurrencies).toBeUndefined();
      await knex.destroy();
    },
  );

  it('defaults to the 30 days ending yesterday, compared with the 30 days before', async () => {
    const { server } = await startWithMetrics(await databases.init('SQLITE_3'));
    const response = await request(server)
      .get('/api/finops-itam/teams/default/team-shop/cost')
      .set('Authorization', user());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      to: daysFromToday(0),
      from: daysFromToday(-30),
      previousTo: daysFromToday(-30),
      previousFrom: daysFromToday(-60),
      currency: null,
      total: '0',
      changePercent: null,
    });
    expect(response.body.entities).toHaveLength(5);
  });

  it('answers 404 for an unknown group, 400 for another kind or bad dates, 403 without permission', async () => {
    const { server } = await startWithMetrics(await databases.init('SQLITE_3'));
    const get = (path: string) =>
      request(server)
        .get(`/api/finops-itam${path}`)
        .set('Authorization', user());

    const unknown = await get('/teams/default/team-nope/cost');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(
      /No group default\/team-nope in the catalog/,
    );

    const component = await get('/teams/default/component:checkout/cost');
    expect(component.status).toBe(400);
    expect(component.body.error.message).toMatch(
      /component:default\/checkout is a component, not a Group/,
    );

    expect(
      (
        await get(
          '/teams/default/group:team-shop/cost?from=2026-11-01&to=2026-11-04',
        )
      ).status,
    ).toBe(200);

    const badDates = await get(
      '/teams/default/team-shop/cost?from=2026-11-05&to=2026-11-01',
    );
    expect(badDates.status).toBe(400);
    expect(badDates.body.error.message).toMatch(
      /from \(2026-11-05\) must be before to/,
    );
    expect(
      (await get('/teams/default/team-shop/cost?to=yesterday')).status,
    ).toBe(400);

    const { server: denied } = await startWithMetrics(
      await databases.init('SQLITE_3'),
      { deny: true },
    );
    const forbidden = await request(denied)
      .get('/api/finops-itam/teams/default/team-shop/cost')
      .set('Authorization', user());
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toBe(
      "You don't have access to cost data for group:default/team-shop",
    );
  });

  it.each(databases.eachSupportedId())(
    'sums a group with 50 services over a year of daily cost, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const services: Entity[] = Array.from({ length: 50 }, (_, i) =>
        ownedEntity('Component', `service-${i}`, 'team-big', {
          annotations: { 'finops-itam.io/unit-metric': 'requests' },
        }),
      );
      const { server } = await startWithMetrics(knex, {
        entities: [testEntity('Group', 'team-big'), ...services],
      });

      // Two years of rollup rows, as allocation writes them: 0.01 a day per service.
      const refs = [
        'group:default/team-big',
        ...services.map(s => `component:default/${s.metadata.name}`),
      ];
      const rows = [];
      for (let day = 0; day < 730; day++) {
        const date = isoDay(new Date(Date.UTC(2024, 10, 1 + day)));
        for (const ref of refs) {
          const amount = ref.startsWith('group') ? '0.5' : '0.01';
          rows.push({
            entity_ref: ref,
            day: date,
            currency: 'USD',
            basis: 'amortized',
            direct: amount,
            shared: '0',
          });
        }
      }
      for (let i = 0; i < rows.length; i += 400) {
        await knex('finops_itam_entity_daily_cost').insert(
          rows.slice(i, i + 400),
        );
      }
      const values = refs
        .slice(1)
        .map(entityRef => ({ entityRef, date: '2026-01-01', value: '7' }));
      await request(server)
        .put('/api/finops-itam/metrics/requests')
        .set('Authorization', service())
        .send({ values });

      const path =
        '/api/finops-itam/teams/default/team-big/cost?from=2025-11-01&to=2026-11-01';
      // Speed is measured by benchmarks, not here: this checks the many-entity sums.
      const response = await request(server)
        .get(path)
        .set('Authorization', user());

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        total: '182.5',
        previousTotal: '182.5',
        change: '0',
        changePercent: 0,
      });
      expect(response.body.entities).toHaveLength(50);
      expect(response.body.entities[0]).toMatchObject({
        total: '3.65',
        unitCost: { metric: 'requests', value: '0.5214285714' },
      });
      await knex.destroy();
    },
  );
});
