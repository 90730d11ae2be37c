import {
  LicenseEntitlement,
  LicensePositionEntry,
  LicenseProduct,
} from '@finops-itam/plugin-finops-itam-common';
import { SHIPPED_LICENSE_PRODUCTS } from '../../../licenses/shippedProducts';
import { CheckExtras } from '../checkExtras';
import {
  CheckContext,
  ObservedUnitPrice,
  OnboardingPlan,
  PlannedDeployment,
} from '../types';

export const SQL_STANDARD = 'microsoft-sql-server-standard';
export const WINDOWS_DATACENTER = 'microsoft-windows-server-datacenter';
export const RHEL = 'rhel';
export const SAAS_SEAT = 'saas-observability-seat';
export const OWNER = 'group:default/team-payments';

export const product = (id: string): LicenseProduct =>
  SHIPPED_LICENSE_PRODUCTS.find(p => p.id === id)!;

/** Three 4-vCPU m5.xlarge in AWS eu-west-1 running SQL Server Standard as BYOL. */
export const deployment = (
  fields: Partial<PlannedDeployment> = {},
): PlannedDeployment => ({
  provider: 'AWS',
  region: 'eu-west-1',
  tenancy: 'shared',
  instanceType: 'm5.xlarge',
  vcpus: 4,
  threadsPerCore: 2,
  count: 3,
  products: [{ productId: SQL_STANDARD, licenseModel: 'byol' }],
  ...fields,
});

/** The example request, sized: 3 × m5.xlarge with SQL Server Standard BYOL, 12 SaaS seats. */
export const plan = (fields: Partial<OnboardingPlan> = {}): OnboardingPlan => ({
  entityRef: 'component:default/new-billing',
  owner: OWNER,
  title: 'New billing service',
  goLive: '2027-02-01',
  procurement: 'enterprise-agreement',
  tags: { 'cost-center': 'cc-42' },
  deployments: [deployment()],
  saas: [{ productId: SAAS_SEAT, seats: 12 }],
  estimatedMonthlyCost: { amount: '1800.00', currency: 'USD' },
  ...fields,
});

export const entitlement = (
  productId: string,
  fields: Partial<LicenseEntitlement> = {},
): LicenseEntitlement => ({
  id: `ea-${productId}`,
  productId,
  metric: product(productId).metric,
  quantity: 24,
  owner: 'group:default/itam',
  cost: { amount: '709', currency: 'USD', per: 'unit' },
  termStart: '2027-01-01',
  termEnd: '2027-12-31',
  ...fields,
});

/** SQL Server Standard with Software Assurance (709 USD a core-year) and 20 SaaS seats at 120 USD a year. */
export const ENTITLEMENTS: LicenseEntitlement[] = [
  entitlement(SQL_STANDARD, { softwareAssurance: true }),
  entitlement(SAAS_SEAT, {
    quantity: 20,
    cost: { amount: '120', currency: 'USD', per: 'unit' },
  }),
];

export const positionEntry = (
  productId: string,
  fields: Partial<LicensePositionEntry> = {},
): LicensePositionEntry => ({
  productId,
  productName: product(productId).name,
  metric: product(productId).metric,
  entitled: 24,
  required: 4,
  byolRequired: 4,
  licenseIncludedRequired: 0,
  position: 20,
  status: 'surplus',
  exposure: null,
  trueUpDate: null,
  projectedAtTrueUp: null,
  shelfware: 20,
  unknownSizeResources: 0,
  licenseEntityRef: null,
  ...fields,
});

/** m5.xlarge at 0.192 USD an hour in eu-west-1. */
export const observedPrice = (
  fields: Partial<ObservedUnitPrice> = {},
): ObservedUnitPrice => ({
  provider: 'AWS',
  instanceType: 'm5.xlarge',
  region: 'eu-west-1',
  perHour: '0.192',
  currency: 'USD',
  basis: 'EffectiveCost / ConsumedQuantity, 2026-11-01..2026-11-30',
  ...fields,
});

/**
 * A context where the example request passes what it can: licenses free, rights held,
 * within policy, every price known except license-included premiums, no budgets feature.
 */
export const context = (
  fields: Partial<CheckContext & CheckExtras> = {},
): CheckContext & CheckExtras => ({
  today: '2026-12-07',
  products: new Map(SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p])),
  entitlements: ENTITLEMENTS,
  position: [
    positionEntry(SQL_STANDARD),
    positionEntry(SAAS_SEAT, { entitled: 20, required: 5, position: 15 }),
  ],
  reservedByOthers: new Map(),
  policies: {
    allowedProviders: ['AWS', 'Azure', 'Google Cloud'],
    allowedRegions: null,
    requiredTags: ['cost-center'],
    blockedProducts: [],
    marketplace: 'needs-approval',
    requiredTagsByProvider: {},
    approvedMarketplacePublishers: [],
  },
  observedPrices: [observedPrice()],
  budget: undefined,
  ...fields,
});
