import { migrationConfig } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  daysFrom,
  insertLicensedVms,
  licenseServiceFor,
} from './__testUtils__/licenseFixtures';
import { groupLicensedResources, readLicensedFacts } from './costDataLicenses';
import { DatabaseLicensedFactStore } from './DatabaseLicensedFactStore';
import { InstanceTypeTable } from './instanceTypes';
import { costDataConsumptions } from './licenseConsumption';
import {
  DATACENTER,
  consumptionsOf,
  factFlags,
  m5Host,
  products,
  row,
  settings,
  tenVms,
  total,
} from './__testUtils__/dedicatedHostFixtures';

jest.setTimeout(60_000);

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

      const facts = await readLicensedFacts(
        new DatabaseLicensedFactStore(knex),
        settings,
      );
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
      // The license position needs the host's 48 core licenses, not 10 × 8.
      const { service } = licenseServiceFor(knex, []);
      const position = await service.position();
      expect(position.find(p => p.productId === DATACENTER)?.required).toBe(48);
    },
  );
});
