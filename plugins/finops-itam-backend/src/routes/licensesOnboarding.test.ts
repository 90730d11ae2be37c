import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { migrationConfig } from '../database/migrations';
import type {
  CompletedMigration,
  LicenseReservation,
  OnboardingLicenseHolds,
} from '../feature/hooks';
import {
  byolTags,
  daysFrom,
  insertLicensedVms,
  licenseServiceFor,
  testEntity,
} from '../licenses/__testUtils__/licenseFixtures';
import { LicenseService } from '../licenses/LicenseService';
import { createRequirePermission } from '../permissions';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createLicenseRoutes } from './licenses';

jest.setTimeout(60_000);

const SQL = 'microsoft-sql-server-enterprise';
const WINDOWS = 'microsoft-windows-server-datacenter';
const ORACLE = 'oracle-database-enterprise';
const SEAT = 'saas-observability-seat';
const PAYMENTS = 'group:default/team-payments';

const entities = [
  testEntity('Component', 'payments', {
    spec: { lifecycle: 'production', owner: 'team-payments' },
  }),
  // Being replaced by new-billing; deprecated, so without the migration it would be a
  // deprecated-component candidate.
  testEntity('Component', 'old-billing', {
    spec: { lifecycle: 'deprecated', owner: 'group:default/team-payments' },
  }),
  testEntity('Component', 'new-billing', {
    spec: { lifecycle: 'production', owner: 'team-payments' },
  }),
  testEntity('Component', 'reporting', {
    spec: { lifecycle: 'production', owner: 'user:default/alice' },
  }),
  testEntity('Component', 'legacy', {
    spec: { lifecycle: 'deprecated', owner: 'team-legacy' },
  }),
];

const lastWeek = daysFrom('2026-11-20', 7);

const sqlEntitlement = {
  id: 'ea-sql',
  productId: SQL,
  quantity: 16,
  cost: { amount: '43472', currency: 'USD', per: 'term' },
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  softwareAssurance: true,
  owner: 'group:default/team-itam',
};

/** Holds as the onboarding feature would offer them, changed by the test as requests are decided. */
function fakeHolds() {
  const held = {
    reservations: [] as LicenseReservation[],
    migrations: [] as CompletedMigration[],
  };
  const holds: OnboardingLicenseHolds = {
    reservations: async () => held.reservations,
    completedMigrations: async () => held.migrations,
  };
  return { held, holds };
}

function app(service: LicenseService, options: { deny?: boolean } = {}) {
  const auditor = mockServices.auditor.mock();
  auditor.createEvent.mockResolvedValue({
    success: jest.fn(),
    fail: jest.fn(),
  });
  const router = createLicenseRoutes({
    licenses: service,
    requirePermission: createRequirePermission({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions({
        result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      }),
    }),
    auditor,
  });
  return express().use(express.json()).use(router).use(mockErrorHandler());
}

const user = mockCredentials.user.header();

describe('license API with onboarding', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'GET /licenses/position takes reservations from the free quantity until the workload shows up in cost data, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertLicensedVms(knex, [
        {
          name: 'sql-pay-1',
          entityRef: 'component:default/payments',
          days: lastWeek,
          tags: byolTags(SQL),
          details: { CoreCount: 4 },
        },
      ]);
      const { held, holds } = fakeHolds();
      const { service } = licenseServiceFor(knex, entities, { holds });
      const server = app(service);
      await request(server)
        .put('/licenses/entitlements')
        .set('Authorization', user)
        .send([sqlEntitlement]);

      const before = await request(server)
        .get('/licenses/position')
        .set('Authorization', user);
      expect(before.status).toBe(200);
      expect(before.body).toEqual([
        expect.objectContaining({
          productId: SQL,
          entitled: 16,
          required: 4,
          position: 12,
          status: 'surplus',
        }),
      ]);
      expect(before.body[0]).not.toHaveProperty('reserved');

      // Two requests are approved; the snapshot cache must not hide them for its minute.
      held.reservations = [
        // new-billing: 3 VMs of 4 vCPUs, and another deployment of 4.
        {
          requestId: 'req-new-billing',
          entityRef: 'component:default/new-billing',
          productId: SQL,
          quantity: 12,
        },
        {
          requestId: 'req-new-billing',
          entityRef: 'component:default/new-billing',
          productId: SQL,
          quantity: 4,
        },
        // payments already runs SQL Server in cost data: its reservation turned into use.
        {
          requestId: 'req-payments',
          entityRef: 'Component:default/payments',
          productId: SQL,
          quantity: 8,
        },
        {
          requestId: 'req-new-billing',
          entityRef: 'component:default/new-billing',
          productId: SEAT,
          quantity: 12,
        },
      ];
      const reserved = await request(server)
        .get('/licenses/position')
        .set('Authorization', user);
      expect(reserved.body).toEqual([
        expect.objectContaining({
          productId: SQL,
          entitled: 16,
          required: 4,
          reserved: 16,
          reservations: [
            {
              requestId: 'req-new-billing',
              entityRef: 'component:default/new-billing',
              quantity: 16,
            },
          ],
          // 16 − 4 used − 16 reserved: the approved workload will not fit.
          position: -4,
          status: 'shortage',
          // 4 cores at 5,434 per 2-core pack a year.
          exposure: { amount: '10868', currency: 'USD' },
          shelfware: 0,
        }),
        // Nothing entitled, nothing used yet: the product appears for its reservation alone.
        expect.objectContaining({
          productId: SEAT,
          entitled: 0,
          required: 0,
          reserved: 12,
          reservations: [
            {
              requestId: 'req-new-billing',
              entityRef: 'component:default/new-billing',
              quantity: 12,
            },
          ],
          position: -12,
          status: 'shortage',
          exposure: null,
        }),
      ]);

      // payments' own use was licensed before the requests: it stays covered.
      const payments = await request(server)
        .get('/entities/component/default/payments/licenses')
        .set('Authorization', user);
      expect(payments.body.products).toEqual([
        expect.objectContaining({
          productId: SQL,
          required: 4,
          covered: true,
          status: 'surplus',
        }),
      ]);

      // new-billing's first VM shows up in cost data: its use is counted, the hold is gone.
      await insertLicensedVms(knex, [
        {
          name: 'sql-new-1',
          entityRef: 'component:default/new-billing',
          days: lastWeek.slice(5),
          tags: byolTags(SQL),
          details: { CoreCount: 4 },
        },
      ]);
      // Allocated, as an allocation run after the ingestion leaves it.
      await knex('finops_itam_allocation_runs').insert({
        started_at: new Date(),
        finished_at: new Date(),
        status: 'succeeded',
      });
      const deployed = await request(server)
        .get('/licenses/position')
        .set('Authorization', user);
      const sql = deployed.body.find((e: any) => e.productId === SQL);
      expect(sql).toMatchObject({
        required: 8,
        position: 8,
        status: 'surplus',
        shelfware: 8,
        exposure: null,
      });
      expect(sql).not.toHaveProperty('reserved');
      expect(sql).not.toHaveProperty('reservations');
      // The seats are still waiting for their import.
      expect(
        deployed.body.find((e: any) => e.productId === SEAT),
      ).toMatchObject({ reserved: 12, position: -12 });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'GET /licenses/reharvest lists what a migrated workload used, linked to its request, with owners, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertLicensedVms(knex, [
        // old-billing still runs two SQL Server VMs (4 + 8 cores) and one Oracle VM.
        {
          name: 'sql-old-1',
          entityRef: 'component:default/old-billing',
          days: lastWeek,
          tags: byolTags(SQL),
          details: { CoreCount: 4 },
        },
        {
          name: 'sql-old-2',
          entityRef: 'component:default/old-billing',
          days: lastWeek,
          tags: byolTags(SQL),
          details: { CoreCount: 8 },
        },
        {
          name: 'ora-old',
          entityRef: 'component:default/old-billing',
          days: lastWeek,
          tags: byolTags(ORACLE),
          details: { InstanceType: 'm5.2xlarge' },
        },
        // License-included use releases nothing.
        {
          name: 'sql-old-li',
          entityRef: 'component:default/old-billing',
          days: lastWeek,
          skuId: 'ec2/us-east-1/m5.xlarge/Windows:SQL-Ent',
          details: { CoreCount: 4, x_LicenseModel: 'License Included' },
        },
        // An unrelated deprecated component keeps its usual candidate, now with its owner.
        {
          name: 'sql-legacy',
          entityRef: 'component:default/legacy',
          days: lastWeek,
          tags: byolTags(SQL),
          details: { CoreCount: 4 },
        },
      ]);
      const { held, holds } = fakeHolds();
      const { service } = licenseServiceFor(knex, entities, { holds });
      const server = app(service);

      const before = await request(server)
        .get('/licenses/reharvest')
        .set('Authorization', user);
      expect(before.status).toBe(200);
      expect(
        before.body.candidates.map((c: any) => [c.reason, c.entityRef]),
      ).toEqual([
        ['deprecated-component', 'component:default/legacy'],
        ['deprecated-component', 'component:default/old-billing'],
        ['deprecated-component', 'component:default/old-billing'],
        ['deprecated-component', 'component:default/old-billing'],
      ]);

      held.migrations = [
        {
          requestId: 'abc',
          replaces: 'component:default/old-billing',
          entityRef: 'component:default/new-billing',
          goLive: '2026-11-01',
        },
      ];
      const after = await request(server)
        .get('/licenses/reharvest')
        .set('Authorization', user);
      expect(after.body.candidates).toEqual([
        {
          productId: SQL,
          reason: 'deprecated-component',
          detail: 'component:default/legacy is deprecated (sql-legacy)',
          entityRef: 'component:default/legacy',
          resourceId: 'id-sql-legacy',
          quantity: 4,
          owner: 'group:default/team-legacy',
        },
        // One line per product for the replaced workload, instead of one per VM.
        {
          productId: SQL,
          reason: 'migrated-workload',
          detail:
            'replaced by component:default/new-billing (onboarding request abc) live since 2026-11-01',
          entityRef: 'component:default/old-billing',
          resourceId: null,
          quantity: 12,
          onboardingRequestId: 'abc',
          owner: PAYMENTS,
        },
        {
          productId: ORACLE,
          reason: 'migrated-workload',
          detail:
            'replaced by component:default/new-billing (onboarding request abc) live since 2026-11-01',
          entityRef: 'component:default/old-billing',
          resourceId: null,
          // 8 vCPUs of an m5.2xlarge → 4 processors.
          quantity: 4,
          onboardingRequestId: 'abc',
          owner: PAYMENTS,
        },
      ]);

      // The replaced workload's page says so, instead of only "deprecated".
      const old = await request(server)
        .get('/entities/component/default/old-billing/licenses')
        .set('Authorization', user);
      const sql = old.body.products.find((p: any) => p.productId === SQL);
      expect(
        sql.flags.filter((f: any) => f.kind === 'reharvest-candidate'),
      ).toEqual([
        {
          kind: 'reharvest-candidate',
          message:
            'replaced by component:default/new-billing (onboarding request abc) live since 2026-11-01',
        },
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'GET /licenses/compliance lists BYOL breaches, unauthorized and unknown products and sizes, most severe first, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertLicensedVms(knex, [
        // Windows Server BYOL on shared AWS hosts: not allowed.
        {
          name: 'win-aws-1',
          entityRef: 'component:default/reporting',
          days: lastWeek,
          tags: byolTags(WINDOWS),
          details: { CoreCount: 4 },
        },
        // Oracle is on the unauthorized list; RHEL is blocked by policy; this VM is unallocated.
        {
          name: 'ora-1',
          entityRef: 'component:default/legacy',
          days: lastWeek,
          tags: byolTags(ORACLE),
          details: { InstanceType: 'm5.2xlarge' },
        },
        {
          name: 'rhel-1',
          entityRef: null,
          days: lastWeek,
          tags: byolTags('rhel'),
          details: { CoreCount: 2 },
        },
        // A product nobody defined.
        {
          name: 'magic-1',
          entityRef: 'component:default/payments',
          days: lastWeek,
          tags: byolTags('acme-magic'),
          details: { CoreCount: 2 },
        },
        // Size unknown: listed, not counted (license-included, so no BYOL rights apply).
        {
          name: 'sql-odd',
          entityRef: 'component:default/payments',
          days: lastWeek,
          skuId: 'ec2/us-east-1/zz.odd/Windows:SQL-Ent',
          details: {
            InstanceType: 'zz.odd',
            x_LicenseModel: 'License Included',
          },
        },
      ]);
      const { holds } = fakeHolds();
      const { service } = licenseServiceFor(knex, entities, {
        holds,
        unauthorizedProducts: [ORACLE],
        blockedProducts: ['rhel'],
      });
      const response = await request(app(service))
        .get('/licenses/compliance')
        .set('Authorization', user);
      expect(response.status).toBe(200);
      expect(response.body.risks).toEqual([
        {
          kind: 'byol-not-allowed',
          productId: WINDOWS,
          productName: 'Windows Server Datacenter',
          entityRef: 'component:default/reporting',
          owner: 'user:default/alice',
          resourceId: 'id-win-aws-1',
          detail:
            'win-aws-1: Windows Server Datacenter may not be brought to shared hosts on AWS; use dedicated-host',
        },
        {
          kind: 'unauthorized-product',
          productId: ORACLE,
          productName: 'Oracle Database Enterprise Edition',
          entityRef: 'component:default/legacy',
          owner: 'group:default/team-legacy',
          resourceId: 'id-ora-1',
          detail:
            'Oracle Database Enterprise Edition on ora-1 for component:default/legacy: on the unauthorized products list (finopsItam.licenses.unauthorizedProducts)',
        },
        {
          kind: 'unauthorized-product',
          productId: 'rhel',
          productName: 'Red Hat Enterprise Linux',
          entityRef: null,
          owner: null,
          resourceId: 'id-rhel-1',
          detail:
            'Red Hat Enterprise Linux on rhel-1 for no entity (unallocated): on the blocked products policy (finopsItam.policies.blockedProducts)',
        },
        {
          kind: 'unknown-product',
          productId: null,
          productName: 'acme-magic',
          entityRef: 'component:default/payments',
          owner: PAYMENTS,
          resourceId: 'id-magic-1',
          detail:
            '"acme-magic" (cost-data, magic-1) is no defined license product: define it (PUT /licenses/products) or correct the tag',
        },
        {
          kind: 'unknown-size',
          productId: SQL,
          productName: 'SQL Server Enterprise',
          entityRef: 'component:default/payments',
          owner: PAYMENTS,
          resourceId: 'id-sql-odd',
          detail:
            'sql-odd (cost row of 2026-11-26): SkuPriceDetails.InstanceType "zz.odd" is not a known instance type and the row has no CoreCount, so it is not counted; add it to finopsItam.licenses.instanceTypes',
        },
      ]);
      await knex.destroy();
    },
  );

  it('GET /licenses/compliance needs finops-itam.read', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest(migrationConfig);
    const { service } = licenseServiceFor(knex, entities);
    const response = await request(app(service, { deny: true }))
      .get('/licenses/compliance')
      .set('Authorization', user);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/finops-itam.read/);
    await knex.destroy();
  });
});
