import {
  LicenseEntitlement,
  LicenseProduct,
} from '@finops-itam/plugin-finops-itam-common';
import { flagRightsShortfall } from './byolCapacity';
import { Consumption } from './licenseConsumption';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';

const SQL: LicenseProduct = SHIPPED_LICENSE_PRODUCTS.find(
  p => p.id === 'microsoft-sql-server-enterprise',
)!;
const products = new Map([[SQL.id, SQL]]);

const entitlement = (
  id: string,
  quantity: number,
  fields: Partial<LicenseEntitlement> = {},
): LicenseEntitlement => ({
  id,
  productId: SQL.id,
  metric: 'per-core',
  quantity,
  owner: 'group:default/itam',
  cost: { amount: '1', currency: 'USD', per: 'term' },
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  acquiredOn: '2018-05-01',
  ...fields,
});

/** A BYOL SQL Server VM on shared AWS hosts, billed on the given days. */
const vm = (name: string, counted: number, days: string[]): Consumption =>
  ({
    productId: SQL.id,
    entityRef: 'component:default/orders',
    model: 'byol',
    counted,
    reason: {
      source: 'cost-data',
      resourceId: name,
      resourceName: name,
      quantity: counted,
      rule: '',
    },
    flags: [],
    resource: {
      key: name,
      resourceId: name,
      resourceName: name,
      provider: 'AWS',
      tenancy: 'shared',
      days: new Set(days),
    },
  } as unknown as Consumption);

const run = (
  consumptions: Consumption[],
  entitlements: LicenseEntitlement[],
) => {
  flagRightsShortfall(consumptions, {
    products,
    activeEntitlements: new Map([[SQL.id, entitlements]]),
  });
  return consumptions.map(c => c.flags);
};

describe('BYOL rights need enough licenses that have them', () => {
  it('flags shared-host use beyond the licenses with License Mobility, when licenses without it would make up the rest', () => {
    const flags = run(
      [vm('a', 8, ['2026-11-20']), vm('b', 8, ['2026-11-20'])],
      [
        entitlement('ea-sa', 4, { softwareAssurance: true }),
        entitlement('perpetual-2018', 12),
      ],
    );
    expect(flags).toEqual([
      [
        {
          kind: 'byol-not-allowed',
          rule: 'license-mobility',
          message: expect.stringMatching(
            /^12 of 16 core licenses for SQL Server Enterprise on AWS \(shared tenancy\) come from entitlements without the right \(perpetual-2018\): .*needs License Mobility/,
          ),
        },
      ],
      [expect.objectContaining({ rule: 'license-mobility' })],
    ]);
  });

  it('leaves a plain shortage alone: licenses with the right are short, none without it stand in', () => {
    expect(
      run(
        [vm('a', 8, ['2026-11-20']), vm('b', 8, ['2026-11-20'])],
        [entitlement('ea-sa', 4, { softwareAssurance: true })],
      ),
    ).toEqual([[], []]);
  });

  it('counts the concurrent peak, so replaced VMs do not add up', () => {
    const flags = run(
      [vm('monday', 8, ['2026-11-20']), vm('tuesday', 8, ['2026-11-21'])],
      [
        entitlement('ea-sa', 8, { softwareAssurance: true }),
        entitlement('perpetual-2018', 8),
      ],
    );
    expect(flags).toEqual([[], []]);
  });

  it('gives licenses with the right to the use that needs it before use that does not', () => {
    const onPremises = {
      ...vm('declared', 8, []),
      model: 'declared',
      resource: undefined,
    } as unknown as Consumption;
    // The declaration could take the SA licenses, but the licenses without SA serve it as well.
    const flags = run(
      [onPremises, vm('a', 8, ['2026-11-20'])],
      [
        entitlement('a-ea-sa', 8, { softwareAssurance: true }),
        entitlement('b-perpetual', 8),
      ],
    );
    expect(flags).toEqual([[], []]);
  });
});
