import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  TestFact,
  allocateFactsByHand,
  insertFacts,
  testEntity,
} from '../allocation/__testUtils__/facts';
import { finopsItamPlugin } from '../plugin';

jest.setTimeout(120_000);

const API = '/api/finops-itam';
const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';

const entities = [
  testEntity('Group', 'team-a'),
  testEntity('Group', 'team-b'),
  testEntity('Component', 'checkout', { spec: { owner: 'team-a' } }),
  testEntity('Component', 'search', { spec: { owner: 'team-b' } }),
];

const policies = {
  allowedProviders: ['AWS', 'Microsoft'],
  allowedRegions: ['eu-west-1', 'westeurope'],
  requiredTags: ['cost-center'],
  requiredTagsByProvider: { Azure: ['env'] },
  blockedProducts: ['oracle-database-enterprise'],
  marketplace: 'needs-approval',
  approvedMarketplacePublishers: ['Datadog'],
};

const CC = { 'cost-center': 'cc-1' };

/** A fact with the columns the policies judge; `ref` is where allocation placed it. */
interface GovernanceFact extends TestFact {
  ref?: string;
  provider?: string;
  region?: string | null;
  publisher?: string;
  issuer?: string;
}

const fact = (
  f: Omit<GovernanceFact, 'day'> & { day?: string },
): GovernanceFact => ({
  day: '2026-11-02',
  provider: 'AWS',
  region: 'eu-west-1',
  tags: CC,
  ref: 'component:default/checkout',
  ...f,
});

const facts: GovernanceFact[] = [
  // Within policy.
  fact({ resourceId: 'i-1', billedCost: '10.10' }),
  // Untagged, on two days: 0.1 + 0.2.
  fact({ resourceId: 'i-2', tags: {}, billedCost: '0.1' }),
  fact({ day: '2026-11-03', resourceId: 'i-2', tags: {}, billedCost: '0.2' }),
  // Azure (FOCUS says Microsoft) also requires env.
  fact({
    resourceId: 'vm-1',
    provider: 'Microsoft',
    region: 'westeurope',
    currency: 'EUR',
    billedCost: '5.005',
    ref: 'component:default/search',
  }),
  // A region and a provider not allowed.
  fact({
    resourceId: 'i-3',
    region: 'us-east-1',
    billedCost: '2.25',
    ref: 'component:default/search',
  }),
  fact({
    resourceId: 'g-1',
    provider: 'Google Cloud',
    region: 'europe-west1',
    billedCost: '1',
    ref: 'component:default/search',
  }),
  // Marketplace: an unapproved seller, and an approved one.
  fact({
    resourceId: null,
    region: null,
    publisher: 'Snowflake Inc.',
    issuer: 'Amazon Web Services, Inc.',
    billedCost: '100',
  }),
  fact({
    resourceId: null,
    region: null,
    publisher: 'Datadog',
    issuer: 'Amazon Web Services, Inc.',
    billedCost: '50',
  }),
  // An export naming the seller as provider (the demo's Lumenwatch rows): bought in AWS's
  // marketplace, not run on a provider outside policy.
  fact({
    resourceId: 'agmt-1',
    region: null,
    provider: 'Lumenwatch',
    publisher: 'Lumenwatch',
    issuer: 'Amazon Web Services',
    billedCost: '12.5',
    ref: 'component:default/search',
  }),
  // A blocked product, named by the license product tag.
  fact({
    resourceId: 'i-4',
    tags: { ...CC, 'license-product': 'Oracle-Database-Enterprise' },
    billedCost: '7.25',
  }),
  // Unallocated and untagged: the owner of the component its id names is suggested.
  fact({
    resourceId: 'checkout-db-9',
    tags: {},
    billedCost: '3',
    ref: undefined,
  }),
  fact({
    day: '2026-11-04',
    resourceId: 'checkout-db-9',
    tags: {},
    billedCost: '0.0000000000000001',
    ref: undefined,
  }),
  // Costing nothing (a commitment purchase in the amortized view): nothing to report.
  fact({
    resourceId: 'sp-1',
    tags: {},
    chargeCategory: 'Purchase',
    billedCost: '500',
    effectiveCost: '0',
  }),
  // Outside the period.
  fact({ day: '2026-12-01', resourceId: 'i-5', tags: {}, billedCost: '999' }),
];

async function start(knex: Knex, options: { deny?: boolean } = {}) {
  const { server } = await startTestBackend({
    features: [
      finopsItamPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: { finopsItam: { policies } } }),
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
  return server;
}

/** Stores the facts as ingestion and a finished allocation run would have. */
async function insertAllocatedFacts(knex: Knex) {
  // Facts of one resource share a category, which picks them out for allocation by hand.
  const category = (f: GovernanceFact) => `c-${f.resourceId ?? f.publisher}`;
  await insertFacts(
    knex,
    facts.map(f => ({ ...f, serviceCategory: category(f) })),
  );
  for (const f of facts) {
    await knex('finops_itam_cost_facts')
      .where({ service_category: category(f) })
      .update({
        provider_name: f.provider,
        region_id: f.region,
        publisher_name: f.publisher ?? f.provider,
        invoice_issuer_name: f.issuer ?? f.provider,
      });
    await allocateFactsByHand(
      knex,
      { service_category: category(f) },
      { entityRef: f.ref ?? null },
    );
  }
}

const empty = { cost: [], resources: [] };

describe('GET /governance/compliance', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: Server;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      server = await start(knex);
      await insertAllocatedFacts(knex);
    });

    const get = (query: string, to: Server = server) =>
      request(to)
        .get(`${API}/governance/compliance${query}`)
        .set('Authorization', mockCredentials.user.header());

    it('reports the cost outside policy per owner, unallocated last, with the policies applied', async () => {
      const response = await get('?from=2026-11-01&to=2026-12-01');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        from: '2026-11-01',
        to: '2026-12-01',
        owners: [
          {
            ownerRef: TEAM_A,
            untagged: {
              // 0.1 + 0.2
              cost: [{ currency: 'USD', amount: '0.3' }],
              resources: [
                {
                  providerName: 'AWS',
                  resourceId: 'i-2',
                  resourceName: null,
                  regionIds: ['eu-west-1'],
                  suggestedOwnerRef: TEAM_A,
                  cost: [{ currency: 'USD', amount: '0.3' }],
                  reasons: ['missing tag cost-center'],
                },
              ],
            },
            disallowedLocation: empty,
            marketplaceOutsidePolicy: {
              cost: [{ currency: 'USD', amount: '100' }],
              resources: [
                {
                  providerName: 'AWS',
                  resourceId: null,
                  resourceName: null,
                  regionIds: [],
                  suggestedOwnerRef: TEAM_A,
                  cost: [{ currency: 'USD', amount: '100' }],
                  reasons: [
                    'bought from Snowflake Inc. through Amazon Web Services, Inc.; Snowflake Inc. is not an approved marketplace seller',
                  ],
                },
              ],
            },
            blockedProduct: {
              cost: [{ currency: 'USD', amount: '7.25' }],
              resources: [
                {
                  providerName: 'AWS',
                  resourceId: 'i-4',
                  resourceName: null,
                  regionIds: ['eu-west-1'],
                  suggestedOwnerRef: TEAM_A,
                  cost: [{ currency: 'USD', amount: '7.25' }],
                  reasons: ['product oracle-database-enterprise is blocked'],
                },
              ],
            },
          },
          {
            ownerRef: TEAM_B,
            untagged: {
              cost: [{ currency: 'EUR', amount: '5.005' }],
              resources: [
                {
                  providerName: 'Azure',
                  resourceId: 'vm-1',
                  resourceName: null,
                  regionIds: ['westeurope'],
                  suggestedOwnerRef: TEAM_B,
                  cost: [{ currency: 'EUR', amount: '5.005' }],
                  reasons: ['missing tag env'],
                },
              ],
            },
            disallowedLocation: {
              // 2.25 (us-east-1) + 1 (Google Cloud)
              cost: [{ currency: 'USD', amount: '3.25' }],
              resources: [
                {
                  providerName: 'AWS',
                  resourceId: 'i-3',
                  resourceName: null,
                  regionIds: ['us-east-1'],
                  suggestedOwnerRef: TEAM_B,
                  cost: [{ currency: 'USD', amount: '2.25' }],
                  reasons: ['region us-east-1 is not allowed'],
                },
                {
                  providerName: 'Google Cloud',
                  resourceId: 'g-1',
                  resourceName: null,
                  regionIds: ['europe-west1'],
                  suggestedOwnerRef: TEAM_B,
                  cost: [{ currency: 'USD', amount: '1' }],
                  reasons: ['provider Google Cloud is not allowed'],
                },
              ],
            },
            marketplaceOutsidePolicy: {
              cost: [{ currency: 'USD', amount: '12.5' }],
              resources: [
                {
                  providerName: 'AWS',
                  resourceId: 'agmt-1',
                  resourceName: null,
                  regionIds: [],
                  suggestedOwnerRef: TEAM_B,
                  cost: [{ currency: 'USD', amount: '12.5' }],
                  reasons: [
                    'bought from Lumenwatch through Amazon Web Services; Lumenwatch is not an approved marketplace seller',
                  ],
                },
              ],
            },
            blockedProduct: empty,
          },
          {
            ownerRef: null,
            untagged: {
              // 3 + 0.0000000000000001, summed exactly
              cost: [{ currency: 'USD', amount: '3.0000000000000001' }],
              resources: [
                {
                  providerName: 'AWS',
                  resourceId: 'checkout-db-9',
                  resourceName: null,
                  regionIds: ['eu-west-1'],
                  // The id names the component checkout, owned by team-a.
                  suggestedOwnerRef: TEAM_A,
                  cost: [{ currency: 'USD', amount: '3.0000000000000001' }],
                  reasons: ['missing tag cost-center'],
                },
              ],
            },
            disallowedLocation: empty,
            marketplaceOutsidePolicy: empty,
            blockedProduct: empty,
          },
        ],
        policies: {
          requiredTags: ['cost-center'],
          requiredTagsByProvider: { Azure: ['env'] },
          allowedProviders: ['AWS', 'Azure'],
          allowedRegions: ['eu-west-1', 'westeurope'],
          marketplace: 'needs-approval',
          approvedMarketplacePublishers: ['Datadog'],
          blockedProducts: ['oracle-database-enterprise'],
        },
      });
    });

    it('reads only the days asked for', async () => {
      const response = await get('?from=2026-11-03&to=2026-11-04');
      expect(response.status).toBe(200);
      // Only i-2's second day is outside policy then.
      expect(response.body.owners).toHaveLength(1);
      expect(response.body.owners[0].untagged.cost).toEqual([
        { currency: 'USD', amount: '0.2' },
      ]);
    });

    it('answers 400 naming the problem for a bad period', async () => {
      const reversed = await get('?from=2026-12-01&to=2026-11-01');
      expect(reversed.status).toBe(400);
      expect(reversed.body.error.message).toMatch(
        /from \(2026-12-01\) must be before to \(2026-11-01\)/,
      );
      const notADay = await get('?from=2026-11-31&to=2026-12-01');
      expect(notADay.status).toBe(400);
      expect(notADay.body.error.message).toMatch(/from/);
    });

    it('answers 403 without finops-itam.read', async () => {
      const denied = await start(knex, { deny: true });
      const response = await get('?from=2026-11-01&to=2026-12-01', denied);
      expect(response.status).toBe(403);
    });
  });
});

describe('finopsItam.policies at start-up', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'warns, naming the key, of a region no known provider has, and starts, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const logger = mockServices.logger.mock();
      logger.child.mockReturnValue(logger);
      const { server } = await startTestBackend({
        features: [
          finopsItamPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities }),
          logger.factory,
          mockServices.rootConfig.factory({
            data: {
              finopsItam: {
                policies: {
                  ...policies,
                  allowedRegions: ['eu-west-1', 'mars-1'],
                },
              },
            },
          }),
        ],
      });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^finopsItam\.policies\.allowedRegions\[1\]: "mars-1" is no region of a known provider/,
        ),
      );
      const response = await request(server)
        .get(`${API}/governance/compliance?from=2026-11-01&to=2026-12-01`)
        .set('Authorization', mockCredentials.user.header());
      expect(response.body.policies.allowedRegions).toEqual([
        'eu-west-1',
        'mars-1',
      ]);
    },
  );

  it('stops, naming the key, on a malformed policy', async () => {
    const knex = await databases.init('SQLITE_3');
    await expect(
      startTestBackend({
        features: [
          finopsItamPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({
            data: {
              finopsItam: {
                policies: { requiredTagsByProvider: { AWS: 'cost-center' } },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      /finopsItam\.policies\.requiredTagsByProvider\.AWS: Expected array/,
    );
  });
});
