import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  finopsItamCostConditions,
  finopsItamCostReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import express from 'express';
import request from 'supertest';
import { startWithFacts } from '../allocation/__testUtils__/startWithFacts';
import { insertFacts, testEntity } from '../allocation/__testUtils__/facts';
import { insertLicenseShares } from '../licenses/__testUtils__/licenseShares';
import { createEntityCostRoutes } from './entityCost';
import { createRequirePermission } from '../permissions';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const auth = () => mockCredentials.user.header();

describe('GET /entities/:kind/:namespace/:name/cost', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'sums direct and shared cost over the rollup, exactly, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await startWithFacts(knex);

      const before = await request(server)
        .get(
          '/api/finops-itam/entities/component/default/checkout/cost?from=2026-11-01&to=2026-12-01',
        )
        .set('Authorization', auth());
      expect(before.status).toBe(200);
      expect(before.body.allocation.state).toBe('never-run');

      const run = await request(server)
        .post('/api/finops-itam/allocation/run')
        .set('Authorization', mockCredentials.service.header());
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({ status: 'succeeded', factsScanned: 7 });

      const component = await request(server)
        .get(
          '/api/finops-itam/entities/component/default/checkout/cost?from=2026-11-01&to=2026-12-01&basis=billed',
        )
        .set('Authorization', auth());
      expect(component.status).toBe(200);
      expect(component.body).toMatchObject({
        entityRef: 'component:default/checkout',
        currency: 'USD',
        basis: 'billed',
        total: '11.1050000000000001',
        direct: '11.1000000000000001',
        shared: '0.005',
        licenses: '0',
        otherCurrencies: [{ currency: 'EUR', total: '3' }],
        mapping: {
          mapped: true,
          annotations: { 'finops-itam.io/cost-tags': 'application=checkout' },
        },
        allocation: { state: 'current', lastRunAt: expect.any(String) },
      });
      expect(component.body.series).toHaveLength(30);
      expect(component.body.series[0]).toEqual({
        date: '2026-11-01',
        total: '10.105',
        direct: '10.1',
        shared: '0.005',
        licenses: '0',
      });
      expect(component.body.byService).toEqual([
        {
          serviceName: 'Amazon EC2',
          serviceCategory: 'Compute',
          total: '10.1',
        },
        {
          serviceName: 'Amazon S3',
          serviceCategory: 'Storage',
          total: '1.0000000000000001',
        },
      ]);
      expect(component.body.byChargeCategory).toEqual([
        { chargeCategory: 'Usage', total: '11.1000000000000001' },
      ]);

      const system = await request(server)
        .get(
          '/api/finops-itam/entities/system/default/shop/cost?from=2026-11-01&to=2026-12-01&granularity=month&basis=billed',
        )
        .set('Authorization', auth());
      expect(system.body).toMatchObject({
        total: '16.1100000000000001',
        direct: '16.1000000000000001',
        shared: '0.01',
        series: [{ date: '2026-11', total: '16.1100000000000001' }],
      });
      // Directly allocated cost per resource, costliest first; facts without a resource
      // (checkout's here) form one line, so the lines add up to the direct cost.
      expect(system.body.byResource).toEqual([
        {
          resourceId: null,
          resourceName: null,
          serviceName: 'Amazon EC2',
          total: '11.1000000000000001',
        },
        {
          resourceId: null,
          resourceName: 'search-db',
          serviceName: 'Amazon EC2',
          total: '5',
        },
      ]);
      const amortized = await request(server)
        .get(
          '/api/finops-itam/entities/group/default/team-a/cost?from=2026-11-01&to=2026-12-01',
        )
        .set('Authorization', auth());
      expect(amortized.body).toMatchObject({
        basis: 'amortized',
        total: '15.5100000000000001',
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'answers repeated views from the answer cache until the cost data changes, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await startWithFacts(knex);
      const allocate = () =>
        request(server)
          .post('/api/finops-itam/allocation/run')
          .set('Authorization', mockCredentials.service.header());
      const get = () =>
        request(server)
          .get(
            '/api/finops-itam/entities/component/default/checkout/cost?from=2026-11-01&to=2026-12-01&basis=billed',
          )
          .set('Authorization', auth());
      await allocate();
      const first = await get();
      expect(first.body.direct).toBe('11.1000000000000001');

      // Changed behind the version's back: the cached answer is still served, byte for byte.
      await knex('finops_itam_entity_daily_cost')
        .where({
          entity_ref: 'component:default/checkout',
          day: '2026-11-01',
          basis: 'billed',
          currency: 'USD',
        })
        .update({ direct: '20.1' });
      const repeated = await get();
      expect(repeated.text).toBe(first.text);
      expect(repeated.headers.etag).toBe(first.headers.etag);
      const revalidated = await get().set('If-None-Match', first.headers.etag);
      expect(revalidated.status).toBe(304);

      // A run that changes nothing keeps the version: same cost, the new run in the status.
      expect((await allocate()).body.rollup).toBe('incremental');
      const afterQuietRun = await get();
      expect(afterQuietRun.body.direct).toBe('11.1000000000000001');
      expect(afterQuietRun.body.allocation.lastRunAt).not.toBe(
        first.body.allocation.lastRunAt,
      );
      expect(afterQuietRun.headers.etag).not.toBe(first.headers.etag);

      // New facts: the run rebuilds the rollup and raises the version; the answer is new.
      await insertFacts(knex, [
        {
          day: '2026-11-03',
          tags: { application: 'checkout' },
          billedCost: '1',
        },
      ]);
      expect((await allocate()).body.rollup).toBe('rebuilt');
      const fresh = await get();
      expect(fresh.body.direct).toBe('12.1000000000000001');
      expect(fresh.body.allocation).toEqual({
        state: 'current',
        lastRunAt: expect.any(String),
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'adds license cost shares over the rollup, shelfware to the owner group, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await startWithFacts(knex);
      await insertLicenseShares(knex, [
        {
          entityRef: 'component:default/checkout',
          day: '2026-11-01',
          amount: '1.0000000001',
        },
        {
          entityRef: 'component:default/search',
          day: '2026-11-02',
          amount: '2',
        },
        {
          entityRef: 'group:default/team-a',
          day: '2026-11-03',
          amount: '0.5',
          shelfware: true,
        },
        {
          entityRef: 'component:default/checkout',
          day: '2026-12-01',
          amount: '100',
        },
      ]);
      await request(server)
        .post('/api/finops-itam/allocation/run')
        .set('Authorization', mockCredentials.service.header());
      const cost = async (path: string) =>
        (
          await request(server)
            // Stored shares are amortized license cost; the billed basis shows payments.
            .get(
              `/api/finops-itam/entities/${path}/cost?from=2026-11-01&to=2026-12-01&basis=amortized`,
            )
            .set('Authorization', auth())
        ).body;

      const component = await cost('component/default/checkout');
      expect(component).toMatchObject({
        total: '11.5050000001000001',
        direct: '10.5000000000000001',
        shared: '0.005',
        licenses: '1.0000000001',
      });
      expect(component.series[0]).toEqual({
        date: '2026-11-01',
        total: '10.5050000001',
        direct: '9.5',
        shared: '0.005',
        licenses: '1.0000000001',
      });
      // A system includes its components' shares; a group also its own shelfware.
      expect(await cost('system/default/shop')).toMatchObject({
        total: '18.5100000001000001',
        licenses: '3.0000000001',
      });
      expect(await cost('group/default/team-a')).toMatchObject({
        licenses: '3.5000000001',
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'says how to map an entity without cost, and 404s unknown entities, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await startWithFacts(knex);
      const orphan = await request(server)
        .get('/api/finops-itam/entities/component/default/orphan/cost')
        .set('Authorization', auth());
      expect(orphan.status).toBe(200);
      expect(orphan.body).toMatchObject({
        currency: null,
        total: '0',
        mapping: {
          mapped: false,
          annotations: {},
          suggestion: 'finops-itam.io/cost-tags: application=orphan',
        },
      });

      const unknown = await request(server)
        .get('/api/finops-itam/entities/component/default/nope/cost')
        .set('Authorization', auth());
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toMatch(
        /No entity component:default\/nope in the catalog/,
      );
      await knex.destroy();
    },
  );

  it('validates the query and needs the read permission', async () => {
    const knex = await databases.init('SQLITE_3');
    const server = await startWithFacts(knex);
    const bad = await request(server)
      .get(
        '/api/finops-itam/entities/component/default/checkout/cost?from=2026-13-01&granularity=week',
      )
      .set('Authorization', auth());
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/from .*granularity/s);
    const reversed = await request(server)
      .get(
        '/api/finops-itam/entities/component/default/checkout/cost?from=2026-11-02&to=2026-11-01',
      )
      .set('Authorization', auth());
    expect(reversed.status).toBe(400);

    const denied = await startWithFacts(await databases.init('SQLITE_3'), {
      deny: true,
    });
    const forbidden = await request(denied)
      .get('/api/finops-itam/entities/component/default/checkout/cost')
      .set('Authorization', auth());
    expect(forbidden.status).toBe(403);
  });
});

describe('finops-itam.cost.read on GET /entities/:kind/:namespace/:name/cost', () => {
  const owned = testEntity('Component', 'checkout', {
    spec: { owner: 'team-a' },
  });
  owned.relations = [{ type: 'ownedBy', targetRef: 'group:default/team-a' }];
  const user = mockCredentials.user('user:default/alice');

  function app(decision: Record<string, unknown>) {
    const permissions = mockServices.permissions.mock({
      authorize: async () => [decision as any],
    });
    const requirePermission = createRequirePermission({
      httpAuth: mockServices.httpAuth({ defaultCredentials: user }),
      permissions,
      catalog: catalogServiceMock({ entities: [owned] }),
      auth: mockServices.auth(),
    });
    const costQueries = {
      entityCostAnswer: jest.fn(async () => ({
        body: Buffer.from(
          JSON.stringify({ entityRef: 'component:default/checkout' }),
        ),
        etag: '"checkout"',
      })),
    };
    const server = express()
      .use(createEntityCostRoutes({ costQueries, requirePermission }))
      .use(mockErrorHandler());
    return { server, permissions, costQueries };
  }

  const ownerIs = (claims: string[]) => ({
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: 'catalog-entity',
    conditions: finopsItamCostConditions.isEntityOwner({ claims }),
  });

  it('asks for the permission on the entity and serves the cost when allowed', async () => {
    const { server, permissions } = app({ result: AuthorizeResult.ALLOW });
    const res = await request(server).get(
      '/entities/Component/default/checkout/cost',
    );
    expect(res.status).toBe(200);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: finopsItamCostReadPermission,
          resourceRef: 'component:default/checkout',
        },
      ],
      { credentials: user },
    );
  });

  it('refuses with a message naming the entity when denied', async () => {
    const { server, costQueries } = app({ result: AuthorizeResult.DENY });
    const res = await request(server).get(
      '/entities/component/default/checkout/cost',
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      "You don't have access to cost data for component:default/checkout",
    );
    expect(costQueries.entityCostAnswer).not.toHaveBeenCalled();
  });

  it('applies a conditional decision to the entity: its owners may read', async () => {
    const { server } = app(
      ownerIs(['user:default/alice', 'group:default/team-a']),
    );
    const res = await request(server).get(
      '/entities/component/default/checkout/cost',
    );
    expect(res.status).toBe(200);
  });

  it('applies a conditional decision to the entity: others may not', async () => {
    const { server, costQueries } = app(
      ownerIs(['user:default/alice', 'group:default/team-b']),
    );
    const res = await request(server).get(
      '/entities/component/default/checkout/cost',
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /cost data for component:default\/checkout/,
    );
    expect(costQueries.entityCostAnswer).not.toHaveBeenCalled();
  });

  it('denies conditions it cannot evaluate and entities the catalog does not have', async () => {
    const unknownRule = app({
      ...ownerIs([]),
      conditions: {
        // A rule a catalog module might add at runtime: not among the catalog's own rules.
        rule: 'IS_IN_COST_CENTER',
        resourceType: 'catalog-entity',
        params: { costCenter: 'x' },
      },
    });
    expect(
      (
        await request(unknownRule.server).get(
          '/entities/component/default/checkout/cost',
        )
      ).status,
    ).toBe(403);
    const { server } = app(ownerIs(['group:default/team-a']));
    expect(
      (await request(server).get('/entities/component/default/nope/cost'))
        .status,
    ).toBe(403);
  });

  it('evaluates kind conditions combined with owner conditions', async () => {
    const { server } = app({
      ...ownerIs([]),
      conditions: {
        allOf: [
          finopsItamCostConditions.isEntityKind({ kinds: ['Component'] }),
          finopsItamCostConditions.isEntityOwner({
            claims: ['group:default/team-a'],
          }),
        ],
      },
    });
    expect(
      (await request(server).get('/entities/component/default/checkout/cost'))
        .status,
    ).toBe(200);
  });
});
