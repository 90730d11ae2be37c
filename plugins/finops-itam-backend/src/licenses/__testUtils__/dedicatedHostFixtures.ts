import { LicensedFactRow, groupLicensedResources } from '../costDataLicenses';
import { InstanceTypeTable } from '../instanceTypes';
import { DEFAULT_COST_DATA_SETTINGS } from '../licenseConfig';
import { costDataConsumptions } from '../licenseConsumption';
import { SHIPPED_LICENSE_PRODUCTS } from '../shippedProducts';

/** Cost rows of VMs on dedicated hosts, for the dedicated-host tests. */

export const settings = DEFAULT_COST_DATA_SETTINGS;
export const products = new Map(SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]));
export const DATACENTER = 'microsoft-windows-server-datacenter';

export const consumptionsOf = (rows: LicensedFactRow[]) =>
  costDataConsumptions(
    groupLicensedResources(rows, settings, new InstanceTypeTable()),
    {
      products,
      activeEntitlements: new Map(),
    },
  );
export const total = (consumptions: Array<{ counted: number }>) =>
  consumptions.reduce((sum, c) => sum + c.counted, 0);
/** Flags other than BYOL rights (checked in byolRules.test.ts): size, host and core-count problems. */
export const factFlags = (
  consumptions: Array<{ flags: Array<{ kind: string }> }>,
) =>
  consumptions.flatMap(c => c.flags).filter(f => f.kind !== 'byol-not-allowed');

export const row = (overrides: Partial<LicensedFactRow>): LicensedFactRow => ({
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
export const m5Host = row({
  resourceId: 'h-0a1',
  resourceType: 'Dedicated Host',
  skuPriceDetails: '{"InstanceType":"m5"}',
  entityRef: null,
});

/** Ten 4-vCPU VMs on host `host`, six of component a and four of component b. */
export const tenVms = (product: string, host: string) =>
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
