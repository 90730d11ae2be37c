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
import { migrationConfig } from '../database/migrations';
import { DatabaseKpiStore } from '../kpis/DatabaseKpiStore';
import { KpiService } from '../kpis/KpiService';
import { owningGroups } from '../kpis/owningGroups';
import { KpiTestFact, insertKpiFacts } from '../kpis/__testUtils__/kpiFacts';
import { contractProblems } from '../schema/__testUtils__/contractProblems';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createRequirePermission } from '../permissions';
import { createCommitmentRoutes } from './commitments';

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

const CHECKOUT = 'component:default/checkout';
const SEARCH = 'component:default/search';
const reservation = {
  commitmentDiscountId: 'ri-1',
  commitmentDiscountCategory: 'Usage',
  commitmentDiscountType: 'Reserved Instance',
  commitmentDiscountUnit: 'Hours',
  pricingCategory: 'Committed',
  billedCost: '0',
};
const savingsPlan = {
  commitmentDiscountId: 'sp-1',
  commitmentDiscountCategory: 'Spend',
  commitmentDiscountType: 'Savings Plan',
  commitmentDiscountUnit: 'USD',
  commitmentDiscountStatus: 'Used',
  pricingCategory: 'Committed',
  billedCost: '0',
};

const facts: KpiTestFact[] = [
  // ri-1: 6 h used by checkout, 2 h unused that went to the platform group, and its purchase.
  {
    day: '2026-11-02',
    ...reservation,
    commitmentDiscountStatus: 'Used',
    commitmentDiscountQuantity: '6',
    effectiveCost: '60',
    ownerRef: CHECKOUT,
  },
  {
    day: '2026-11-03',
    ...reservation,
    commitmentDiscountStatus: 'Unused',
    commitmentDiscountQuantity: '2',
    effectiveCost: '20',
    ownerRef: 'group:default/platform',
  },
  {
    day: '2026-11-01',
    ...reservation,
    chargeCategory: 'Purchase',
    commitmentDiscountQuantity: '8',
    effectiveCost: '0',
    billedCost: '80',
  },
  {
    day: '2026-12-01',
    ...reservation,
    commitmentDiscountStatus: 'Used',
    commitmentDiscountQuantity: '1',
    effectiveCost: '10',
    ownerRef: CHECKOUT,
  },
  // sp-1: 4.5 USD of commitment used by search; checkout's share has an unreadable quantity.
  {
    day: '2026-11-04',
    ...savingsPlan,
    commitmentDiscountQuantity: '4.5',
    effectiveCost: '4.5',
    ownerRef: SEARCH,
  },
  {
    day: '2026-11-04',
    ...savingsPlan,
    commitmentDiscountQuantity: null,
    effectiveCost: '1.5',
    ownerRef: CHECKOUT,
  },
  // ri-1 of another provider, billed in EUR: never summed with the USD one.
  {
    day: '2026-11-05',
    ...reservation,
    currency: 'EUR',
    providerName: 'Microsoft',
    billingAccountId: 'acct-2',
    commitmentDiscountId: 'ri-2',
    commitmentDiscountStatus: 'Used',
    commitmentDiscountQuantity: '3',
    effectiveCost: '9',
    ownerRef: SEARCH,
  },
  // Not a commitment.
  { day: '2026-11-05', effectiveCost: '100', ownerRef: SEARCH },
];

function app(knex: Knex, options: { deny?: boolean } = {}) {
  const router = createCommitmentRoutes({
    kpis: new KpiService({
      store: new DatabaseKpiStore(knex),
      owningGroups: owningGroups(
        catalogServiceMock({ entities: [] }),
        mockServices.auth(),
      ),
      eligibleServiceCategories: ['Compute'],
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

const get = (knex: Knex, query: string, deny = false) =>
  checked(
    request(app(knex, { deny }))
      .get(`/commitments${query}`)
      .set('Authorization', mockCredentials.user.header()),
  );

describe('GET /commitments', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'sums each commitment per currency: used and unused cost and quantity, whom it covered, where the unused went, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertKpiFacts(knex, facts);

      const response = await get(knex, '?from=2026-11-01&to=2026-12-01');

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        from: '2026-11-01',
        to: '2026-12-01',
        items: [
          {
            commitmentDiscountId: 'ri-1',
            currency: 'USD',
            providerName: 'AWS',
            type: 'Reserved Instance',
            category: 'Usage',
            usedCost: '60',
            unusedCost: '20',
            usedQuantity: '6',
            unusedQuantity: '2',
            // 6 h of 8 h; the purchase's 8 h are not usage.
            utilization: {
              value: '0.75',
              numerator: '6',
              denominator: '8',
              notCovered: '0',
              unit: 'Hours',
            },
            coveredOwners: [{ ownerRef: CHECKOUT, cost: '60' }],
            unusedCostOwners: [
              { ownerRef: 'group:default/platform', cost: '20' },
            ],
          },
          {
            commitmentDiscountId: 'ri-2',
            currency: 'EUR',
            providerName: 'Microsoft',
            type: 'Reserved Instance',
            category: 'Usage',
            usedCost: '9',
            unusedCost: '0',
            usedQuantity: '3',
            unusedQuantity: '0',
            utilization: {
              value: '1',
              numerator: '3',
              denominator: '3',
              notCovered: '0',
              unit: 'Hours',
            },
            coveredOwners: [{ ownerRef: SEARCH, cost: '9' }],
            unusedCostOwners: [],
          },
          {
            commitmentDiscountId: 'sp-1',
            currency: 'USD',
            providerName: 'AWS',
            type: 'Savings Plan',
            category: 'Spend',
            usedCost: '6',
            unusedCost: '0',
            usedQuantity: '4.5',
            unusedQuantity: '0',
            // The row without a quantity is left out of the figure and said so.
            utilization: {
              value: '1',
              numerator: '4.5',
              denominator: '4.5',
              notCovered: '1.5',
              unit: 'USD',
            },
            coveredOwners: [
              { ownerRef: SEARCH, cost: '4.5' },
              { ownerRef: CHECKOUT, cost: '1.5' },
            ],
            unusedCostOwners: [],
          },
        ],
      });
    },
  );

  it('refuses a bad period naming it, and users without finops-itam.read', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest(migrationConfig);

    const bad = await get(knex, '?from=2026-11-31');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/from is not a valid date/);
    expect((await get(knex, '', true)).status).toBe(403);
  });
});
