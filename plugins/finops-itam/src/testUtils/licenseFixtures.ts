import {
  EntityLicenseUsage,
  EntityLicensesResponse,
} from '@finops-itam/plugin-finops-itam-common';

/** SQL Server Enterprise on three BYOL VMs of 2, 6 and 7 vCPUs: 18 core licenses, short of entitlements. */
export function sqlServerShortage(
  overrides: Partial<EntityLicenseUsage> = {},
): EntityLicenseUsage {
  return {
    productId: 'microsoft-sql-server-enterprise',
    productName: 'Microsoft SQL Server Enterprise',
    metric: 'per-core',
    required: 18,
    licenseIncluded: 0,
    covered: false,
    status: 'shortage',
    monthlyCost: { amount: '1234.5', currency: 'USD' },
    sources: [
      {
        model: 'byol',
        source: 'cost-data',
        required: 18,
        reasons: [
          {
            source: 'cost-data',
            resourceId: 'i-0aaa',
            resourceName: 'orders-db-1',
            vcpus: 2,
            quantity: 4,
            rule: '2 vCPUs → 4 core licenses: minimum 4 per VM',
          },
          {
            source: 'cost-data',
            resourceId: 'i-0bbb',
            vcpus: 6,
            quantity: 6,
            rule: '6 vCPUs → 6 core licenses',
          },
          {
            source: 'cost-data',
            resourceId: 'i-0ccc',
            resourceName: 'orders-db-3',
            vcpus: 7,
            quantity: 8,
            rule: '7 vCPUs → 8 core licenses: 2-core packs',
          },
        ],
      },
    ],
    flags: [],
    licenseEntityRef:
      'resource:default/license-microsoft-sql-server-enterprise',
    ...overrides,
  };
}

/** RHEL declared on the entity, covered by entitlements. */
export function rhelCovered(
  overrides: Partial<EntityLicenseUsage> = {},
): EntityLicenseUsage {
  return {
    productId: 'rhel',
    productName: 'Red Hat Enterprise Linux',
    metric: 'subscription',
    required: 2,
    licenseIncluded: 0,
    covered: true,
    status: 'surplus',
    monthlyCost: { amount: '100.25', currency: 'USD' },
    sources: [
      {
        model: 'declared',
        source: 'catalog',
        required: 2,
        reasons: [
          {
            source: 'catalog',
            quantity: 2,
            rule: 'declared in finops-itam.io/licenses: 2 subscriptions',
          },
        ],
      },
    ],
    flags: [],
    licenseEntityRef: 'resource:default/license-rhel',
    ...overrides,
  };
}

/** Windows Server Datacenter in the cloud price: no entitlement, no cost share. */
export function windowsLicenseIncluded(
  overrides: Partial<EntityLicenseUsage> = {},
): EntityLicenseUsage {
  return {
    productId: 'microsoft-windows-server-datacenter',
    productName: 'Microsoft Windows Server Datacenter',
    metric: 'per-core',
    required: 0,
    licenseIncluded: 8,
    covered: true,
    status: null,
    monthlyCost: null,
    sources: [
      {
        model: 'license-included',
        source: 'cost-data',
        required: 8,
        reasons: [
          {
            source: 'cost-data',
            resourceId: 'i-0ddd',
            vcpus: 4,
            quantity: 8,
            rule: '4 vCPUs → 8 core licenses: minimum 8 per VM',
          },
        ],
      },
    ],
    flags: [],
    licenseEntityRef: null,
    ...overrides,
  };
}

export function makeLicenses(
  products: EntityLicenseUsage[],
  entityRef = 'component:default/checkout',
): EntityLicensesResponse {
  return { entityRef, products };
}
