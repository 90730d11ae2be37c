import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { allocateFactsByHand } from '../allocation/__testUtils__/facts';
import { insertSellerFacts } from '../marketplace/__testUtils__/sellerFacts';
import { finopsItamPlugin } from '../plugin';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const lumenwatch = {
  publisherName: 'Lumenwatch',
  invoiceIssuerName: 'Amazon Web Services',
  providerName: 'Lumenwatch',
};

async function start(knex: Knex, options: { deny?: boolean } = {}) {
  const { server } = await startTestBackend({
    features: [
      finopsItamPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({
        data: {
          finopsItam: {
            marketplace: { countsTowardCommitment: { Azure: false } },
            policies: {
              marketplace: 'needs-approval',
              approvedMarketplacePublishers: ['Lumenwatch'],
            },
          },
        },
      }),
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
  await insertSellerFacts(knex, [
    // The prepaid credit: cash on purchase, amortized onto the usage it covers.
    {
      ...lumenwatch,
      day: '2026-11-01',
      chargeCategory: 'Purchase',
      resourceId: 'agreement-1/prepaid',
      effectiveCost: '0',
      billedCost: '2550',
    },
    ...['2026-11-01', '2026-11-02'].map(day => ({
      ...lumenwatch,
      day,
      resourceId: 'agreement-1',
      commitmentDiscountStatus: 'Used',
      effectiveCost: '85.0000000000000001',
      billedCost: '0',
    })),
    // Seats, recognised as a license product by the product tag; owned by nobody.
    {
      ...lumenwatch,
      day: '2026-11-01',
      chargeCategory: 'Purchase',
      resourceId: 'agreement-1',
      tags: { 'license-product': 'lumenwatch-seats' },
      effectiveCost: '1560',
    },
    // A seller through Azure, which does not count it toward its commitment; in EUR.
    {
      publisherName: 'Contoso Analytics',
      invoiceIssuerName: 'Microsoft',
      providerName: 'Microsoft',
      day: '2026-11-15',
      resourceId: 'contoso-1',
      currency: 'EUR',
      effectiveCost: '40.5',
    },
    // Not marketplace: AWS selling its own service under two spellings; outside the period.
    {
      publisherName: 'AWS',
      invoiceIssuerName: 'Amazon Web Services',
      day: '2026-11-01',
      effectiveCost: '1000',
    },
    { ...lumenwatch, day: '2026-12-01', effectiveCost: '77' },
  ]);
  await allocateFactsByHand(
    knex,
    { day: '2026-11-01', resource_id: 'agreement-1', charge_category: 'Usage' },
    { entityRef: 'group:default/team-platform' },
  );
  return server;
}

describe('GET /marketplace', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'sums marketplace spend per seller, amortized and cash apart, currencies apart, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await start(knex);
      const response = await request(server)
        .get('/api/finops-itam/marketplace?from=2026-11-01&to=2026-12-01')
        .set('Authorization', mockCredentials.user.header());
      expect(response.status).toBe(200);
      // Lumenwatch amortized: 0 + 85.0000000000000001 × 2 + 1560; cash: 2550 + 0 + 0 + 1560.
      // Only the usage of 2026-11-01 was allocated (by hand) to team-platform.
      expect(response.body).toEqual({
        from: '2026-11-01',
        to: '2026-12-01',
        items: [
          {
            publisherName: 'Lumenwatch',
            invoiceIssuerName: 'Amazon Web Services',
            providerName: 'AWS',
            productIds: ['lumenwatch-seats'],
            countsTowardCommitment: true,
            policy: 'approved-publisher',
            cost: [{ currency: 'USD', amount: '1730.0000000000000002' }],
            billedCost: [{ currency: 'USD', amount: '4110' }],
            resources: 2,
            owners: [
              { ownerRef: null, cost: '1645.0000000000000001' },
              {
                ownerRef: 'group:default/team-platform',
                cost: '85.0000000000000001',
              },
            ],
          },
          {
            publisherName: 'Contoso Analytics',
            invoiceIssuerName: 'Microsoft',
            providerName: 'Azure',
            productIds: [],
            countsTowardCommitment: false,
            policy: 'needs-approval',
            cost: [{ currency: 'EUR', amount: '40.5' }],
            billedCost: [{ currency: 'EUR', amount: '40.5' }],
            resources: 1,
            owners: [{ ownerRef: null, cost: '40.5' }],
          },
        ],
        totals: [
          { currency: 'USD', amount: '1730.0000000000000002' },
          { currency: 'EUR', amount: '40.5' },
        ],
        countingTowardCommitment: [
          { currency: 'USD', amount: '1730.0000000000000002' },
          { currency: 'EUR', amount: '0' },
        ],
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses users without finops-itam.read, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await start(knex, { deny: true });
      const response = await request(server)
        .get('/api/finops-itam/marketplace?from=2026-11-01&to=2026-12-01')
        .set('Authorization', mockCredentials.user.header());
      expect(response.status).toBe(403);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'answers 400 for a period that ends before it starts or a date that does not exist, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await start(knex);
      const reversed = await request(server)
        .get('/api/finops-itam/marketplace?from=2026-12-01&to=2026-11-01')
        .set('Authorization', mockCredentials.user.header());
      expect(reversed.status).toBe(400);
      expect(reversed.body.error.message).toContain(
        'from (2026-12-01) must be before to (2026-11-01)',
      );
      const impossible = await request(server)
        .get('/api/finops-itam/marketplace?from=2026-11-31')
        .set('Authorization', mockCredentials.user.header());
      expect(impossible.status).toBe(400);
      expect(impossible.body.error.message).toContain('from');
      await knex.destroy();
    },
  );
});
