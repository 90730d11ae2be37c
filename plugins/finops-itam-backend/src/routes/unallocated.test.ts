import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import { UnallocatedReport } from '../allocation/UnallocatedReport';
import { DatabaseCostReportStore } from '../database/DatabaseCostReportStore';
import {
  TestFact,
  allocateFactsByHand,
  insertFacts,
  testEntity,
} from '../allocation/__testUtils__/facts';
import { migrationConfig } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createRequirePermission } from '../permissions';
import { createUnallocatedRoutes } from './unallocated';

jest.setTimeout(60_000);

const entities = [
  testEntity('Group', 'team-a'),
  testEntity('Component', 'checkout', { spec: { owner: 'team-a' } }),
  testEntity('Component', 'checkout-db', { spec: { owner: 'team-a' } }),
  testEntity('Component', 'search', { spec: { owner: 'team-b' } }),
];

const allTags = {
  application: 'x',
  environment: 'prod',
  team: 't',
  'cost-center': 'cc',
};

/** Facts with an allocation: `ref` for direct, `pool` for a shared pool. */
const facts: Array<TestFact & { ref?: string; pool?: string }> = [
  // Unallocated, two days, exact sum; the latest day's tags are reported.
  {
    day: '2026-11-01',
    resourceId: 'arn:aws:rds:eu:checkout-db-1',
    resourceName: 'orders',
    billedCost: '1',
    effectiveCost: '10.1',
    tags: { application: 'old' },
  },
  {
    day: '2026-11-02',
    resourceId: 'arn:aws:rds:eu:checkout-db-1',
    resourceName: 'orders',
    billedCost: '1',
    effectiveCost: '0.0000000000000001',
    tags: { Application: 'orders', environment: 'prod' },
  },
  // "checkouts" is not the component "checkout": no suggestion.
  {
    day: '2026-11-02',
    resourceId: 'i-123',
    resourceName: 'checkouts-vm',
    billedCost: '1',
    effectiveCost: '7',
    tags: allTags,
  },
  {
    day: '2026-11-02',
    resourceId: 'i-456',
    resourceName: 'web.search.prod',
    billedCost: '1',
    effectiveCost: '7',
    tags: { ...allTags, team: ' ' },
  },
  {
    day: '2026-11-03',
    resourceId: null,
    resourceName: null,
    chargeCategory: 'Tax',
    billedCost: '1',
    effectiveCost: '0.5',
  },
  {
    day: '2026-11-03',
    resourceId: 'cheap',
    billedCost: '1',
    effectiveCost: '-0.25',
    tags: allTags,
  },
  // A pool that has been split on that day is allocated; one that has not is not.
  {
    day: '2026-11-04',
    resourceId: 'pooled-split',
    billedCost: '1',
    effectiveCost: '40',
    pool: 'support',
    tags: allTags,
  },
  {
    day: '2026-11-05',
    resourceId: 'pooled-unsplit',
    billedCost: '1',
    effectiveCost: '2',
    pool: 'support',
    tags: allTags,
  },
  // Allocated: not listed as unallocated, but listed for missing tags under the owner.
  {
    day: '2026-11-02',
    resourceId: 'i-789',
    resourceName: 'checkout-web',
    billedCost: '1',
    effectiveCost: '50',
    ref: 'component:default/checkout',
    tags: { team: 'a' },
  },
  {
    day: '2026-11-02',
    resourceId: 'i-790',
    billedCost: '1',
    effectiveCost: '50',
    ref: 'component:default/search',
    tags: allTags,
  },
  {
    day: '2026-11-02',
    resourceId: 'i-791',
    billedCost: '1',
    effectiveCost: '50',
    ref: 'group:default/team-a',
    tags: {},
  },
  // Outside the period, or another currency.
  {
    day: '2026-12-01',
    resourceId: 'later',
    billedCost: '1',
    effectiveCost: '999',
  },
  {
    day: '2026-11-02',
    resourceId: 'euro',
    billedCost: '1',
    effectiveCost: '3',
    currency: 'EUR',
    tags: allTags,
  },
];

async function setUp(knex: Knex) {
  await knex.migrate.latest(migrationConfig);
  await insertFacts(
    knex,
    facts.map((f, i) => ({ ...f, serviceCategory: `c-${i}` })),
  );
  for (const [i, f] of facts.entries()) {
    await allocateFactsByHand(
      knex,
      { service_category: `c-${i}` },
      { entityRef: f.ref ?? null, poolId: f.pool ?? null },
    );
  }
  await knex('finops_itam_shared_allocations').insert({
    pool_id: 'support',
    day: '2026-11-04',
    currency: 'USD',
    basis: 'amortized',
    target_ref: 'component:default/search',
    amount: '40',
  });
}

function app(
  knex: Knex,
  options: { deny?: boolean; requiredTags?: string[] } = {},
) {
  const router = createUnallocatedRoutes({
    unallocatedReport: new UnallocatedReport({
      store: new DatabaseCostReportStore(knex),
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      requiredTags: options.requiredTags ?? [
        'application',
        'environment',
        'team',
        'cost-center',
      ],
    }),
    requirePermission: createRequirePermission({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions({
        result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      }),
    }),
  });
  return express().use(router).use(mockErrorHandler());
}

const get = (knex: Knex, query: string, options?: { deny?: boolean }) =>
  request(app(knex, options))
    .get(`/allocation/unallocated${query}`)
    .set('Authorization', mockCredentials.user.header());

describe('GET /allocation/unallocated', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'lists the costliest unallocated resources with suggestions and missing tags, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await setUp(knex);
      const response = await get(knex, '?from=2026-11-01&to=2026-12-01');

      expect(response.status).toBe(200);
      const common = {
        serviceName: 'Amazon EC2',
        subAccountId: null,
        billingAccountId: 'billing-1',
      };
      expect(response.body).toEqual({
        currency: 'USD',
        from: '2026-11-01',
        to: '2026-12-01',
        // 10.1000000000000001 + 7 + 7 + 0.5 - 0.25 + 2; the split pool and allocated rows are out.
        total: '26.3500000000000001',
        resources: [
          {
            ...common,
            resourceId: 'arn:aws:rds:eu:checkout-db-1',
            resourceName: 'orders',
            cost: '10.1000000000000001',
            tags: { Application: 'orders', environment: 'prod' },
            // The longest matching name wins over "checkout".
            suggestedOwner: {
              entityRef: 'component:default/checkout-db',
              reason:
                'resource id "arn:aws:rds:eu:checkout-db-1" contains component name "checkout-db"',
            },
          },
          {
            ...common,
            resourceId: 'i-123',
            resourceName: 'checkouts-vm',
            cost: '7',
            tags: allTags,
          },
          {
            ...common,
            resourceId: 'i-456',
            resourceName: 'web.search.prod',
            cost: '7',
            tags: { ...allTags, team: ' ' },
            suggestedOwner: {
              entityRef: 'component:default/search',
              reason:
                'resource name "web.search.prod" contains component name "search"',
            },
          },
          {
            ...common,
            resourceId: 'pooled-unsplit',
            resourceName: null,
            cost: '2',
            tags: allTags,
          },
          {
            ...common,
            resourceId: null,
            resourceName: null,
            cost: '0.5',
            tags: {},
          },
          {
            ...common,
            resourceId: 'cheap',
            resourceName: null,
            cost: '-0.25',
            tags: allTags,
          },
        ],
        missingTags: [
          {
            owner: 'group:default/team-a',
            requiredTags: ['application', 'environment', 'team', 'cost-center'],
            resources: [
              {
                resourceId: 'i-789',
                resourceName: 'checkout-web',
                missing: ['application', 'environment', 'cost-center'],
              },
              {
                resourceId: 'i-791',
                resourceName: null,
                missing: ['application', 'environment', 'team', 'cost-center'],
              },
            ],
            resourceCount: 2,
          },
          {
            owner: null,
            requiredTags: ['application', 'environment', 'team', 'cost-center'],
            resources: [
              // Keys compare case-insensitively; the latest day's tags count.
              {
                resourceId: 'arn:aws:rds:eu:checkout-db-1',
                resourceName: 'orders',
                missing: ['team', 'cost-center'],
              },
              // A blank value is missing.
              {
                resourceId: 'i-456',
                resourceName: 'web.search.prod',
                missing: ['team'],
              },
            ],
            resourceCount: 2,
          },
        ],
        otherCurrencies: [{ currency: 'EUR', total: '3' }],
      });
      await knex.destroy();
    },
  );

  it('limits the resources and takes the required tags from config', async () => {
    const knex = await databases.init('SQLITE_3');
    await setUp(knex);
    const response = await request(app(knex, { requiredTags: ['Owner'] }))
      .get('/allocation/unallocated?from=2026-11-01&to=2026-12-01&limit=1')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body.total).toBe('26.3500000000000001');
    expect(
      response.body.resources.map((r: { resourceId: string }) => r.resourceId),
    ).toEqual(['arn:aws:rds:eu:checkout-db-1']);
    expect(
      response.body.missingTags.map((g: any) => [
        g.owner,
        g.requiredTags,
        g.resources.length,
        g.resourceCount,
      ]),
    ).toEqual([
      ['group:default/team-a', ['Owner'], 1, 2],
      ['group:default/team-b', ['Owner'], 1, 1],
      [null, ['Owner'], 1, 7],
    ]);
    await knex.destroy();
  });

  it.each([
    ['?from=2026-11-01&to=2026-12-01&limit=0', /limit/],
    ['?from=2026-11-01&to=2026-12-01&limit=abc', /limit/],
    ['?from=2026-11-01&to=2026-12-01&limit=501', /limit/],
    ['?from=2026-12-01&to=2026-11-01', /must be before/],
    ['?from=2026-11-31', /from is not a valid date/],
  ])('answers 400 for %p', async (query, message) => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest(migrationConfig);
    const response = await get(knex, query);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    await knex.destroy();
  });

  it('needs the read permission', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest(migrationConfig);
    const response = await get(knex, '?from=2026-11-01&to=2026-12-01', {
      deny: true,
    });
    expect(response.status).toBe(403);
    await knex.destroy();
  });
});
