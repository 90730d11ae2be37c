import { migrationConfig } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { insertLicensedVms, daysFrom } from './__testUtils__/licenseFixtures';
import {
  LicensedFactRow,
  groupLicensedResources,
  readLicensedFacts,
} from './costDataLicenses';
import { InstanceTypeTable } from './instanceTypes';
import { DEFAULT_COST_DATA_SETTINGS } from './licenseConfig';
import { costDataConsumptions } from './licenseConsumption';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';

jest.setTimeout(60_000);

const settings = DEFAULT_COST_DATA_SETTINGS;
const products = new Map(SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]));
const DATACENTER = 'microsoft-windows-server-datacenter';

const consumptionsOf = (rows: LicensedFactRow[]) =>
  costDataConsumptions(
    groupLicensedResources(rows, settings, new InstanceTypeTable()),
    {
      products,
      activeEntitlements: new Map(),
    },
  );
const total = (consumptions: Array<{ counted: number }>) =>
  consumptions.reduce((sum, c) => sum + c.counted, 0);
/** Flags other than BYOL rights (checked in byolRules.test.ts): size, host and core-count problems. */
const factFlags = (consumptions: Array<{ flags: Array<{ kind: string }> }>) =>
  consumptions.flatMap(c => c.flags).filter(f => f.kind !== 'byol-not-allowed');

const row = (overrides: Partial<LicensedFactRow>): LicensedFactRow => ({
  day: '2026-11-20',
  resourceId: 'vm-1',
  resourceName: null,
  providerName: 'AWS',
  skuId: 'ec2/usage',
  skuPriceDetails: null,
  tags: null,
  entityRef: 'component:default/a',
  ...overrides,
});

/** The AWS Dedicated Host `h-0a1` of the m5 family: 48 physical cores on 2 sockets. */
const m5Host = row({
  resourceId: 'h-0a1',
  resourceType: 'Dedicated Host',
  skuPriceDetails: '{"InstanceType":"m5"}',
  entityRef: null,
});

/** Ten 4-vCPU VMs on host `host`, six of component a and four of component b. */
const tenVms = (product: string, host: string) =>
  Array.from({ length: 10 }, (_, i) =>
    row({
      resourceId: `vm-${i}`,
      tags: JSON.stringify({
        'license-product': product,
        'license-model': 'byol',
        'license-host': host,
      }),
      skuPriceDetails: '{"InstanceType":"m5.xlarge"}',
      entityRef: i < 6 ? 'component:default/a' : 'component:default/b',
    }),
  );

describe('licenses on dedicated hosts', () => {
  it('counts Windows Server Datacenter on a 48-core host with ten 4-vCPU VMs as 48, not 80', () => {
    const consumptions = consumptionsOf([
      m5Host,
      ...tenVms(DATACENTER, 'h-0a1'),
    ]);
    expect(consumptions).toHaveLength(10);
    expect(total(consumptions)).toBe(48);
    // The host's licenses are shared out over its VMs by vCPUs, in whole licenses.
    expect(consumptions.map(c => c.counted).sort()).toEqual([
      4, 4, 5, 5, 5, 5, 5, 5, 5, 5,
    ]);
    expect(consumptions[0].reason.rule).toMatch(
      /^dedicated host h-0a1 \(48 physical cores, 2 processors\) → 48 core licenses: all physical cores, covers any number of VMs; this VM carries [45] of them \(4 of the 40 vCPUs on the host\)$/,
    );
    expect(factFlags(consumptions)).toEqual([]);
    // Placed on a dedicated host for the BYOL rules.
    expect(consumptions[0].resource?.tenancy).toBe('dedicated-host');
  });

  it('licenses the host cores once per 2 VMs for Windows Server Standard', () => {
    const threeVms = tenVms('microsoft-windows-server-standard', 'h-0a1').slice(
      0,
      3,
    );
    expect(total(consumptionsOf([m5Host, ...threeVms]))).toBe(96);
  });

  it('counts a host that carries the product itself, found by its resource type or its host family', () => {
    const [aws] = consumptionsOf([
      {
        ...m5Host,
        tags: JSON.stringify({
          'license-product': DATACENTER,
          'license-model': 'byol',
        }),
      },
    ]);
    expect(aws.counted).toBe(48);
    expect(factFlags([aws])).toEqual([]);
    // An Azure host known only by its SKU (Dsv3-Type3: 52 physical cores).
    const [azure] = consumptionsOf([
      row({
        resourceId: 'azure-host-1',
        providerName: 'Microsoft',
        skuPriceDetails: '{"InstanceType":"DSv3-Type3"}',
        tags: JSON.stringify({
          'license-product': 'microsoft-sql-server-enterprise',
          'license-model': 'byol',
        }),
      }),
    ]);
    expect(azure.counted).toBe(52);
    expect(azure.resource?.tenancy).toBe('dedicated-host');
  });

  it('counts per VM and flags the VMs when the host’s cores are unknown', () => {
    const consumptions = consumptionsOf(tenVms(DATACENTER, 'h-unknown'));
    expect(total(consumptions)).toBe(80);
    expect(factFlags(consumptions.slice(0, 1))).toEqual([
      {
        kind: 'unknown-size',
        message:
          'vm-0 runs on dedicated host h-unknown, whose physical cores are unknown (no Dedicated Host row in cost data and no host type in finopsItam.licenses.hostTypes): counted per VM until they are known',
      },
    ]);
  });

  it('counts products without a host rule per VM, even on a dedicated host', () => {
    const consumptions = consumptionsOf([
      m5Host,
      ...tenVms('oracle-database-enterprise', 'h-0a1'),
    ]);
    // 4 vCPUs with hyper-threading: 2 processor licenses each.
    expect(total(consumptions)).toBe(20);
  });
});

describe('dedicated hosts in stored cost data', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'reads the host row without license tags and counts its VMs on it, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      const days = daysFrom('2026-11-20', 3);
      await insertLicensedVms(knex, [
        {
          name: 'h-0a1',
          entityRef: null,
          days,
          details: { InstanceType: 'm5' },
        },
        ...Array.from({ length: 10 }, (_, i) => ({
          name: `vm-${i}`,
          entityRef: 'component:default/a',
          days,
          tags: {
            'license-product': DATACENTER,
            'license-model': 'byol',
            'license-host': 'id-h-0a1',
          },
          details: { InstanceType: 'm5.xlarge' },
        })),
      ]);
      await knex('finops_itam_cost_facts')
        .where('resource_name', 'h-0a1')
        .update({ resource_type: 'Dedicated Host' });

      const facts = await readLicensedFacts(knex, settings);
      const resources = groupLicensedResources(
        facts.rows,
        settings,
        new InstanceTypeTable(),
      );
      expect(resources.map(r => r.key)).not.toContain('id-h-0a1');
      const consumptions = costDataConsumptions(resources, {
        products,
        activeEntitlements: new Map(),
      });
      expect(consumptions).toHaveLength(10);
      expect(total(consumptions)).toBe(48);
      expect(consumptions.every(c => c.counted === 4 || c.counted === 5)).toBe(
        true,
      );
    },
  );
});
