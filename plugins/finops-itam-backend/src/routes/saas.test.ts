import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { insertSellerFacts } from '../marketplace/__testUtils__/sellerFacts';
import { finopsItamPlugin } from '../plugin';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const contracts = [
  {
    id: 'lumenwatch-ingest',
    title: 'Lumenwatch prepaid ingest',
    vendor: 'Lumenwatch',
    kind: 'prepaid',
    currency: 'USD',
    start: '2026-09-01',
    end: '2027-08-31',
    committed: 1000,
    ownerRef: 'team-platform',
    productId: 'lumenwatch-observability',
    match: { publisherName: 'lumenwatch', chargeCategory: 'Usage' },
  },
  {
    id: 'lumenwatch-seats',
    title: 'Lumenwatch seats',
    vendor: 'Lumenwatch',
    kind: 'consumption',
    currency: 'USD',
    start: '2026-10-01',
    end: '2027-09-30',
    contractedMonthlyRunRate: '1500',
    match: { productTag: 'lumen-seats', chargeCategory: 'Purchase' },
  },
  {
    id: 'next-year',
    title: 'Next year',
    vendor: 'Acme SaaS',
    kind: 'prepaid',
    currency: 'EUR',
    start: '2027-01-01',
    end: '2027-12-31',
    committed: '500.5',
    match: { serviceName: 'Acme SaaS' },
  },
];

const seller = {
  publisherName: 'Lumenwatch',
  invoiceIssuerName: 'Amazon Web Services',
};

async function start(knex: Knex, options: { deny?: boolean } = {}) {
  const { server } = await startTestBackend({
    features: [
      finopsItamPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({
        data: { finopsItam: { saas: { contracts } } },
      }),
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
  await insertSellerFacts(knex, [
    // Ingest usage: before the start, used, unused credit, other currency, on asOf.
    { ...seller, day: '2026-08-31', effectiveCost: '50' },
    {
      ...seller,
      day: '2026-09-10',
      effectiveCost: '100',
      commitmentDiscountStatus: 'Used',
    },
    {
      ...seller,
      day: '2026-09-20',
      effectiveCost: '30',
      commitmentDiscountStatus: 'Unused',
    },
    { ...seller, day: '2026-10-05', effectiveCost: '200.5' },
    { ...seller, day: '2026-11-15', effectiveCost: '150.25' },
    { ...seller, day: '2026-11-20', effectiveCost: '10', currency: 'EUR' },
    { ...seller, day: '2026-12-01', effectiveCost: '40' },
    { ...seller, day: '2026-12-02', effectiveCost: '999' },
    {
      ...seller,
      publisherName: 'Other',
      day: '2026-10-01',
      effectiveCost: '500',
    },
    // The prepaid purchase itself, and the seat fees (a similar tag must not match).
    {
      ...seller,
      day: '2026-09-01',
      chargeCategory: 'Purchase',
      effectiveCost: '0',
      billedCost: '1000',
    },
    ...['2026-10-01', '2026-11-01'].map(day => ({
      ...seller,
      day,
      chargeCategory: 'Purchase',
      tags: { 'license-product': 'Lumen-Seats' },
      effectiveCost: '1560',
    })),
    {
      ...seller,
      day: '2026-11-01',
      chargeCategory: 'Purchase',
      tags: { 'license-product': 'lumen-seats-extra' },
      effectiveCost: '99',
    },
  ]);
  return server;
}

describe('GET /saas/contracts', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'draws prepaid contracts down by the cost rows they match and compares consumption with the contracted rate, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await start(knex);
      const response = await request(server)
        .get('/api/finops-itam/saas/contracts?asOf=2026-12-02')
        .set('Authorization', mockCredentials.user.header());
      expect(response.status).toBe(200);
      expect(response.body.asOf).toBe('2026-12-02');
      const [ingest, seats, nextYear] = response.body.items;

      // 100 + 200.5 + 150.25 + 40 = 490.75 drawn, 509.25 left. Sep–Nov: 450.75 over 91
      // days; 509.25 / (450.75 / 91) = 102.8 → the 103rd day from 2026-12-02 is 2027-03-14.
      expect(ingest).toEqual({
        id: 'lumenwatch-ingest',
        title: 'Lumenwatch prepaid ingest',
        vendor: 'Lumenwatch',
        kind: 'prepaid',
        currency: 'USD',
        start: '2026-09-01',
        end: '2027-08-31',
        ownerRef: 'group:default/team-platform',
        productId: 'lumenwatch-observability',
        committed: '1000',
        contractedMonthlyRunRate: null,
        consumedToDate: '490.75',
        remaining: '509.25',
        recentMonthlyRunRate: '150.25',
        projectedExhaustion: '2027-03-14',
        status: 'warning',
        message:
          'At 150.25 USD a month (the last 3 full months) the 509.25 USD left run out on 2027-03-14, before the contract ends on 2027-08-31. Matching cost in other currencies is not drawn down: 10 EUR.',
        months: [
          { month: '2026-09', consumed: '100', remaining: '900' },
          { month: '2026-10', consumed: '200.5', remaining: '699.5' },
          { month: '2026-11', consumed: '150.25', remaining: '549.25' },
          { month: '2026-12', consumed: '40', remaining: '509.25' },
        ],
        source:
          'amortized cost of cost rows with publisher "lumenwatch", charge category "Usage" (unused commitment left out)',
      });

      // (1560 − 1500) / 1500 = 4 % above the contracted rate.
      expect(seats).toMatchObject({
        id: 'lumenwatch-seats',
        committed: null,
        contractedMonthlyRunRate: '1500',
        consumedToDate: '3120',
        remaining: null,
        recentMonthlyRunRate: '1560',
        status: 'warning',
        message:
          'Consumption of 1560.00 USD a month (the last 2 full months) exceeds the contracted 1500.00 USD a month by 4.0 %.',
        months: [
          { month: '2026-10', consumed: '1560', remaining: null },
          { month: '2026-11', consumed: '1560', remaining: null },
          { month: '2026-12', consumed: '0', remaining: null },
        ],
      });

      expect(nextYear).toMatchObject({
        id: 'next-year',
        committed: '500.5',
        remaining: '500.5',
        status: 'not-started',
        months: [],
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
        .get('/api/finops-itam/saas/contracts?asOf=2026-12-02')
        .set('Authorization', mockCredentials.user.header());
      expect(response.status).toBe(403);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'answers 400 naming asOf when it is no date, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await start(knex);
      const response = await request(server)
        .get('/api/finops-itam/saas/contracts?asOf=2026-13-01')
        .set('Authorization', mockCredentials.user.header());
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('asOf');
      await knex.destroy();
    },
  );
});
