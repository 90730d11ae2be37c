import { LicensedFactRow, groupLicensedResources } from './costDataLicenses';
import { InstanceTypeTable } from './instanceTypes';
import { DEFAULT_COST_DATA_SETTINGS } from './licenseConfig';
import { costDataConsumptions } from './licenseConsumption';
import { licenseTrend } from './licenseTrend';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';

const products = new Map(SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]));

function vm(
  name: string,
  product: string,
  cores: number,
  days: string[],
  entityRef = 'component:default/a',
): LicensedFactRow[] {
  return days.map(day => ({
    day,
    resourceId: name,
    resourceName: name,
    providerName: 'AWS',
    skuId: `ec2/${name}`,
    skuPriceDetails: JSON.stringify({ CoreCount: cores }),
    tags: JSON.stringify({
      'license-product': product,
      'license-model': 'byol',
    }),
    entityRef,
  }));
}

describe('licenseTrend', () => {
  it('counts each day with the rules of that day, subscriptions per entity and day', () => {
    const rows = [
      // SQL Server Enterprise per core: 4 (minimum) from day 1, 8 more from day 3.
      ...vm('sql-a', 'microsoft-sql-server-enterprise', 2, [
        '2026-11-01',
        '2026-11-02',
        '2026-11-03',
      ]),
      ...vm('sql-b', 'microsoft-sql-server-enterprise', 7, ['2026-11-03']),
      // RHEL covers two VMs of one entity: 1, then 2 for three VMs, then 1 again.
      ...vm('rhel-a', 'rhel', 2, ['2026-11-02', '2026-11-03']),
      ...vm('rhel-b', 'rhel', 2, ['2026-11-02', '2026-11-03']),
      ...vm('rhel-c', 'rhel', 2, ['2026-11-03']),
      // Another entity's VM does not share a's subscription.
      ...vm('rhel-d', 'rhel', 2, ['2026-11-02'], 'component:default/b'),
    ];
    const resources = groupLicensedResources(
      rows,
      DEFAULT_COST_DATA_SETTINGS,
      new InstanceTypeTable({}),
    );
    const consumptions = costDataConsumptions(resources, {
      products,
      activeEntitlements: new Map(),
    });
    const trend = licenseTrend({
      resources,
      consumptions,
      products,
      latestDay: '2026-11-04',
    });
    const values = (id: string) =>
      trend.get(id)!.map(p => `${p.day.slice(8)}:${p.value}`);
    expect(values('microsoft-sql-server-enterprise')).toEqual([
      '01:4',
      '02:4',
      '03:12',
      '04:0',
    ]);
    // Starts on the product's first day in the window, not before.
    expect(values('rhel')).toEqual(['02:2', '03:2', '04:0']);
  });

  it('is empty without cost data', () => {
    expect(
      licenseTrend({
        resources: [],
        consumptions: [],
        products,
        latestDay: null,
      }),
    ).toEqual(new Map());
  });
});
