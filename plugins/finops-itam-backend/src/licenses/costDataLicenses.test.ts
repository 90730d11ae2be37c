import { LicenseEntitlement } from '@finops-itam/plugin-finops-itam-common';
import {
  LicensedFactRow,
  detectLicenses,
  groupLicensedResources,
} from './costDataLicenses';
import { InstanceTypeTable } from './instanceTypes';
import { costDataConsumptions } from './licenseConsumption';
import { DEFAULT_COST_DATA_SETTINGS } from './licenseConfig';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';

const row = (overrides: Partial<LicensedFactRow>): LicensedFactRow => ({
  day: '2026-11-20',
  resourceId: 'vm-1',
  resourceName: 'vm-1',
  providerName: 'AWS',
  skuId: 'ec2/m5.large/Linux',
  skuPriceDetails: null,
  tags: null,
  entityRef: 'component:default/a',
  ...overrides,
});

describe('license detection in cost data', () => {
  const settings = DEFAULT_COST_DATA_SETTINGS;

  it('reads the product and model tags, and falls back to the SKU details for the model', () => {
    expect(
      detectLicenses(
        row({
          tags: '{"license-product":" RHEL ","license-model":"License Included"}',
        }),
        settings,
      ),
    ).toEqual([{ productId: 'rhel', model: 'license-included', via: 'tag' }]);
    // Azure Hybrid Benefit in the price details: BYOL without a model tag.
    expect(
      detectLicenses(
        row({
          tags: '{"license-product":"microsoft-windows-server-datacenter"}',
          skuPriceDetails: '{"x_LicenseModel":"Azure Hybrid Benefit"}',
        }),
        settings,
      ),
    ).toEqual([
      {
        productId: 'microsoft-windows-server-datacenter',
        model: 'byol',
        via: 'tag',
      },
    ]);
    expect(
      detectLicenses(
        row({ tags: '{"license-product":"rhel","license-model":"maybe"}' }),
        settings,
      ),
    ).toEqual([
      { productId: 'rhel', model: 'byol', via: 'tag', badModelTag: 'maybe' },
    ]);
  });

  it('recognises license-included SQL Server from the SKU, and a tag wins over the SKU', () => {
    expect(
      detectLicenses(row({ skuId: 'ec2/m5.xlarge/Windows:SQL-Std' }), settings),
    ).toEqual([
      {
        productId: 'microsoft-sql-server-standard',
        model: 'license-included',
        via: 'sku',
      },
    ]);
    expect(
      detectLicenses(
        row({
          skuId: 'ec2/m5.xlarge/Windows:SQL-Ent',
          tags: '{"license-product":"microsoft-sql-server-enterprise","license-model":"byol"}',
        }),
        settings,
      ),
    ).toEqual([
      {
        productId: 'microsoft-sql-server-enterprise',
        model: 'byol',
        via: 'tag',
      },
    ]);
    // Pre-installed software in the price details (Azure license meters), but not MySQL.
    expect(
      detectLicenses(
        row({
          skuId: '4f1c9a',
          skuPriceDetails:
            '{"x_PreInstalledSoftware":"SQL Enterprise","x_LicenseModel":"License Included"}',
        }),
        settings,
      ),
    ).toEqual([
      {
        productId: 'microsoft-sql-server-enterprise',
        model: 'license-included',
        via: 'sku',
      },
    ]);
    expect(
      detectLicenses(
        row({
          skuPriceDetails: '{"x_PreInstalledSoftware":"MySQL Enterprise"}',
        }),
        settings,
      ),
    ).toEqual([]);
    expect(detectLicenses(row({}), settings)).toEqual([]);
  });

  it('sizes resources from CoreCount, x_ columns or the instance-type table, else leaves them unknown', () => {
    const tags = '{"license-product":"rhel"}';
    const resources = groupLicensedResources(
      [
        row({ resourceId: 'a', tags, skuPriceDetails: '{"CoreCount":"12"}' }),
        row({ resourceId: 'b', tags, skuPriceDetails: '{"x_vCPUs":6}' }),
        row({
          resourceId: 'c',
          tags,
          skuPriceDetails: '{"InstanceType":"Standard_D8s_v5"}',
        }),
        row({
          resourceId: 'd',
          tags,
          skuPriceDetails: '{"InstanceType":"n2-highmem-16"}',
        }),
        row({
          resourceId: 'e',
          tags,
          skuPriceDetails: '{"InstanceType":"m6i.4xlarge"}',
        }),
        row({
          resourceId: 'f',
          tags,
          skuPriceDetails: '{"InstanceType":"custom-thing"}',
        }),
        row({
          resourceId: 'g',
          tags,
          skuPriceDetails: '{"InstanceType":"custom-thing"}',
        }),
      ],
      settings,
      new InstanceTypeTable({ 'CUSTOM-THING': 3 }),
    );
    expect(resources.map(r => [r.key, r.vcpus])).toEqual([
      ['a', 12],
      ['b', 6],
      ['c', 8],
      ['d', 16],
      ['e', 16],
      ['f', 3],
      ['g', 3],
    ]);
    const unknown = groupLicensedResources(
      [row({ tags, skuPriceDetails: '{"InstanceType":"zz.odd"}' })],
      settings,
      new InstanceTypeTable(),
    );
    expect(unknown[0].vcpus).toBeNull();
  });
});

describe('FOCUS 1.3 host provider', () => {
  const settings = DEFAULT_COST_DATA_SETTINGS;
  const products = new Map(SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]));
  const consumptionsOf = (rows: LicensedFactRow[]) =>
    costDataConsumptions(
      groupLicensedResources(rows, settings, new InstanceTypeTable()),
      {
        products,
        activeEntitlements: new Map(),
      },
    );

  it('places a resource at its host provider, not at the marketplace seller that bills it', () => {
    // Windows Server BYOL on an Azure VM sold through the marketplace by a third party:
    // Azure Hybrid Benefit applies where the VM runs, whoever the seller is.
    const rows = [
      row({
        providerName: 'Contoso Images Ltd',
        hostProviderName: 'Microsoft',
        tags: '{"license-product":"microsoft-windows-server-datacenter","license-model":"byol"}',
        skuPriceDetails: '{"CoreCount":8}',
      }),
    ];
    const [resource] = groupLicensedResources(
      rows,
      settings,
      new InstanceTypeTable(),
    );
    expect(resource.provider).toBe('Microsoft');
    // Azure Hybrid Benefit needs Software Assurance: an entitlement with it allows the VM.
    const withSa: LicenseEntitlement = {
      id: 'win-sa',
      productId: 'microsoft-windows-server-datacenter',
      metric: 'per-core',
      quantity: 16,
      owner: 'group:default/itam',
      cost: { amount: '1', currency: 'USD', per: 'term' },
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
      softwareAssurance: true,
    };
    const [consumption] = costDataConsumptions(
      groupLicensedResources(rows, settings, new InstanceTypeTable()),
      {
        products,
        activeEntitlements: new Map([[withSa.productId, [withSa]]]),
      },
    );
    expect(consumption).toMatchObject({ counted: 8, flags: [] });
    // Without HostProviderName (FOCUS 1.0-1.2), the provider name is the location.
    expect(
      groupLicensedResources(
        [row({ hostProviderName: null, tags: '{"license-product":"rhel"}' })],
        settings,
        new InstanceTypeTable(),
      )[0].provider,
    ).toBe('AWS');
  });

  it('does not count software and service charges (HostProviderName "Not Applicable") as VM deployments', () => {
    const tags =
      '{"license-product":"microsoft-sql-server-enterprise","license-model":"byol"}';
    const rows = [
      // The marketplace charge for the SQL Server license itself, with the core count it sells.
      row({
        resourceId: 'sql-offer',
        providerName: 'Contoso Images Ltd',
        hostProviderName: 'Not Applicable',
        tags,
        skuPriceDetails: '{"CoreCount":16}',
      }),
      // A VM that runs it on shared AWS hosts.
      row({
        resourceId: 'vm-1',
        hostProviderName: 'AWS',
        tags,
        skuPriceDetails: '{"CoreCount":4}',
      }),
    ];
    const [charge, vm] = consumptionsOf(rows);
    expect(charge).toMatchObject({
      counted: 0,
      flags: [],
      reason: {
        resourceId: 'sql-offer',
        vcpus: null,
        quantity: 0,
        rule: 'a software or service charge (HostProviderName "Not Applicable"), not a deployment: not counted',
      },
    });
    expect(vm).toMatchObject({ counted: 4 });
    // The VM is still checked: no Software Assurance here.
    expect(vm.flags.map((f: { kind: string }) => f.kind)).toEqual([
      'byol-not-allowed',
    ]);
  });
});
describe('instance facts', () => {
  const settings = DEFAULT_COST_DATA_SETTINGS;
  const products = new Map(SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]));
  const consumptionsOf = (rows: LicensedFactRow[]) =>
    costDataConsumptions(
      groupLicensedResources(rows, settings, new InstanceTypeTable()),
      {
        products,
        activeEntitlements: new Map(),
      },
    );
  const oracleTags =
    '{"license-product":"oracle-database-enterprise","license-model":"byol"}';

  it('counts Oracle EE one processor per vCPU on instance types with one thread per core', () => {
    const [graviton, intel, disabled] = consumptionsOf([
      row({
        resourceId: 'graviton',
        tags: oracleTags,
        skuPriceDetails: '{"InstanceType":"m7g.2xlarge"}',
      }),
      row({
        resourceId: 'intel',
        tags: oracleTags,
        skuPriceDetails: '{"InstanceType":"m5.2xlarge"}',
      }),
      // Multithreading turned off on an x86 type (EC2 CPU options) also counts per vCPU.
      row({
        resourceId: 'no-smt',
        tags: oracleTags,
        skuPriceDetails: '{"InstanceType":"m5.2xlarge","ThreadsPerCore":1}',
      }),
    ]);
    expect(graviton).toMatchObject({ counted: 8, flags: [] });
    expect(graviton.reason.rule).toBe(
      '8 vCPUs → 8 processor licenses: 1 vCPU per license without hyper-threading',
    );
    expect(intel).toMatchObject({ counted: 4, flags: [] });
    expect(disabled).toMatchObject({ counted: 8 });
  });

  it('counts the instance type’s vCPUs when CoreCount disagrees with them, and flags the deployment', () => {
    const [sql] = consumptionsOf([
      row({
        skuId: 'ec2/m5.4xlarge/Windows:SQL-Ent',
        skuPriceDetails: '{"CoreCount":8,"InstanceType":"m5.4xlarge"}',
      }),
    ]);
    expect(sql.counted).toBe(16);
    expect(sql.flags).toEqual([
      {
        kind: 'core-count-mismatch',
        message:
          'vm-1: CoreCount 8 vs 16 vCPUs for m5.4xlarge; the 16 vCPUs are counted (CoreCount may be physical cores)',
      },
    ]);
    // Agreeing facts raise nothing.
    expect(
      consumptionsOf([
        row({
          skuId: 'ec2/m5.4xlarge/Windows:SQL-Ent',
          skuPriceDetails: '{"CoreCount":16,"InstanceType":"m5.4xlarge"}',
        }),
      ])[0].flags,
    ).toEqual([]);
  });

  it('names the record and field of an instance type it does not know', () => {
    const [unknown] = consumptionsOf([
      row({
        resourceId: 'vm-9',
        resourceName: 'vm-9',
        tags: oracleTags,
        skuPriceDetails: '{"x_InstanceType":"zz.odd"}',
      }),
    ]);
    expect(unknown.counted).toBe(0);
    expect(unknown.flags).toEqual([
      {
        kind: 'unknown-size',
        message:
          'vm-9 (cost row of 2026-11-20): SkuPriceDetails.x_InstanceType "zz.odd" is not a known instance type and the row has no CoreCount, so it is not counted; add it to finopsItam.licenses.instanceTypes',
      },
    ]);
  });
});
