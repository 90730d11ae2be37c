import { insertLicenseShares } from '../licenses/__testUtils__/licenseShares';
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
import { ChargebackReport } from '../allocation/ChargebackReport';
import { DatabaseCostReportStore } from '../database/DatabaseCostReportStore';
import {
  allocateFactsByHand,
  insertFacts,
  testEntity,
} from '../allocation/__testUtils__/facts';
import { migrationConfig } from '../database/migrations';
import { Money, sumAmounts } from '../money';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createChargebackRoutes } from './chargeback';
import { createRequirePermission } from '../permissions';

jest.setTimeout(60_000);

const CC = 'finops-itam.io/cost-center';
const entities = [
  testEntity('Group', 'org', { annotations: { [CC]: 'CC-ORG' } }),
  // Nested under org but with its own cost center: charged to CC-A only, never twice.
  testEntity('Group', 'team-a', {
    annotations: { [CC]: 'CC-A' },
    spec: { parent: 'org' },
  }),
  testEntity('Group', 'team-b', { spec: { parent: 'org' } }),
  testEntity('Group', 'team-c'),
  testEntity('Group', 'team-d', { annotations: { [CC]: '=SUM(A1)' } }),
  testEntity('Group', 'team-e', { annotations: { [CC]: 'Sales, "EU"' } }),
  testEntity('Group', 'team-f', { annotations: { [CC]: '+1' } }),
  testEntity('System', 'shop', { spec: { owner: 'org' } }),
  testEntity('Component', 'checkout', {
    spec: { owner: 'team-a', system: 'shop' },
  }),
  testEntity('Component', 'search', {
    spec: { owner: 'team-b', system: 'shop' },
  }),
  testEntity('Component', 'legacy', { spec: { owner: 'team-c' } }),
  testEntity('Component', 'orphan'),
  testEntity('Component', 'refund', { spec: { owner: 'team-f' } }),
];

/** Facts of November 2026 and around it, each allocated by its resource name. */
const facts: Array<{
  ref: string | null;
  amount: string;
  day?: string;
  currency?: string;
  billed?: string;
}> = [
  { ref: 'component:default/checkout', amount: '10.1' },
  { ref: 'component:default/checkout', amount: '0.0000000000000001' },
  { ref: 'group:default/team-a', amount: '-1.5' },
  { ref: 'component:default/search', amount: '5' },
  { ref: 'system:default/shop', amount: '2' },
  { ref: 'component:default/legacy', amount: '3' },
  { ref: 'component:default/orphan', amount: '1.25' },
  { ref: 'component:default/ghost', amount: '0.5' },
  { ref: 'component:default/refund', amount: '-12.5' },
  { ref: null, amount: '100' },
  { ref: 'component:default/checkout', amount: '1000', day: '2026-12-01' },
  { ref: 'component:default/checkout', amount: '1000', day: '2026-10-31' },
  { ref: 'component:default/checkout', amount: '3', currency: 'EUR' },
  // The billed amount differs: chargeback is amortized.
  { ref: 'component:default/search', amount: '0', billed: '77' },
];

async function setUp(knex: Knex) {
  await knex.migrate.latest(migrationConfig);
  await insertFacts(
    knex,
    facts.map((f, i) => ({
      day: f.day ?? `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
      resourceName: `r-${i}`,
      currency: f.currency,
      effectiveCost: f.amount,
      billedCost: f.billed ?? f.amount,
    })),
  );
  for (const [i, f] of facts.entries()) {
    await allocateFactsByHand(
      knex,
      { resource_name: `r-${i}` },
      { entityRef: f.ref },
    );
  }
  const shared = (
    day: string,
    basis: string,
    target: string,
    amount: string,
  ) => ({
    pool_id: 'support',
    day,
    currency: 'USD',
    basis,
    target_ref: target,
    amount,
  });
  await knex('finops_itam_shared_allocations').insert([
    shared(
      '2026-11-05',
      'amortized',
      'component:default/checkout',
      '0.3333333333333333',
    ),
    shared(
      '2026-11-05',
      'amortized',
      'component:default/search',
      '0.3333333333333334',
    ),
    shared(
      '2026-11-05',
      'amortized',
      'component:default/legacy',
      '0.3333333333333333',
    ),
    shared('2026-11-05', 'billed', 'component:default/checkout', '99'),
    shared('2026-10-05', 'amortized', 'component:default/checkout', '99'),
  ]);
}

function app(
  knex: Knex,
  options: {
    deny?: boolean;
    poolModes?: Map<string, 'showback' | 'chargeback'>;
  } = {},
) {
  const router = createChargebackRoutes({
    chargebackReport: new ChargebackReport({
      store: new DatabaseCostReportStore(knex),
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      poolModes: options.poolModes,
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

describe('GET /chargeback', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'charges license cost shares and shelfware to the cost centers, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await setUp(knex);
      await insertLicenseShares(knex, [
        {
          entityRef: 'component:default/checkout',
          day: '2026-11-03',
          amount: '1.5',
        },
        {
          entityRef: 'group:default/org',
          day: '2026-11-04',
          amount: '0.25',
          shelfware: true,
        },
        {
          entityRef: 'component:default/checkout',
          day: '2026-10-31',
          amount: '99',
        },
      ]);

      const response = await request(app(knex))
        .get('/chargeback?month=2026-11')
        .set('Authorization', mockCredentials.user.header());

      const line = (costCenter: string) =>
        response.body.lines.find(
          (l: { costCenter: string }) => l.costCenter === costCenter,
        );
      expect(line('CC-A')).toMatchObject({
        licenses: '1.5',
        total: '10.4333333333333334',
      });
      expect(line('CC-ORG')).toMatchObject({
        licenses: '0.25',
        total: '7.5833333333333334',
      });
      expect(line('UNASSIGNED')).toMatchObject({ licenses: '0' });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'charges each entity to its nearest cost center, exactly, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await setUp(knex);
      const response = await request(app(knex))
        .get('/chargeback?month=2026-11')
        .set('Authorization', mockCredentials.user.header());

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        month: '2026-11',
        currency: 'USD',
        lines: [
          {
            costCenter: '+1',
            groups: ['group:default/team-f'],
            direct: '-12.5',
            shared: '0',
            licenses: '0',
            total: '-12.5',
            showbackShared: '0',
          },
          {
            costCenter: '=SUM(A1)',
            groups: ['group:default/team-d'],
            direct: '0',
            shared: '0',
            licenses: '0',
            total: '0',
            showbackShared: '0',
          },
          {
            costCenter: 'CC-A',
            groups: ['group:default/team-a'],
            direct: '8.6000000000000001',
            shared: '0.3333333333333333',
            licenses: '0',
            total: '8.9333333333333334',
            showbackShared: '0',
          },
          {
            costCenter: 'CC-ORG',
            groups: ['group:default/org'],
            direct: '7',
            shared: '0.3333333333333334',
            licenses: '0',
            total: '7.3333333333333334',
            showbackShared: '0',
          },
          {
            costCenter: 'Sales, "EU"',
            groups: ['group:default/team-e'],
            direct: '0',
            shared: '0',
            licenses: '0',
            total: '0',
            showbackShared: '0',
          },
          // team-c has no cost center; orphan has no owner; ghost is no longer in the catalog.
          {
            costCenter: 'UNASSIGNED',
            groups: ['group:default/team-c'],
            direct: '4.75',
            shared: '0.3333333333333333',
            licenses: '0',
            total: '5.0833333333333333',
            showbackShared: '0',
          },
        ],
        otherCurrencies: [{ currency: 'EUR', total: '3' }],
        // The EUR fact of checkout is kept on a line of its own, never added to the USD ones.
        otherCurrencyLines: [
          {
            costCenter: 'CC-A',
            groups: ['group:default/team-a'],
            currency: 'EUR',
            direct: '3',
            shared: '0',
            licenses: '0',
            total: '3',
            showbackShared: '0',
          },
        ],
      });

      // The lines add up to all cost allocated in the month, direct plus shared, exactly.
      const allocatedDirect = sumAmounts(
        facts
          .filter(f => f.ref !== null && !f.day && !f.currency)
          .map(f => f.amount),
      );
      const allocatedShared = sumAmounts([
        '0.3333333333333333',
        '0.3333333333333334',
        '0.3333333333333333',
      ]);
      const sumOfLines = sumAmounts(
        response.body.lines.map((l: { total: string }) => l.total),
      );
      expect(sumOfLines).toBe(
        new Money(allocatedDirect).plus(allocatedShared).toFixed(),
      );
      expect(sumOfLines).toBe('8.8500000000000001');
      expect(
        sumAmounts(
          response.body.lines.map((l: { direct: string }) => l.direct),
        ),
      ).toBe(allocatedDirect);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'charges only chargeback pools and shows showback pools beside them, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await setUp(knex);
      const get = (mode: 'showback' | 'chargeback') =>
        request(app(knex, { poolModes: new Map([['support', mode]]) }))
          .get('/chargeback?month=2026-11')
          .set('Authorization', mockCredentials.user.header());
      const showback = await get('showback');
      const line = (body: any, costCenter: string) =>
        body.lines.find(
          (l: { costCenter: string }) => l.costCenter === costCenter,
        );
      expect(line(showback.body, 'CC-A')).toEqual({
        costCenter: 'CC-A',
        groups: ['group:default/team-a'],
        direct: '8.6000000000000001',
        shared: '0',
        licenses: '0',
        total: '8.6000000000000001',
        showbackShared: '0.3333333333333333',
      });
      // Charged totals are the direct cost alone; the showback parts still add up to the pool.
      expect(
        sumAmounts(showback.body.lines.map((l: { total: string }) => l.total)),
      ).toBe('7.8500000000000001');
      expect(
        sumAmounts(
          showback.body.lines.map(
            (l: { showbackShared: string }) => l.showbackShared,
          ),
        ),
      ).toBe('1');

      const chargeback = await get('chargeback');
      expect(line(chargeback.body, 'CC-A')).toMatchObject({
        shared: '0.3333333333333333',
        total: '8.9333333333333334',
        showbackShared: '0',
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'answers CSV with neutralised text cells and plain amounts, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await setUp(knex);
      const response = await request(app(knex))
        .get('/chargeback?month=2026-11&format=csv')
        .set('Authorization', mockCredentials.user.header());

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="chargeback-2026-11.csv"',
      );
      expect(response.text).toBe(
        [
          'cost_center,groups,currency,direct,shared,licenses,total,showback_shared',
          "'+1,group:default/team-f,USD,-12.5,0,0,-12.5,0",
          "'=SUM(A1),group:default/team-d,USD,0,0,0,0,0",
          'CC-A,group:default/team-a,USD,8.6000000000000001,0.3333333333333333,0,8.9333333333333334,0',
          'CC-A,group:default/team-a,EUR,3,0,0,3,0',
          'CC-ORG,group:default/org,USD,7,0.3333333333333334,0,7.3333333333333334,0',
          '"Sales, ""EU""",group:default/team-e,USD,0,0,0,0,0',
          'UNASSIGNED,group:default/team-c,USD,4.75,0.3333333333333333,0,5.0833333333333333,0',
          '',
        ].join('\r\n'),
      );
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps USD cloud cost and EUR license cost on lines of their own, in JSON and CSV, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await setUp(knex);
      await insertLicenseShares(knex, [
        {
          entityRef: 'component:default/checkout',
          day: '2026-11-03',
          amount: '2',
          currency: 'EUR',
        },
        {
          entityRef: 'component:default/legacy',
          day: '2026-11-03',
          amount: '0.5',
          currency: 'EUR',
        },
        {
          entityRef: 'group:default/org',
          day: '2026-11-04',
          amount: '0.25',
          currency: 'EUR',
          shelfware: true,
        },
        {
          entityRef: 'component:default/checkout',
          day: '2026-11-03',
          amount: '1.5',
        },
      ]);

      const json = await request(app(knex))
        .get('/chargeback?month=2026-11')
        .set('Authorization', mockCredentials.user.header());
      expect(json.status).toBe(200);
      // USD has the most cost (10.35 against 5.75), so it keeps the main lines.
      expect(json.body.currency).toBe('USD');
      expect(
        json.body.lines.find(
          (l: { costCenter: string }) => l.costCenter === 'CC-A',
        ),
      ).toMatchObject({
        direct: '8.6000000000000001',
        licenses: '1.5',
        total: '10.4333333333333334',
      });
      expect(json.body.otherCurrencies).toEqual([
        { currency: 'EUR', total: '5.75' },
      ]);
      expect(json.body.otherCurrencyLines).toEqual([
        {
          costCenter: 'CC-A',
          groups: ['group:default/team-a'],
          currency: 'EUR',
          direct: '3',
          shared: '0',
          licenses: '2',
          total: '5',
          showbackShared: '0',
        },
        {
          costCenter: 'CC-ORG',
          groups: ['group:default/org'],
          currency: 'EUR',
          direct: '0',
          shared: '0',
          licenses: '0.25',
          total: '0.25',
          showbackShared: '0',
        },
        {
          costCenter: 'UNASSIGNED',
          groups: ['group:default/team-c'],
          currency: 'EUR',
          direct: '0',
          shared: '0',
          licenses: '0.5',
          total: '0.5',
          showbackShared: '0',
        },
      ]);
      // Each currency's lines add up to that currency's total, on their own.
      expect(
        sumAmounts(
          json.body.otherCurrencyLines.map((l: { total: string }) => l.total),
        ),
      ).toBe('5.75');
      expect(
        sumAmounts(json.body.lines.map((l: { total: string }) => l.total)),
      ).toBe('10.3500000000000001');

      const csv = await request(app(knex))
        .get('/chargeback?month=2026-11&format=csv')
        .set('Authorization', mockCredentials.user.header());
      // One line per cost center and currency, the main currency first.
      expect(csv.text.split('\r\n')).toEqual([
        'cost_center,groups,currency,direct,shared,licenses,total,showback_shared',
        "'+1,group:default/team-f,USD,-12.5,0,0,-12.5,0",
        "'=SUM(A1),group:default/team-d,USD,0,0,0,0,0",
        'CC-A,group:default/team-a,USD,8.6000000000000001,0.3333333333333333,1.5,10.4333333333333334,0',
        'CC-A,group:default/team-a,EUR,3,0,2,5,0',
        'CC-ORG,group:default/org,USD,7,0.3333333333333334,0,7.3333333333333334,0',
        'CC-ORG,group:default/org,EUR,0,0,0.25,0.25,0',
        '"Sales, ""EU""",group:default/team-e,USD,0,0,0,0,0',
        'UNASSIGNED,group:default/team-c,USD,4.75,0.3333333333333333,0,5.0833333333333333,0',
        'UNASSIGNED,group:default/team-c,EUR,0,0,0.5,0.5,0',
        '',
      ]);
      await knex.destroy();
    },
  );

  it('answers an empty month with zero lines for every cost center', async () => {
    const knex = await databases.init('SQLITE_3');
    await setUp(knex);
    const response = await request(app(knex))
      .get('/chargeback?month=2027-02')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body.currency).toBeNull();
    expect(
      response.body.lines.map((l: { costCenter: string; total: string }) => [
        l.costCenter,
        l.total,
      ]),
    ).toEqual([
      ['+1', '0'],
      ['=SUM(A1)', '0'],
      ['CC-A', '0'],
      ['CC-ORG', '0'],
      ['Sales, "EU"', '0'],
      ['UNASSIGNED', '0'],
    ]);
    await knex.destroy();
  });

  it.each([
    ['', /month is required/],
    ['?month=2026-13', /month must be a month like 2026-11/],
    ['?month=2026-1', /month must be a month like 2026-11/],
    ['?month=2026-11-01', /month must be a month like 2026-11/],
    ['?month=2026-11&format=xlsx', /format/],
  ])('answers 400 for %p', async (query, message) => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest(migrationConfig);
    const response = await request(app(knex))
      .get(`/chargeback${query}`)
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    await knex.destroy();
  });

  it('needs the read permission', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest(migrationConfig);
    const response = await request(app(knex, { deny: true }))
      .get('/chargeback?month=2026-11')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/finops-itam.read/);
    await knex.destroy();
  });
});
