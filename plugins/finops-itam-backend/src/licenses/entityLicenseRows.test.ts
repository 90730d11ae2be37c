import { Knex } from 'knex';
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

const SQL = 'microsoft-sql-server-enterprise';
const lastWeek = daysFrom('2026-11-20', 7);

/**
 * Two services declaring 16 SQL Server Enterprise cores in `finops-itam.io/licenses` (say
 * an on-premises replica the cloud bill does not show) next to an 8-vCPU VM in cost data:
 * license-included for payments, BYOL for billing.
 */
const entities = [
  testEntity('Component', 'payments', {
    annotations: { 'finops-itam.io/licenses': `${SQL}=16` },
    spec: { lifecycle: 'production' },
  }),
  testEntity('Component', 'billing', {
    annotations: { 'finops-itam.io/licenses': `${SQL}=16` },
    spec: { lifecycle: 'production' },
  }),
];

async function setUp(knex: Knex) {
  await knex.migrate.latest(migrationConfig);
  await insertLicensedVms(knex, [
    {
      name: 'sql-li',
      entityRef: 'component:default/payments',
      days: lastWeek,
      skuId: 'ec2/us-east-1/m5.2xlarge/Windows:SQL-Ent',
      details: { CoreCount: 8, x_LicenseModel: 'License Included' },
    },
    {
      name: 'sql-byol',
      entityRef: 'component:default/billing',
      days: lastWeek,
      tags: byolTags(SQL),
      details: { CoreCount: 8 },
    },
  ]);
  return licenseServiceFor(knex, entities).service;
}

const sourcesOf = (product: {
  sources: Array<{
    model: string;
    source: string;
    required: number;
    reasons: Array<{ rule: string }>;
  }>;
}) =>
  product.sources.map(s => ({
    model: s.model,
    source: s.source,
    required: s.required,
    rules: s.reasons.map(r => r.rule),
  }));

describe('an entity that declares a product and runs it in the cloud', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'gets one row per product, its declaration added unless BYOL cost data covers it, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const service = await setUp(knex);

      // License-included use offsets nothing: 16 cores need entitlements, 8 came with the bill.
      const payments = await service.entityLicenses({
        kind: 'component',
        namespace: 'default',
        name: 'payments',
      });
      expect(payments.products).toHaveLength(1);
      expect(payments.products[0]).toMatchObject({
        productId: SQL,
        required: 16,
        licenseIncluded: 8,
        // Short of entitlements (the status may also say that billing's BYOL breaks its rights).
        covered: false,
      });
      expect(sourcesOf(payments.products[0])).toEqual([
        {
          model: 'declared',
          source: 'catalog',
          required: 16,
          rules: ['declared 16 core licenses in finops-itam.io/licenses'],
        },
        {
          model: 'license-included',
          source: 'cost-data',
          required: 8,
          rules: [
            '8 vCPUs → 8 core licenses (license included in the cloud bill)',
          ],
        },
      ]);

      // BYOL use is part of what was declared: 16 in all, 8 from each source.
      const billing = await service.entityLicenses({
        kind: 'component',
        namespace: 'default',
        name: 'billing',
      });
      expect(billing.products).toHaveLength(1);
      expect(billing.products[0]).toMatchObject({
        productId: SQL,
        required: 16,
        licenseIncluded: 0,
      });
      expect(sourcesOf(billing.products[0])).toEqual([
        {
          model: 'byol',
          source: 'cost-data',
          required: 8,
          rules: ['8 vCPUs → 8 core licenses'],
        },
        {
          model: 'declared',
          source: 'catalog',
          required: 8,
          rules: [
            'declared 16 core licenses in finops-itam.io/licenses; 8 of them are the BYOL use in cost data, 8 added',
          ],
        },
      ]);

      // The organisation needs 32 entitlements (16 each); the 8 license-included cores apart.
      const [sql] = await service.position();
      expect(sql).toMatchObject({
        productId: SQL,
        entitled: 0,
        required: 40,
        licenseIncludedRequired: 8,
        byolRequired: 8,
        position: -32,
      });
      await knex.destroy();
    },
  );
});
