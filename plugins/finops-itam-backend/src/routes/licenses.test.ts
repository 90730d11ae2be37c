import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import { migrationConfig } from '../database/migrations';
import { Money, sumAmounts } from '../money';
import { DatabaseLicenseCostReader } from '../licenses/__testUtils__/licenseDailyCostReader';
import { LicenseService } from '../licenses/LicenseService';
import {
  byolTags,
  daysFrom,
  insertLicensedVms,
  licenseServiceFor,
  testEntity,
} from '../licenses/__testUtils__/licenseFixtures';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createLicenseRoutes } from './licenses';
import { createRequirePermission } from '../permissions';

jest.setTimeout(60_000);

const SQL = 'microsoft-sql-server-enterprise';
const WINDOWS = 'microsoft-windows-server-datacenter';
const ORACLE = 'oracle-database-enterprise';
const SEAT = 'saas-observability-seat';
const ITAM = 'group:default/team-itam';

const entities = [
  testEntity('Group', 'team-itam'),
  testEntity('Component', 'payments', {
    annotations: { 'finops-itam.io/licenses': `${SQL}=8` },
    spec: { lifecycle: 'production', owner: 'team-a', system: 'shop' },
  }),
  testEntity('Component', 'reporting', {
    spec: { lifecycle: 'production', system: 'system:default/shop' },
  }),
  testEntity('Component', 'legacy', { spec: { lifecycle: 'deprecated' } }),
  testEntity('Component', 'erp', {
    annotations: { 'finops-itam.io/licenses': 'oracle-database-standard-2=2' },
    spec: { lifecycle: 'production', system: 'erp-system' },
  }),
  testEntity('Component', 'search', { spec: { lifecycle: 'production' } }),
  // Licenses roll up: shop holds payments and reporting, commerce holds shop and erp-system.
  testEntity('Domain', 'commerce'),
  testEntity('System', 'shop', {
    spec: { domain: 'commerce', owner: 'team-a' },
  }),
  testEntity('System', 'erp-system', { spec: { domain: 'commerce' } }),
  testEntity('Resource', 'erp-db', { spec: { system: 'erp-system' } }),
  // Declares 40 seats, but the seat import is the measure: the declaration is not added.
  testEntity('Component', 'observability', {
    annotations: { 'finops-itam.io/licenses': `${SEAT}=40` },
    spec: { lifecycle: 'production' },
  }),
];

const lastWeek = daysFrom('2026-11-20', 7);

async function setUp(knex: Knex) {
  await knex.migrate.latest(migrationConfig);
  await insertLicensedVms(knex, [
    // The worked example: SQL Server Enterprise BYOL on 2, 6 and 7 vCPUs → 4 + 6 + 8 = 18.
    {
      name: 'sql-vm-2',
      entityRef: 'component:default/payments',
      days: lastWeek,
      tags: byolTags(SQL),
      details: { CoreCount: 2 },
    },
    {
      name: 'sql-vm-6',
      entityRef: 'component:default/payments',
      days: lastWeek,
      tags: byolTags(SQL),
      details: { CoreCount: 6 },
    },
    // Deployed only for the last three days: the requirement is rising.
    {
      name: 'sql-vm-7',
      entityRef: 'component:default/payments',
      days: lastWeek.slice(4),
      tags: byolTags(SQL),
      details: { CoreCount: 7 },
    },
    // Size unknown: listed, not counted.
    {
      name: 'sql-vm-odd',
      entityRef: 'component:default/payments',
      days: lastWeek,
      tags: byolTags(SQL),
      details: { InstanceType: 'zz.odd' },
    },
    // License-included SQL Server, recognised from the SKU alone.
    {
      name: 'sql-li-1',
      entityRef: 'component:default/reporting',
      days: lastWeek,
      skuId: 'ec2/us-east-1/m5.xlarge/Windows:SQL-Ent',
      details: { CoreCount: 4, x_LicenseModel: 'License Included' },
    },
    // Windows Server BYOL on shared AWS hosts: not allowed.
    {
      name: 'win-aws-1',
      entityRef: 'component:default/reporting',
      days: lastWeek,
      tags: byolTags(WINDOWS),
      details: { CoreCount: 4 },
    },
    // Windows Server BYOL on Azure: Azure Hybrid Benefit, but no entitlement with Software Assurance; its entity is gone.
    {
      name: 'win-az-1',
      entityRef: 'component:default/ghost',
      provider: 'Microsoft',
      days: lastWeek,
      tags: byolTags(WINDOWS),
      details: { CoreCount: 8 },
    },
    // Oracle EE on a deprecated component; 8 vCPUs from the instance-type table → 4 processors.
    {
      name: 'ora-1',
      entityRef: 'component:default/legacy',
      days: lastWeek,
      tags: byolTags(ORACLE),
      details: { InstanceType: 'm5.2xlarge' },
    },
    // RHEL on a VM last billed in October: a reharvest candidate.
    {
      name: 'rhel-old',
      entityRef: 'component:default/search',
      days: ['2026-10-01'],
      tags: byolTags('rhel'),
      details: { CoreCount: 2 },
    },
    // A product id nobody defined.
    {
      name: 'magic-1',
      entityRef: 'component:default/search',
      days: lastWeek,
      tags: byolTags('acme-magic'),
      details: { CoreCount: 2 },
    },
  ]);
}

const entitlements = [
  {
    id: 'ea-sql',
    productId: SQL,
    quantity: 16,
    cost: { amount: '43472', currency: 'USD', per: 'term' },
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    trueUpDate: '2026-12-15',
    softwareAssurance: true,
    owner: ITAM,
  },
  {
    id: 'ula-oracle',
    productId: ORACLE,
    quantity: 6,
    cost: { amount: '62700', currency: 'USD', per: 'term' },
    termStart: '2024-06-01',
    termEnd: '2027-05-31',
    owner: 'team-itam',
  },
  {
    id: 'saas-seats',
    productId: SEAT,
    quantity: 5,
    cost: { amount: '3000', currency: 'USD', per: 'term' },
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    owner: 'group:default/team-platform',
  },
];

function app(service: LicenseService, options: { deny?: boolean } = {}) {
  const auditor = mockServices.auditor.mock();
  const event = { success: jest.fn(), fail: jest.fn() };
  auditor.createEvent.mockResolvedValue(event);
  const changed = jest.fn();
  const router = createLicenseRoutes({
    licenses: service,
    requirePermission: createRequirePermission({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions({
        result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      }),
    }),
    auditor,
    onLicensesChanged: changed,
  });
  return {
    server: express().use(express.json()).use(router).use(mockErrorHandler()),
    auditor,
    event,
    changed,
  };
}

const user = mockCredentials.user.header();

async function withEntitlements(knex: Knex) {
  await setUp(knex);
  const { service } = licenseServiceFor(knex, entities);
  const { server } = app(service);
  const put = await request(server)
    .put('/licenses/entitlements')
    .set('Authorization', user)
    .send(entitlements);
  expect(put.status).toBe(200);
  const seats = await request(server)
    .put(`/licenses/seats/${SEAT}`)
    .set('Authorization', user)
    .send({
      seats: [
        {
          user: 'alice@example.com',
          lastActive: '2026-11-20',
          entityRef: 'component:default/observability',
        },
        {
          user: 'bob@example.com',
          lastActive: '2026-06-01',
          entityRef: 'Component:default/observability',
        },
        { user: 'carol@example.com' },
      ],
    });
  expect(seats.status).toBe(200);
  expect(seats.body).toEqual({ productId: SEAT, seats: 3 });
  return { service, server };
}

describe('license API', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'PUT /licenses/entitlements stores valid entitlements, audits and asks for a cost recompute, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await setUp(knex);
      const { service } = licenseServiceFor(knex, entities);
      const { server, auditor, event, changed } = app(service);

      const put = await request(server)
        .put('/licenses/entitlements')
        .set('Authorization', user)
        .send({ entitlements });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ upserted: 3 });
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId: 'license-entitlement-upsert' }),
      );
      expect(event.success).toHaveBeenCalled();
      expect(changed).toHaveBeenCalledTimes(1);

      // Upsert by id: a second PUT changes one entitlement and leaves the others.
      await request(server)
        .put('/licenses/entitlements')
        .set('Authorization', user)
        .send([{ ...entitlements[0], quantity: 20 }]);
      const get = await request(server)
        .get('/licenses/entitlements')
        .set('Authorization', user);
      expect(get.status).toBe(200);
      expect(
        get.body.entitlements.map((e: any) => [
          e.id,
          e.quantity,
          e.owner,
          e.metric,
        ]),
      ).toEqual([
        ['ea-sql', 20, ITAM, 'per-core'],
        ['saas-seats', 5, 'group:default/team-platform', 'per-user'],
        ['ula-oracle', 6, ITAM, 'per-processor'],
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'PUT /licenses/entitlements answers 400 with every rejection and changes nothing, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await setUp(knex);
      const { service } = licenseServiceFor(knex, entities);
      const { server, event, changed } = app(service);
      await request(server)
        .put('/licenses/entitlements')
        .set('Authorization', user)
        .send(entitlements);
      changed.mockClear();

      const bad = await request(server)
        .put('/licenses/entitlements')
        .set('Authorization', user)
        .send([
          { ...entitlements[0], quantity: 99 }, // valid on its own, but the batch is refused
          { ...entitlements[1], quantity: -1 },
          { ...entitlements[2], termEnd: '2025-12-31' },
          { ...entitlements[2], id: 'ula-oracle' },
        ]);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/none stored/);
      expect(bad.body.rejections).toEqual([
        {
          index: 1,
          id: 'ula-oracle',
          field: 'id',
          reason: 'duplicate id "ula-oracle": also used by record 3',
        },
        {
          index: 1,
          id: 'ula-oracle',
          field: 'quantity',
          reason: 'must not be negative',
        },
        {
          index: 2,
          id: 'saas-seats',
          field: 'termEnd',
          reason:
            '2025-12-31 is before termStart 2026-01-01: a term must end on or after its start',
        },
        {
          index: 3,
          id: 'ula-oracle',
          field: 'id',
          reason: 'duplicate id "ula-oracle": also used by record 1',
        },
      ]);
      expect(event.fail).toHaveBeenCalled();
      expect(changed).not.toHaveBeenCalled();
      const get = await request(server)
        .get('/licenses/entitlements')
        .set('Authorization', user);
      expect(get.body.entitlements.map((e: any) => [e.id, e.quantity])).toEqual(
        [
          ['ea-sql', 16],
          ['saas-seats', 5],
          ['ula-oracle', 6],
        ],
      );

      const empty = await request(server)
        .put('/licenses/entitlements')
        .set('Authorization', user)
        .send([]);
      expect(empty.status).toBe(400);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'GET /licenses/position counts, splits BYOL and license-included, projects the true-up, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await withEntitlements(knex);
      const response = await request(server)
        .get('/licenses/position')
        .set('Authorization', user);
      expect(response.status).toBe(200);
      // Every product peaks on the latest complete day, 2026-11-26 (the window is 30 days up to it).
      const base = {
        trueUpDate: null,
        projectedAtTrueUp: null,
        unknownSizeResources: 0,
        peakDay: '2026-11-26',
      };
      expect(response.body).toEqual([
        {
          ...base,
          productId: SQL,
          productName: 'SQL Server Enterprise',
          metric: 'per-core',
          entitled: 16,
          // 18 BYOL (4 + 6 + 8; the unknown size is not counted) + 4 license-included;
          // payments' declaration of 8 is not added on top of its cost data.
          required: 22,
          requiredNow: 22,
          byolRequired: 18,
          licenseIncludedRequired: 4,
          position: -2,
          status: 'shortage',
          exposure: { amount: '5434', currency: 'USD' },
          trueUpDate: '2026-12-15',
          // Daily requirement 10, 10, 10, 10, 18, 18, 18: slope 12/7 per day, 19 days from
          // the latest complete day to the true-up: 18 + 32.6.
          projectedAtTrueUp: 51,
          shelfware: 0,
          unknownSizeResources: 1,
          licenseEntityRef: `resource:default/license-${SQL}`,
        },
        {
          ...base,
          productId: WINDOWS,
          productName: 'Windows Server Datacenter',
          metric: 'per-core',
          entitled: 0,
          required: 16,
          requiredNow: 16,
          byolRequired: 16,
          licenseIncludedRequired: 0,
          position: -16,
          // Short, and worse: BYOL outside its rights on both VMs, whatever is bought.
          status: 'non-compliant',
          nonCompliance: [
            {
              rule: 'allowed-tenancy',
              message:
                'Windows Server Datacenter may not be brought to shared hosts on AWS; use dedicated-host',
              entityRef: 'component:default/reporting',
              resourceId: 'id-win-aws-1',
              resourceName: 'win-aws-1',
            },
            {
              rule: 'software-assurance',
              message:
                'Windows Server Datacenter needs Software Assurance or a subscription license on Microsoft, and no active entitlement has it',
              entityRef: 'component:default/ghost',
              resourceId: 'id-win-az-1',
              resourceName: 'win-az-1',
            },
          ],
          // 16 cores: 6,155 for a 16-core license spread over 3 years plus 25 % a year.
          exposure: { amount: '3590.42', currency: 'USD' },
          shelfware: 0,
          licenseEntityRef: null,
        },
        {
          ...base,
          productId: ORACLE,
          productName: 'Oracle Database Enterprise Edition',
          metric: 'per-processor',
          entitled: 6,
          required: 4,
          requiredNow: 4,
          byolRequired: 4,
          licenseIncludedRequired: 0,
          position: 2,
          status: 'surplus',
          exposure: null,
          shelfware: 2,
          licenseEntityRef: `resource:default/license-${ORACLE}`,
        },
        {
          ...base,
          productId: 'oracle-database-standard-2',
          productName: 'Oracle Database Standard Edition 2',
          metric: 'per-socket',
          entitled: 0,
          required: 2,
          requiredNow: 2,
          byolRequired: 0,
          licenseIncludedRequired: 0,
          position: -2,
          status: 'shortage',
          // 2 sockets at 17,500 spread over 3 years plus 22 % support a year.
          exposure: { amount: '19366.67', currency: 'USD' },
          shelfware: 0,
          licenseEntityRef: null,
        },
        {
          ...base,
          productId: 'rhel',
          productName: 'Red Hat Enterprise Linux',
          metric: 'subscription',
          entitled: 0,
          // Its only VM ran on 2026-10-01, before the evaluation window: nothing required now.
          required: 0,
          requiredNow: 0,
          peakDay: null,
          byolRequired: 0,
          licenseIncludedRequired: 0,
          position: 0,
          status: 'compliant',
          exposure: null,
          shelfware: 0,
          licenseEntityRef: null,
        },
        {
          ...base,
          productId: SEAT,
          productName: 'SaaS seat',
          metric: 'per-user',
          entitled: 5,
          required: 3,
          requiredNow: 3,
          byolRequired: 0,
          licenseIncludedRequired: 0,
          position: 2,
          status: 'surplus',
          exposure: null,
          shelfware: 2,
          licenseEntityRef: `resource:default/license-${SEAT}`,
        },
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'GET /entities/.../licenses explains each requirement and its flags, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { service, server } = await withEntitlements(knex);
      await service.recomputeCost();

      const payments = await request(server)
        .get('/entities/component/default/payments/licenses')
        .set('Authorization', user);
      expect(payments.status).toBe(200);
      expect(payments.body.entityRef).toBe('component:default/payments');
      // One row for SQL Server: its BYOL use in cost data and its declaration inside.
      expect(payments.body.products).toHaveLength(1);
      const [byol] = payments.body.products;
      expect(byol).toMatchObject({
        productId: SQL,
        required: 18,
        licenseIncluded: 0,
        covered: false,
        status: 'shortage',
        licenseEntityRef: `resource:default/license-${SQL}`,
      });
      const [fromCostData, declared] = byol.sources;
      expect(fromCostData).toMatchObject({
        model: 'byol',
        source: 'cost-data',
        required: 18,
      });
      expect(fromCostData.reasons).toEqual([
        {
          source: 'cost-data',
          resourceId: 'id-sql-vm-2',
          resourceName: 'sql-vm-2',
          vcpus: 2,
          quantity: 4,
          rule: '2 vCPUs → 4 core licenses: minimum 4 per VM',
        },
        {
          source: 'cost-data',
          resourceId: 'id-sql-vm-6',
          resourceName: 'sql-vm-6',
          vcpus: 6,
          quantity: 6,
          rule: '6 vCPUs → 6 core licenses',
        },
        {
          source: 'cost-data',
          resourceId: 'id-sql-vm-7',
          resourceName: 'sql-vm-7',
          vcpus: 7,
          quantity: 8,
          rule: '7 vCPUs → 8 core licenses: 2-core packs',
        },
        expect.objectContaining({
          resourceName: 'sql-vm-odd',
          vcpus: null,
          quantity: 0,
        }),
      ]);
      expect(byol.flags.map((f: any) => f.kind)).toEqual(['unknown-size']);
      // payments declares 8, which its 18 BYOL cores in cost data already count.
      expect(declared).toEqual({
        model: 'declared',
        source: 'catalog',
        required: 0,
        reasons: [
          {
            source: 'catalog',
            quantity: 0,
            rule: 'declared 8 core licenses in finops-itam.io/licenses; not added, the BYOL use in cost data (18 at its peak) covers it',
          },
        ],
      });

      // October's share: a day is split by that day's use, and payments' VMs started on
      // 2026-11-20, so October (the latest full month) is the owner's shelfware, 31 days of
      // 43472 / 365, and payments carries none of it.
      const reader = new DatabaseLicenseCostReader(
        (service as any).options.store,
      );
      expect(
        await reader.dailyLicenseCost(
          ['component:default/payments'],
          '2026-10-01',
          '2026-10-31',
        ),
      ).toEqual([]);
      expect(byol.monthlyCost).toBeNull();
      const ownerRows = await (service as any).options.store.dailyCost(
        [ITAM],
        '2026-10-01',
        '2026-10-31',
      );
      const october = sumAmounts(
        ownerRows
          .filter((r: any) => r.productId === SQL && r.shelfware)
          .map((r: any) => r.amount),
      );
      expect(
        new Money(october)
          .minus(new Money(43472).times(31).div(365))
          .abs()
          .lt('1e-9'),
      ).toBe(true);
      // Its last week, it needs more than is entitled: it carries the whole daily cost.
      const lastDay = await reader.dailyLicenseCost(
        ['component:default/payments'],
        '2026-11-26',
        '2026-11-26',
      );
      expect(
        new Money(lastDay[0].amount)
          .minus(new Money(43472).div(365))
          .abs()
          .lt('1e-9'),
      ).toBe(true);

      const reporting = await request(server)
        .get('/entities/component/default/reporting/licenses')
        .set('Authorization', user);
      const li = reporting.body.products.find((p: any) => p.productId === SQL);
      expect(li).toMatchObject({
        required: 0,
        licenseIncluded: 4,
        covered: true,
        monthlyCost: null,
      });
      expect(li.sources.map((source: any) => source.model)).toEqual([
        'license-included',
      ]);
      expect(li.sources[0].reasons[0].rule).toBe(
        '4 vCPUs → 4 core licenses (license included in the cloud bill)',
      );
      const windows = reporting.body.products.find(
        (p: any) => p.productId === WINDOWS,
      );
      expect(windows.flags).toEqual([
        {
          kind: 'byol-not-allowed',
          rule: 'allowed-tenancy',
          message:
            'Windows Server Datacenter may not be brought to shared hosts on AWS; use dedicated-host',
        },
      ]);

      const search = await request(server)
        .get('/entities/component/default/search/licenses')
        .set('Authorization', user);
      expect(search.body.unknownProducts).toEqual([
        {
          productId: 'acme-magic',
          source: 'cost-data',
          entityRef: 'component:default/search',
          resourceId: 'id-magic-1',
          resourceName: 'magic-1',
        },
      ]);
      expect(search.body.products[0].flags).toEqual([
        {
          kind: 'reharvest-candidate',
          message: 'rhel-old absent from cost data since 2026-10-01',
        },
      ]);

      const observability = await request(server)
        .get('/entities/component/default/observability/licenses')
        .set('Authorization', user);
      expect(observability.body.products).toHaveLength(1);
      expect(observability.body.products[0].required).toBe(2);
      expect(
        observability.body.products[0].sources.map((p: any) => [
          p.model,
          p.required,
          p.reasons.map((r: any) => r.rule),
        ]),
      ).toEqual([
        [
          'declared',
          0,
          [
            'declared 40 seat licenses in finops-itam.io/licenses; not added, the seat import already counts this product for the entity',
          ],
        ],
        [
          'seat',
          2,
          [
            'seat assigned to alice@example.com, last active 2026-11-20',
            'seat assigned to bob@example.com, last active 2026-06-01',
          ],
        ],
      ]);

      const missing = await request(server)
        .get('/entities/component/default/nope/licenses')
        .set('Authorization', user);
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toMatch(
        /No entity component:default\/nope/,
      );
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'GET /entities/system|domain/.../licenses sums the use of every member, naming each, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { service, server } = await withEntitlements(knex);
      // reporting also runs SQL Server BYOL, so the system's BYOL use comes from two entities.
      await insertLicensedVms(knex, [
        {
          name: 'sql-vm-rep',
          entityRef: 'component:default/reporting',
          days: lastWeek,
          tags: byolTags(SQL),
          details: { CoreCount: 4 },
        },
      ]);
      await service.recomputeCost();

      const shop = await request(server)
        .get('/entities/system/default/shop/licenses')
        .set('Authorization', user);
      expect(shop.status).toBe(200);
      expect(shop.body.entityRef).toBe('system:default/shop');
      // One row per product, its sources inside, each reason naming its member.
      const summary = (body: any) =>
        body.products.map((p: any) => [
          p.productId,
          p.required,
          p.licenseIncluded,
          p.sources.map((s: any) => [
            s.model,
            s.required,
            s.reasons.map((r: any) => `${r.entityRef} ${r.quantity}`),
          ]),
        ]);
      expect(summary(shop.body)).toEqual([
        [
          SQL,
          22,
          4,
          [
            [
              'byol',
              22,
              [
                'component:default/payments 4',
                'component:default/payments 6',
                'component:default/payments 8',
                'component:default/payments 0',
                'component:default/reporting 4',
              ],
            ],
            ['declared', 0, ['component:default/payments 0']],
            ['license-included', 4, ['component:default/reporting 4']],
          ],
        ],
        [WINDOWS, 8, 0, [['byol', 8, ['component:default/reporting 8']]]],
      ]);
      const byol = shop.body.products[0];
      expect(byol).toMatchObject({
        covered: false,
        status: 'shortage',
        licenseEntityRef: `resource:default/license-${SQL}`,
      });
      // The members' cost share of the latest full month: none, as nothing ran in October.
      expect(byol.monthlyCost).toBeNull();

      // A Domain holds its systems' members: shop's, and erp's declaration via erp-system.
      const commerce = await request(server)
        .get('/entities/domain/default/commerce/licenses')
        .set('Authorization', user);
      expect(commerce.status).toBe(200);
      expect(
        summary(commerce.body).map((row: any[]) => row.slice(0, 3)),
      ).toEqual([
        [SQL, 22, 4],
        [WINDOWS, 8, 0],
        ['oracle-database-standard-2', 2, 0],
      ]);
      expect(commerce.body.products[2].sources[0]).toMatchObject({
        model: 'declared',
        required: 2,
      });
      expect(commerce.body.products[2].sources[0].reasons[0].entityRef).toBe(
        'component:default/erp',
      );

      // A system with no licensed members answers an empty list, not an error.
      const erpSystem = await request(server)
        .get('/entities/system/default/erp-system/licenses')
        .set('Authorization', user);
      expect(erpSystem.body.products.map((p: any) => p.productId)).toEqual([
        'oracle-database-standard-2',
      ]);

      // A member asked for directly still answers for itself alone, without entity names.
      const reporting = await request(server)
        .get('/entities/component/default/reporting/licenses')
        .set('Authorization', user);
      const reportingSql = reporting.body.products.find(
        (p: any) => p.productId === SQL,
      );
      expect(
        reportingSql.sources.find((s: any) => s.model === 'byol').reasons,
      ).toEqual([
        {
          source: 'cost-data',
          resourceId: 'id-sql-vm-rep',
          resourceName: 'sql-vm-rep',
          vcpus: 4,
          quantity: 4,
          rule: '4 vCPUs → 4 core licenses',
        },
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'serves repeated reads from one computation until a license write or a new allocation run, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { service, server } = await withEntitlements(knex);
      const getEntities = jest.spyOn(
        (service as any).options.catalog,
        'getEntities',
      );
      const sqlEntitled = async () => {
        const response = await request(server)
          .get('/licenses/position')
          .set('Authorization', user);
        return response.body.find((p: any) => p.productId === SQL).entitled;
      };

      expect(await sqlEntitled()).toBe(16);
      await request(server)
        .get('/licenses/reharvest')
        .set('Authorization', user);
      await request(server)
        .get('/entities/component/default/payments/licenses')
        .set('Authorization', user);
      expect(getEntities).toHaveBeenCalledTimes(1);

      await request(server)
        .put('/licenses/entitlements')
        .set('Authorization', user)
        .send([{ ...entitlements[0], quantity: 20 }]);
      expect(await sqlEntitled()).toBe(20);
      expect(getEntities).toHaveBeenCalledTimes(2);

      // New cost data is allocated: the next read sees it.
      await insertLicensedVms(knex, [
        {
          name: 'sql-vm-new',
          entityRef: 'component:default/payments',
          days: lastWeek,
          tags: byolTags(SQL),
          details: { CoreCount: 8 },
        },
      ]);
      await knex('finops_itam_allocation_runs').insert({
        started_at: new Date(),
        finished_at: new Date(),
        status: 'succeeded',
      });
      const position = await request(server)
        .get('/licenses/position')
        .set('Authorization', user);
      expect(
        position.body.find((p: any) => p.productId === SQL).byolRequired,
      ).toBe(26);
      expect(getEntities).toHaveBeenCalledTimes(3);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'GET /licenses/reharvest lists deprecated, missing, inactive and absent consumption, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await withEntitlements(knex);
      const response = await request(server)
        .get('/licenses/reharvest')
        .set('Authorization', user);
      expect(response.status).toBe(200);
      // None of these entities names an owner (the catalog does not know ghost at all).
      expect(response.body.candidates).toEqual([
        {
          productId: WINDOWS,
          reason: 'entity-missing',
          detail:
            'component:default/ghost is no longer in the catalog (win-az-1)',
          entityRef: 'component:default/ghost',
          resourceId: 'id-win-az-1',
          quantity: 8,
          owner: null,
        },
        {
          productId: ORACLE,
          reason: 'deprecated-component',
          detail: 'component:default/legacy is deprecated (ora-1)',
          entityRef: 'component:default/legacy',
          resourceId: 'id-ora-1',
          quantity: 4,
          owner: null,
        },
        {
          productId: 'rhel',
          reason: 'resource-absent',
          detail: 'rhel-old absent from cost data since 2026-10-01',
          entityRef: 'component:default/search',
          resourceId: 'id-rhel-old',
          quantity: 1,
          owner: null,
        },
        {
          productId: SEAT,
          reason: 'inactive-seat',
          detail: 'seat bob@example.com inactive since 2026-06-01',
          entityRef: 'component:default/observability',
          resourceId: null,
          quantity: 1,
          owner: null,
        },
        {
          productId: SEAT,
          reason: 'inactive-seat',
          detail: 'seat carol@example.com never used',
          entityRef: null,
          resourceId: null,
          quantity: 1,
          owner: null,
        },
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'GET /licenses/catalog lists entitled products with their owner and consumers, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await withEntitlements(knex);
      const response = await request(server)
        .get('/licenses/catalog')
        .set('Authorization', user);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        products: [
          {
            productId: SQL,
            productName: 'SQL Server Enterprise',
            publisher: 'Microsoft',
            metric: 'per-core',
            owner: ITAM,
            entitled: 16,
            required: 22,
            consumers: [
              'component:default/payments',
              'component:default/reporting',
            ],
          },
          {
            productId: ORACLE,
            productName: 'Oracle Database Enterprise Edition',
            publisher: 'Oracle',
            metric: 'per-processor',
            owner: ITAM,
            entitled: 6,
            required: 4,
            consumers: ['component:default/legacy'],
          },
          {
            productId: SEAT,
            productName: 'SaaS seat',
            publisher: 'Generic SaaS',
            metric: 'per-user',
            owner: 'group:default/team-platform',
            entitled: 5,
            required: 3,
            consumers: ['component:default/observability'],
          },
        ],
      });
      const unknown = await request(server)
        .get('/licenses/unknown-products')
        .set('Authorization', user);
      expect(unknown.body.items.map((u: any) => u.productId)).toEqual([
        'acme-magic',
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'GET and PUT /licenses/products override a shipped product and add a new one, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      const { service } = licenseServiceFor(knex, entities);
      const { server } = app(service);
      const before = await request(server)
        .get('/licenses/products')
        .set('Authorization', user);
      expect(before.body.products.map((p: any) => p.id)).toEqual(
        [
          SQL,
          'microsoft-sql-server-standard',
          'microsoft-windows-server-standard',
          WINDOWS,
          ORACLE,
          'oracle-database-standard-2',
          'rhel',
          SEAT,
        ].sort(),
      );

      const put = await request(server)
        .put('/licenses/products')
        .set('Authorization', user)
        .send({
          products: [
            {
              id: 'rhel',
              publisher: 'Red Hat',
              name: 'RHEL',
              metric: 'subscription',
              rule: { vmsPerLicense: 4 },
            },
            {
              id: 'acme-db',
              publisher: 'Acme',
              name: 'Acme DB',
              metric: 'per-vcpu',
              rule: { packSize: 4 },
            },
          ],
        });
      expect(put.status).toBe(200);
      const after = await request(server)
        .get('/licenses/products')
        .set('Authorization', user);
      expect(
        after.body.products.find((p: any) => p.id === 'rhel').rule,
      ).toEqual({ vmsPerLicense: 4 });
      expect(after.body.products.map((p: any) => p.id)).toContain('acme-db');

      const bad = await request(server)
        .put('/licenses/products')
        .set('Authorization', user)
        .send([
          { id: 'Bad Id', publisher: 'x', name: 'x', metric: 'per-furlong' },
        ]);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(
        /products\[0\]\.id must be lowercase kebab-case/,
      );
      expect(bad.body.error.message).toMatch(/products\[0\]\.metric/);
      await knex.destroy();
    },
  );

  it('PUT /licenses/seats/:productId rejects unknown products and bad seats, storing nothing', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest(migrationConfig);
    const { service, store } = licenseServiceFor(knex, entities);
    const { server } = app(service);
    const unknown = await request(server)
      .put('/licenses/seats/acme-nothing')
      .set('Authorization', user)
      .send({ seats: [] });
    expect(unknown.status).toBe(404);
    const bad = await request(server)
      .put(`/licenses/seats/${SEAT}`)
      .set('Authorization', user)
      .send({ seats: [{ user: 'a', lastActive: 'yesterday' }, { user: '' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /seats\.0\.lastActive must be a date like 2026-01-31/,
    );
    expect(bad.body.error.message).toMatch(/seats\.1\.user is required/);
    expect(await store.listSeats()).toEqual([]);
    await knex.destroy();
  });

  it('flags products on the unauthorized list on the entities that run them', async () => {
    const knex = await databases.init('SQLITE_3');
    await setUp(knex);
    const { service } = licenseServiceFor(knex, entities, {
      unauthorizedProducts: [ORACLE],
    });
    const { server } = app(service);
    const legacy = await request(server)
      .get('/entities/component/default/legacy/licenses')
      .set('Authorization', user);
    expect(legacy.body.products[0].flags).toContainEqual({
      kind: 'unauthorized-product',
      message: `${ORACLE} is on the unauthorized products list (finopsItam.licenses.unauthorizedProducts)`,
    });
    await knex.destroy();
  });

  it('needs finops-itam.read to read and finops-itam.license.manage to write', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest(migrationConfig);
    const { service } = licenseServiceFor(knex, entities);
    const { server } = app(service, { deny: true });
    const read = await request(server)
      .get('/licenses/position')
      .set('Authorization', user);
    expect(read.status).toBe(403);
    expect(read.body.error.message).toMatch(/finops-itam.read/);
    const write = await request(server)
      .put('/licenses/entitlements')
      .set('Authorization', user)
      .send(entitlements);
    expect(write.status).toBe(403);
    expect(write.body.error.message).toMatch(/finops-itam.license.manage/);
    await knex.destroy();
  });
});
