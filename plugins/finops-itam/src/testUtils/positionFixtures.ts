import {
  LicensePositionEntry,
  ReharvestCandidate,
} from '@finops-itam/plugin-finops-itam-common';

/** SQL Server Standard: 16 entitled, 20 required at the peak, 12 reserved by an approved request. */
export function makePositionEntry(
  overrides: Partial<LicensePositionEntry> = {},
): LicensePositionEntry {
  return {
    productId: 'microsoft-sql-server-standard',
    productName: 'Microsoft SQL Server Standard',
    metric: 'per-core',
    entitled: 16,
    required: 20,
    requiredNow: 18,
    peakDay: '2026-11-20',
    byolRequired: 8,
    licenseIncludedRequired: 12,
    reserved: 12,
    reservations: [
      {
        requestId: 'req-1',
        entityRef: 'component:default/new-billing',
        quantity: 12,
      },
    ],
    position: -4,
    status: 'shortage',
    exposure: { amount: '7200.00', currency: 'USD' },
    trueUpDate: '2027-03-31',
    projectedAtTrueUp: -6,
    shelfware: 0,
    unknownSizeResources: 0,
    licenseEntityRef: 'resource:default/license-microsoft-sql-server-standard',
    nonCompliance: [
      {
        rule: 'license-mobility',
        message: 'BYOL on shared AWS tenancy needs License Mobility',
        entityRef: 'component:default/orders',
        resourceId: 'i-0aaa',
        resourceName: 'orders-db-1',
      },
    ],
    ...overrides,
  };
}

/** RHEL with four entitlements nobody uses. */
export const rhelShelfware = makePositionEntry({
  productId: 'rhel',
  productName: 'Red Hat Enterprise Linux',
  metric: 'per-instance',
  entitled: 10,
  required: 6,
  requiredNow: 6,
  byolRequired: 6,
  licenseIncludedRequired: 0,
  reserved: 0,
  reservations: undefined,
  position: 4,
  status: 'surplus',
  exposure: null,
  trueUpDate: null,
  projectedAtTrueUp: null,
  shelfware: 4,
  nonCompliance: undefined,
});

/** The old billing service's SQL Server licenses, released by the migration of request req-1. */
export function makeCandidate(
  overrides: Partial<ReharvestCandidate> = {},
): ReharvestCandidate {
  return {
    productId: 'microsoft-sql-server-standard',
    reason: 'migrated-workload',
    detail: '=replaced by component:default/new-billing on 2027-02-01',
    entityRef: 'component:default/old-billing',
    resourceId: null,
    quantity: 8,
    onboardingRequestId: 'req-1',
    owner: 'group:default/team-payments',
    ...overrides,
  };
}
