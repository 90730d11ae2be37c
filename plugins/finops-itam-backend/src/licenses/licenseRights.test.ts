import { migrationConfig } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  byolTags,
  daysFrom,
  insertLicensedVms,
  licenseServiceFor,
  testEntity,
} from './__testUtils__/licenseFixtures';

jest.setTimeout(60_000);

const WINDOWS = 'microsoft-windows-server-datacenter';
const ENTERPRISE = 'microsoft-sql-server-enterprise';
const STANDARD = 'microsoft-sql-server-standard';
const ITAM = 'group:default/team-itam';

const entities = [
  testEntity('Group', 'team-itam'),
  testEntity('Component', 'reporting', {
    spec: { lifecycle: 'production', owner: 'team-itam' },
  }),
  testEntity('Component', 'orders', {
    spec: { lifecycle: 'production', owner: 'team-itam' },
  }),
];

const days = daysFrom('2026-11-20', 7);

const entitlement = (
  id: string,
  productId: string,
  quantity: number,
  fields: object = {},
) => ({
  id,
  productId,
  quantity,
  cost: { amount: '3650', currency: 'USD', per: 'term' },
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  owner: ITAM,
  ...fields,
});

describe('BYOL rights and edition conversions in the license position', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'marks a product non-compliant and covers Standard with Enterprise, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertLicensedVms(knex, [
        // Windows Server bought in 2021 on an AWS dedicated host: not allowed, whatever the surplus.
        {
          name: 'win-host-vm',
          entityRef: 'component:default/reporting',
          days,
          tags: byolTags(WINDOWS),
          details: { CoreCount: 8, Tenancy: 'Dedicated Host' },
        },
        // Two 8-vCPU SQL Server Standard VMs on Azure: 16 core licenses, 8 of them owned.
        {
          name: 'sql-std-1',
          entityRef: 'component:default/orders',
          provider: 'Microsoft',
          days,
          tags: byolTags(STANDARD),
          details: { CoreCount: 8 },
        },
        {
          name: 'sql-std-2',
          entityRef: 'component:default/orders',
          provider: 'Microsoft',
          days,
          tags: byolTags(STANDARD),
          details: { CoreCount: 8 },
        },
      ]);
      const { service } = licenseServiceFor(knex, entities);
      await service.applyEntitlements(
        [
          {
            positionName: 'record',
            records: [
              entitlement('win-2021', WINDOWS, 64, {
                acquiredOn: '2021-03-01',
                softwareAssurance: true,
              }),
              entitlement('std-2024', STANDARD, 8, {
                softwareAssurance: true,
                acquiredOn: '2024-01-15',
              }),
              // Two Enterprise cores with Software Assurance, used nowhere: they cover 8 Standard vCPUs on Azure.
              entitlement('ent-sa', ENTERPRISE, 2, {
                softwareAssurance: true,
                acquiredOn: '2024-01-15',
              }),
            ].map((value, position) => ({ position, value })),
          },
        ],
        'api',
      );

      const position = await service.position();
      const windows = position.find(p => p.productId === WINDOWS)!;
      expect(windows.position).toBeGreaterThan(0);
      expect(windows).toMatchObject({
        status: 'non-compliant',
        nonCompliance: [
          {
            rule: 'dedicated-host-cutoff',
            entityRef: 'component:default/reporting',
            resourceName: 'win-host-vm',
            message: expect.stringMatching(
              /acquired on or after 2019-10-01 may not be brought to dedicated hosts on AWS/,
            ),
          },
        ],
      });

      const standard = position.find(p => p.productId === STANDARD)!;
      expect(standard).toMatchObject({
        entitled: 8,
        required: 16,
        position: 0,
        status: 'compliant',
        exposure: null,
        coveredBy: [
          {
            entitlementId: 'std-2024',
            productId: STANDARD,
            quantity: 8,
            entitlementQuantity: 8,
          },
          {
            entitlementId: 'ent-sa',
            productId: ENTERPRISE,
            quantity: 8,
            entitlementQuantity: 2,
          },
        ],
      });
      expect(position.find(p => p.productId === ENTERPRISE)).toMatchObject({
        entitled: 2,
        position: 0,
        shelfware: 0,
        conversions: [
          {
            entitlementId: 'ent-sa',
            coveredProductId: STANDARD,
            quantity: 8,
            entitlementQuantity: 2,
          },
        ],
      });

      // The entity row: not covered, with the rule that failed.
      const reporting = await service.entityLicenses({
        kind: 'component',
        namespace: 'default',
        name: 'reporting',
      });
      const row = reporting.products.find(p => p.productId === WINDOWS)!;
      expect(row).toMatchObject({ covered: false, status: 'non-compliant' });
      expect(row.flags).toContainEqual({
        kind: 'byol-not-allowed',
        rule: 'dedicated-host-cutoff',
        message: expect.stringMatching(
          /may not be brought to dedicated hosts on AWS/,
        ),
      });
      // The Standard row says what covered it.
      const orders = await service.entityLicenses({
        kind: 'component',
        namespace: 'default',
        name: 'orders',
      });
      const standardRow = orders.products.find(p => p.productId === STANDARD)!;
      expect(standardRow).toMatchObject({
        covered: true,
        coveredBy: [
          {
            entitlementId: 'ent-sa',
            productId: ENTERPRISE,
            quantity: 8,
            entitlementQuantity: 2,
          },
        ],
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'flags SQL Server on shared hosts beyond the licenses with License Mobility, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertLicensedVms(knex, [
        {
          name: 'sql-1',
          entityRef: 'component:default/orders',
          days,
          tags: byolTags(ENTERPRISE),
          details: { CoreCount: 8 },
        },
        {
          name: 'sql-2',
          entityRef: 'component:default/orders',
          days,
          tags: byolTags(ENTERPRISE),
          details: { CoreCount: 8 },
        },
      ]);
      const { service } = licenseServiceFor(knex, entities);
      await service.applyEntitlements(
        [
          {
            positionName: 'record',
            records: [
              entitlement('ent-sa', ENTERPRISE, 4, {
                softwareAssurance: true,
                acquiredOn: '2024-01-15',
              }),
              entitlement('ent-perpetual', ENTERPRISE, 12, {
                acquiredOn: '2018-06-01',
              }),
            ].map((value, position) => ({ position, value })),
          },
        ],
        'api',
      );
      // 16 entitled for 16 required, but only 4 of them may be on shared AWS hosts.
      const enterprise = (await service.position()).find(
        p => p.productId === ENTERPRISE,
      )!;
      expect(enterprise).toMatchObject({
        entitled: 16,
        required: 16,
        position: 0,
        status: 'non-compliant',
      });
      expect(
        enterprise.nonCompliance!.map(n => [n.resourceName, n.rule]),
      ).toEqual([
        ['sql-1', 'license-mobility'],
        ['sql-2', 'license-mobility'],
      ]);
      expect(enterprise.nonCompliance![0].message).toMatch(
        /^12 of 16 core licenses for SQL Server Enterprise on AWS/,
      );
      await knex.destroy();
    },
  );
});
