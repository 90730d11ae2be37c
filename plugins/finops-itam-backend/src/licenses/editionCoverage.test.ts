import {
  LicenseEntitlement,
  LicensePositionEntry,
} from '@finops-itam/plugin-finops-itam-common';
import { ConfigReader } from '@backstage/config';
import { applyEditionCoverage } from './editionCoverage';
import {
  LicenseProductCatalog,
  readProductConfig,
} from './LicenseProductCatalog';
import { Consumption } from './licenseConsumption';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';

const ENTERPRISE = 'microsoft-sql-server-enterprise';
const STANDARD = 'microsoft-sql-server-standard';
const products = new Map(SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]));
const TODAY = '2026-11-27';

const entitlement = (
  id: string,
  productId: string,
  quantity: number,
  fields: Partial<LicenseEntitlement> = {},
): LicenseEntitlement => ({
  id,
  productId,
  metric: 'per-core',
  quantity,
  owner: 'group:default/itam',
  cost: { amount: '1', currency: 'USD', per: 'term' },
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  ...fields,
});

/** A position entry as computePosition leaves it: own entitlements against the need. */
function entry(
  productId: string,
  entitled: number,
  needed: number,
): LicensePositionEntry {
  const product = products.get(productId)!;
  const position = entitled - needed;
  const shortage = Math.max(0, -position);
  let status: LicensePositionEntry['status'] = 'compliant';
  if (position < 0) status = 'shortage';
  else if (position > 0) status = 'surplus';
  return {
    productId,
    productName: product.name,
    metric: product.metric,
    entitled,
    required: needed,
    byolRequired: needed,
    licenseIncludedRequired: 0,
    position,
    status,
    exposure:
      shortage > 0 ? { amount: String(945 * shortage), currency: 'USD' } : null,
    trueUpDate: null,
    projectedAtTrueUp: null,
    shelfware: Math.max(0, position),
    unknownSizeResources: 0,
    licenseEntityRef: null,
  };
}

/** A BYOL VM of a product on a provider. */
const vm = (
  productId: string,
  counted: number,
  provider: string,
): Consumption =>
  ({
    productId,
    entityRef: 'component:default/db',
    model: 'byol',
    counted,
    reason: { source: 'cost-data', quantity: counted, rule: '' },
    flags: [],
    resource: { provider, tenancy: 'shared' },
  } as unknown as Consumption);

const cover = (
  position: LicensePositionEntry[],
  entitlements: LicenseEntitlement[],
  consumptions: Consumption[],
) =>
  applyEditionCoverage(position, {
    products,
    entitlements,
    consumptions,
    today: TODAY,
  });

describe('edition conversions', () => {
  it('uses the product’s own entitlements first and leaves the covering product alone', () => {
    const position = [entry(ENTERPRISE, 4, 0), entry(STANDARD, 8, 8)];
    const result = cover(
      position,
      [
        entitlement('ent-sa', ENTERPRISE, 4, { softwareAssurance: true }),
        entitlement('std', STANDARD, 8),
      ],
      [vm(STANDARD, 8, 'Microsoft')],
    );
    expect(result).toEqual(position);
  });

  it('covers four vCPUs of Standard on Azure with one Enterprise core with Software Assurance (Azure Hybrid Benefit)', () => {
    const result = cover(
      [entry(ENTERPRISE, 2, 0), entry(STANDARD, 8, 16)],
      [
        entitlement('ent-sa', ENTERPRISE, 2, { softwareAssurance: true }),
        entitlement('std', STANDARD, 8),
      ],
      [vm(STANDARD, 8, 'Microsoft'), vm(STANDARD, 8, 'Microsoft')],
    );
    const [enterprise, standard] = result;
    expect(standard).toMatchObject({
      entitled: 8,
      position: 0,
      status: 'compliant',
      exposure: null,
      coveredBy: [
        {
          entitlementId: 'std',
          productId: STANDARD,
          quantity: 8,
          entitlementQuantity: 8,
        },
        {
          entitlementId: 'ent-sa',
          productId: ENTERPRISE,
          quantity: 8,
          entitlementQuantity: 2,
          rule: expect.stringMatching(
            /^1 core license of SQL Server Enterprise covers 4 core licenses of SQL Server Standard on Microsoft, Azure, with Software Assurance/,
          ),
        },
      ],
    });
    expect(enterprise).toMatchObject({
      entitled: 2,
      position: 0,
      status: 'compliant',
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
  });

  it('covers Standard one to one with Enterprise surplus elsewhere (down-edition), without Software Assurance', () => {
    const result = cover(
      [entry(ENTERPRISE, 10, 4), entry(STANDARD, 8, 16)],
      [
        entitlement('ent', ENTERPRISE, 10, { softwareAssurance: true }),
        entitlement('std', STANDARD, 8),
      ],
      [vm(ENTERPRISE, 4, 'AWS'), vm(STANDARD, 16, 'AWS')],
    );
    const [enterprise, standard] = result;
    // 6 Enterprise cores to spare cover 6 of the 8 missing; 4:1 is for Azure only, SA or not.
    expect(standard).toMatchObject({
      position: -2,
      status: 'shortage',
      exposure: { amount: '1890', currency: 'USD' },
      coveredBy: [
        {
          entitlementId: 'std',
          productId: STANDARD,
          quantity: 8,
          entitlementQuantity: 8,
        },
        {
          entitlementId: 'ent',
          productId: ENTERPRISE,
          quantity: 6,
          entitlementQuantity: 6,
          rule: expect.stringMatching(/down-edition/),
        },
      ],
    });
    expect(enterprise).toMatchObject({
      position: 0,
      status: 'compliant',
      shelfware: 0,
    });
  });

  it('covers Azure use at 4:1 and the rest at 1:1, own licenses going to the use the conversions cannot reach', () => {
    const result = cover(
      [entry(ENTERPRISE, 4, 0), entry(STANDARD, 8, 24)],
      [
        // Enterprise's own need (none) would be met by the license without SA first.
        entitlement('ent-perpetual', ENTERPRISE, 2),
        entitlement('ent-sa', ENTERPRISE, 2, { subscription: true }),
        entitlement('std', STANDARD, 8),
      ],
      [vm(STANDARD, 8, 'AWS'), vm(STANDARD, 16, 'Microsoft Azure')],
    );
    const [enterprise, standard] = result;
    // Own 8 cover the AWS VM; 16 on Azure: 8 through the 2 subscription cores at 4:1,
    // 2 through the perpetual ones at 1:1; 6 still missing.
    expect(standard).toMatchObject({ position: -6, status: 'shortage' });
    expect(
      standard.coveredBy!.map(c => [
        c.entitlementId,
        c.quantity,
        c.entitlementQuantity,
      ]),
    ).toEqual([
      ['std', 8, 8],
      ['ent-sa', 8, 2],
      ['ent-perpetual', 2, 2],
    ]);
    expect(enterprise).toMatchObject({
      position: 0,
      shelfware: 0,
      status: 'compliant',
    });
  });

  it('keeps Enterprise licenses with Software Assurance free for conversions, using the others for Enterprise itself', () => {
    const [enterprise, standard] = cover(
      [entry(ENTERPRISE, 6, 4), entry(STANDARD, 0, 8)],
      [
        entitlement('a-ent-sa', ENTERPRISE, 2, { softwareAssurance: true }),
        entitlement('b-ent-perpetual', ENTERPRISE, 4),
      ],
      [vm(ENTERPRISE, 4, 'Microsoft'), vm(STANDARD, 8, 'Microsoft')],
    );
    expect(standard).toMatchObject({ position: 0, status: 'compliant' });
    expect(standard.coveredBy).toEqual([
      expect.objectContaining({
        entitlementId: 'a-ent-sa',
        quantity: 8,
        entitlementQuantity: 2,
      }),
    ]);
    expect(enterprise).toMatchObject({ position: 0 });
  });

  it('ignores expired entitlements of the covering product', () => {
    const position = [entry(ENTERPRISE, 0, 0), entry(STANDARD, 0, 4)];
    const result = cover(
      position,
      [
        entitlement('old', ENTERPRISE, 8, {
          termStart: '2024-01-01',
          termEnd: '2025-12-31',
        }),
      ],
      [vm(STANDARD, 4, 'AWS')],
    );
    expect(result).toEqual(position);
  });
});

describe('covers rules in product definitions', () => {
  const store = () => ({
    listProductOverrides: async () => [],
    upsertProductOverrides: jest.fn(),
  });
  const newProduct = {
    id: 'acme-db-enterprise',
    publisher: 'Acme',
    name: 'Acme DB Enterprise',
    metric: 'per-core',
    covers: [{ productId: 'acme-db-standard', ratio: 1 }],
  };

  it('rejects a covers rule that points at an unknown product, naming the record and field, and stores nothing', async () => {
    const overrides = store();
    const catalog = new LicenseProductCatalog([], overrides);
    await expect(catalog.upsert([newProduct])).rejects.toThrow(
      'Invalid products, none stored: products[0].covers[0].productId "acme-db-standard" is not a known product',
    );
    expect(overrides.upsertProductOverrides).not.toHaveBeenCalled();
    // Sent together with the product it covers, it is accepted.
    await catalog.upsert([
      newProduct,
      {
        id: 'acme-db-standard',
        publisher: 'Acme',
        name: 'Acme DB Standard',
        metric: 'per-core',
      },
    ]);
    expect(overrides.upsertProductOverrides).toHaveBeenCalledTimes(1);
  });

  it('rejects a product covering itself and a ratio that is not positive', async () => {
    const catalog = new LicenseProductCatalog([], store());
    await expect(
      catalog.upsert([
        {
          ...newProduct,
          covers: [{ productId: 'acme-db-enterprise', ratio: 1 }],
        },
      ]),
    ).rejects.toThrow(
      'products[0].covers[0].productId "acme-db-enterprise" is the product itself',
    );
    await expect(
      catalog.upsert([
        { ...newProduct, covers: [{ productId: 'rhel', ratio: 0 }] },
      ]),
    ).rejects.toThrow('products[0].covers.0.ratio must be more than 0');
  });

  it('rejects a configured covers rule that points at an unknown product, naming the config key', () => {
    const config = new ConfigReader({
      finopsItam: {
        licenses: {
          products: [
            {
              id: ENTERPRISE,
              covers: [{ productId: 'microsoft-sql-server-web', ratio: 1 }],
            },
          ],
        },
      },
    });
    expect(() => readProductConfig(config)).toThrow(
      'Invalid finopsItam.licenses.products[0].covers[0].productId: "microsoft-sql-server-web" is not a known product',
    );
  });
});

describe('edition conversions bound to a provider', () => {
  it('count the use on that provider at its concurrent peak, not every VM ever seen', () => {
    // Two 8-vCPU Standard VMs on Azure, one replacing the other: 8 needed at any time.
    const replaced = (name: string, day: string) =>
      ({
        ...vm(STANDARD, 8, 'Microsoft'),
        resource: {
          resourceName: name,
          provider: 'Microsoft',
          tenancy: 'shared',
          days: new Set([day]),
        },
      } as unknown as Consumption);
    const [, standard] = cover(
      [entry(ENTERPRISE, 4, 0), entry(STANDARD, 0, 16)],
      [entitlement('ent-sa', ENTERPRISE, 4, { softwareAssurance: true })],
      [replaced('monday', '2026-11-20'), replaced('tuesday', '2026-11-21')],
    );
    // The position says 16 short (its own count); the 4:1 rule reaches the 8 on Azure at the peak,
    // the 1:1 rule the rest with the 2 cores left.
    expect(standard.coveredBy).toEqual([
      expect.objectContaining({
        entitlementId: 'ent-sa',
        quantity: 8,
        entitlementQuantity: 2,
      }),
      expect.objectContaining({
        entitlementId: 'ent-sa',
        quantity: 2,
        entitlementQuantity: 2,
      }),
    ]);
  });
});
