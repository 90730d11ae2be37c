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
import { testEntity } from '../allocation/__testUtils__/facts';
import { migrationConfig } from '../database/migrations';
import { DatabaseKpiStore } from '../kpis/DatabaseKpiStore';
import { KpiService } from '../kpis/KpiService';
import { owningGroups } from '../kpis/owningGroups';
import {
  KpiTestFact,
  bumpVersion,
  insertKpiFacts,
} from '../kpis/__testUtils__/kpiFacts';
import { contractProblems } from '../schema/__testUtils__/contractProblems';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createRequirePermission } from '../permissions';
import { createKpiRoutes } from './kpis';

jest.setTimeout(60_000);

/** Every answer, errors included, is checked against openapi.yaml. */
async function checked(answer: request.Test) {
  const response = await answer;
  expect(
    contractProblems('GET', response.request.url, {
      status: response.status,
      headers: response.headers,
      body: response.body,
    }),
  ).toEqual([]);
  return response;
}

const entities = [
  testEntity('Group', 'team-a'),
  testEntity('Group', 'team-b'),
  testEntity('Group', 'platform'),
  testEntity('Component', 'checkout', { spec: { owner: 'team-a' } }),
  testEntity('Component', 'search', { spec: { owner: 'group:team-b' } }),
];

const CHECKOUT = 'component:default/checkout';
const SEARCH = 'component:default/search';
const ri = {
  commitmentDiscountId: 'ri-1',
  commitmentDiscountCategory: 'Usage',
  commitmentDiscountType: 'Reserved Instance',
  commitmentDiscountUnit: 'Hours',
  pricingCategory: 'Committed',
};

/**
 * A month of AWS cost in USD and one Azure charge in EUR. Effective / list / contracted:
 * on-demand compute 30/40/40, reserved compute 60/100/100 (6 h), the reservation's unused
 * 2 h 20/0/0, its purchase (0 effective, excluded), storage 10/10/unknown, unallocated
 * databases 5/5/5 in October, and compute 7/7/7 whose FOCUS 1.4 eligibility is empty.
 */
const facts: KpiTestFact[] = [
  {
    day: '2026-11-02',
    effectiveCost: '30',
    listCost: '40',
    contractedCost: '40',
    ownerRef: CHECKOUT,
  },
  {
    day: '2026-11-02',
    ...ri,
    commitmentDiscountStatus: 'Used',
    commitmentDiscountQuantity: '6',
    effectiveCost: '60',
    listCost: '100',
    contractedCost: '100',
    billedCost: '0',
    ownerRef: CHECKOUT,
  },
  {
    day: '2026-11-03',
    ...ri,
    commitmentDiscountStatus: 'Unused',
    commitmentDiscountQuantity: '2',
    effectiveCost: '20',
    listCost: '0',
    contractedCost: '0',
    billedCost: '0',
    ownerRef: 'group:default/platform',
  },
  {
    day: '2026-11-01',
    ...ri,
    chargeCategory: 'Purchase',
    commitmentDiscountQuantity: '8',
    effectiveCost: '0',
    billedCost: '80',
    listCost: '80',
    contractedCost: '80',
  },
  {
    day: '2026-11-04',
    serviceCategory: 'Storage',
    effectiveCost: '10',
    contractedCost: null,
    ownerRef: SEARCH,
  },
  { day: '2026-10-20', serviceCategory: 'Databases', effectiveCost: '5' },
  {
    day: '2026-11-05',
    effectiveCost: '7',
    commitmentProgramEligibilityDetails: '',
    ownerRef: CHECKOUT,
  },
  {
    day: '2026-11-05',
    currency: 'EUR',
    providerName: 'Microsoft',
    billingAccountId: 'acct-2',
    effectiveCost: '50',
    ownerRef: SEARCH,
  },
  // A hair of on-demand compute on another day: summed exactly with the first row.
  {
    day: '2026-10-16',
    effectiveCost: '0.0000000000000001',
    ownerRef: CHECKOUT,
  },
  // Outside [2026-10-15, 2026-12-01).
  { day: '2026-10-14', effectiveCost: '888', ownerRef: CHECKOUT },
  { day: '2026-12-01', effectiveCost: '999', ownerRef: CHECKOUT },
];

function app(knex: Knex, options: { deny?: boolean } = {}) {
  const store = new DatabaseKpiStore(knex);
  const kpis = new KpiService({
    store,
    owningGroups: owningGroups(
      catalogServiceMock({ entities }),
      mockServices.auth(),
    ),
    eligibleServiceCategories: ['Compute', 'Databases'],
  });
  const router = createKpiRoutes({
    kpis,
    requirePermission: createRequirePermission({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions({
        result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      }),
    }),
  });
  return { app: express().use(router).use(mockErrorHandler()), kpis };
}

const kpi = (
  value: string | null,
  numerator: string,
  denominator: string,
  notCovered = '0',
) => ({ value, numerator, denominator, notCovered });

describe('GET /kpis', () => {
  const databases = createTestDatabases();

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrationConfig);
    await insertKpiFacts(knex, facts);
    await bumpVersion(knex);
    const served = app(knex);
    const get = (query: string) =>
      checked(
        request(served.app)
          .get(`/kpis${query}`)
          .set('Authorization', mockCredentials.user.header()),
      );
    return { knex, get, kpis: served.kpis };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('answers every KPI per currency, the same from the facts and from the rollup', async () => {
      const { knex, get, kpis } = await setUp(databaseId);
      const query = '?from=2026-10-15&to=2026-12-01';

      const fromFacts = await get(query);
      expect(fromFacts.status).toBe(200);
      expect(fromFacts.body).toEqual({
        from: '2026-10-15',
        to: '2026-12-01',
        currency: 'USD',
        effectiveSavingsRate: {
          // Usage rows only (the purchase is out): list 162, effective 132.
          againstList: kpi('0.185185', '30', '162.0000000000000001'),
          // The storage row's contracted cost is unknown: its 10 are not covered.
          againstContracted: kpi(
            '0.197368',
            '30',
            '152.0000000000000001',
            '10',
          ),
        },
        // 6 h used of 8 h; the purchase's 8 h are not usage.
        commitmentUtilization: { ...kpi('0.75', '6', '8'), unit: 'Hours' },
        // Covered 60 / (60 + on-demand compute 30 + databases 5); storage is not eligible,
        // and the compute row whose 1.4 eligibility is empty is eligible for nothing.
        commitmentCoverage: {
          ...kpi('0.631579', '60', '95.0000000000000001'),
          eligibility: {
            decidedBy: [
              'CommitmentProgramEligibilityDetails',
              'serviceCategories',
            ],
            eligibleServiceCategories: ['Compute', 'Databases'],
          },
        },
        commitmentWaste: kpi('0.25', '20', '80'),
        // All but the unallocated databases (5) and purchase (0) of 132.
        allocationCoverage: kpi(
          '0.962121',
          '127.0000000000000001',
          '132.0000000000000001',
        ),
        otherCurrencies: [
          {
            currency: 'EUR',
            effectiveSavingsRate: {
              againstList: kpi('0', '0', '50'),
              againstContracted: kpi('0', '0', '50'),
            },
            commitmentUtilization: { ...kpi(null, '0', '0'), unit: null },
            commitmentCoverage: {
              ...kpi('0', '0', '50'),
              eligibility: {
                decidedBy: ['serviceCategories'],
                eligibleServiceCategories: ['Compute', 'Databases'],
              },
            },
            commitmentWaste: kpi(null, '0', '0'),
            allocationCoverage: kpi('1', '50', '50'),
          },
        ],
      });

      expect(await kpis.refreshRollup()).toMatchObject({ dataVersion: '1' });
      const fromRollup = await get(query);
      expect(fromRollup.body).toEqual(fromFacts.body);
      expect(await new DatabaseKpiStore(knex).rollupIsCurrent()).toBe(true);
      // Nothing changed since: no second build.
      expect(await kpis.refreshRollup()).toBeNull();

      // New cost data: the rollup is behind, so the facts answer, with the new charge. A
      // shared pool's cost is allocated (to the pool's targets), grouped under the pool.
      await insertKpiFacts(knex, [
        {
          day: '2026-11-06',
          serviceCategory: 'Other',
          effectiveCost: '3',
          poolId: 'support',
        },
      ]);
      await bumpVersion(knex);
      const afterChange = await get(`${query}&groupBy=team`);
      expect(afterChange.body.allocationCoverage).toEqual(
        kpi('0.962963', '130.0000000000000001', '135.0000000000000001'),
      );
      expect(afterChange.body.groups).toContainEqual(
        expect.objectContaining({
          key: 'shared-pool:support',
          allocationCoverage: kpi('1', '3', '3'),
        }),
      );
      await kpis.refreshRollup();
      expect((await get(`${query}&groupBy=team`)).body).toEqual(
        afterChange.body,
      );
    });

    it('groups by team: the owning group of each allocated entity, unallocated cost apart', async () => {
      const { get, kpis } = await setUp(databaseId);
      await kpis.refreshRollup();

      const response = await get('?from=2026-10-15&to=2026-12-01&groupBy=team');

      expect(response.status).toBe(200);
      const groups = response.body.groups.map((g: any) => ({
        key: g.key,
        againstList: g.effectiveSavingsRate.againstList,
        waste: g.commitmentWaste,
        allocation: g.allocationCoverage,
      }));
      expect(groups).toEqual([
        {
          // checkout's 30 + 60 + 7 + a hair, against list 40 + 100 + 7 + the hair.
          key: 'group:default/team-a',
          againstList: kpi('0.340136', '50', '147.0000000000000001'),
          waste: kpi('0', '0', '60'),
          allocation: kpi('1', '97.0000000000000001', '97.0000000000000001'),
        },
        {
          // The unused reservation went to the platform group: all waste.
          key: 'group:default/platform',
          // No list price on unused rows: nothing to divide by, the loss still shown.
          againstList: kpi(null, '-20', '0'),
          waste: kpi('1', '20', '20'),
          allocation: kpi('1', '20', '20'),
        },
        {
          key: 'group:default/team-b',
          againstList: kpi('0', '0', '10'),
          waste: kpi(null, '0', '0'),
          allocation: kpi('1', '10', '10'),
        },
        {
          // Unallocated: the databases in October and the purchase.
          key: null,
          againstList: kpi('0', '0', '5'),
          waste: kpi(null, '0', '0'),
          allocation: kpi('0', '0', '5'),
        },
      ]);
      expect(response.body.otherCurrencies[0].groups).toEqual([
        expect.objectContaining({ key: 'group:default/team-b' }),
      ]);
    });

    it('groups by provider and billing account', async () => {
      const { get } = await setUp(databaseId);

      const byProvider = await get(
        '?from=2026-10-15&to=2026-12-01&groupBy=provider',
      );
      const byAccount = await get(
        '?from=2026-10-15&to=2026-12-01&groupBy=billingAccount',
      );

      expect(byProvider.body.groups.map((g: any) => g.key)).toEqual(['AWS']);
      expect(
        byProvider.body.otherCurrencies[0].groups.map((g: any) => g.key),
      ).toEqual(['Microsoft']);
      expect(byAccount.body.groups.map((g: any) => g.key)).toEqual(['acct-1']);
      expect(
        byAccount.body.otherCurrencies[0].groups.map((g: any) => g.key),
      ).toEqual(['acct-2']);
    });

    it('answers an empty period with no currency and null KPIs', async () => {
      const { get } = await setUp(databaseId);

      const response = await get('?from=2025-01-01&to=2025-02-01');

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        currency: null,
        commitmentWaste: kpi(null, '0', '0'),
        allocationCoverage: kpi(null, '0', '0'),
        otherCurrencies: [],
      });
    });
  });

  it('refuses bad input naming it, and users without finops-itam.read', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest(migrationConfig);
    const get = (query: string, deny = false) =>
      checked(
        request(app(knex, { deny }).app)
          .get(`/kpis${query}`)
          .set('Authorization', mockCredentials.user.header()),
      );

    const badGroup = await get('?groupBy=owner');
    expect(badGroup.status).toBe(400);
    expect(badGroup.body.error.message).toMatch(/groupBy/);
    const backwards = await get('?from=2026-12-01&to=2026-11-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(
      /from \(2026-12-01\) must be before to/,
    );
    expect((await get('?from=2026-11-01&to=2026-12-01', true)).status).toBe(
      403,
    );
  });
});
