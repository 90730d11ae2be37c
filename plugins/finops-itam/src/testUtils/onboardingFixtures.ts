import {
  OnboardingCheck,
  OnboardingOptions,
  OnboardingRequest,
  OnboardingRequestDetail,
} from '@finops-itam/plugin-finops-itam-common';

/** A check, passing unless told otherwise. */
export function makeCheck(
  overrides: Partial<OnboardingCheck> = {},
): OnboardingCheck {
  return {
    id: 'license-availability',
    status: 'pass',
    message: '12 core licenses free after other approved requests; 12 needed.',
    fix: null,
    details: [],
    ...overrides,
  };
}

/** The failing BYOL check of SQL Server on shared AWS tenancy without License Mobility. */
export const failedByolCheck = makeCheck({
  id: 'byol-eligibility',
  status: 'fail',
  message:
    'Microsoft SQL Server Standard may not be brought to shared AWS tenancy without License Mobility through Software Assurance.',
  fix: 'Choose license-included, or a dedicated host, or add Software Assurance to the entitlement.',
  details: ['entitlement ea-2024-sql: no Software Assurance'],
});

/** A pending request for the new billing service, as the backend lists it. */
export function makeRequest(
  overrides: Partial<OnboardingRequest> = {},
): OnboardingRequest {
  return {
    id: 'req-1',
    status: 'pending-review',
    entityRef: 'component:default/new-billing',
    owner: 'group:default/team-payments',
    title: 'New billing service',
    description: null,
    goLive: '2027-02-01',
    procurement: 'enterprise-agreement',
    replaces: 'component:default/old-billing',
    tags: { 'cost-center': 'cc-42' },
    deployments: [
      {
        provider: 'AWS',
        region: 'eu-west-1',
        tenancy: 'shared',
        instanceType: 'm5.xlarge',
        vcpus: 4,
        count: 3,
        products: [
          {
            productId: 'microsoft-sql-server-standard',
            licenseModel: 'byol',
          },
        ],
      },
    ],
    saas: [],
    estimatedMonthlyCost: { amount: '1800.00', currency: 'USD' },
    costEstimate: {
      totals: [{ amount: '1234.56', currency: 'USD' }],
      lines: [
        {
          description: '3 × m5.xlarge in eu-west-1, 730 h',
          basis: 'ContractedUnitPrice of m5.xlarge in cost data, 2026-11',
          monthly: { amount: '1234.56', currency: 'USD' },
        },
        {
          description: 'Microsoft SQL Server Standard, 12 core licenses',
          basis: 'no entitlement unit cost',
          monthly: null,
        },
      ],
      unpriced: 1,
    },
    checks: [makeCheck(), failedByolCheck],
    checkedAt: '2026-12-06T10:00:00.000Z',
    reservations: [
      {
        productId: 'microsoft-sql-server-standard',
        quantity: 12,
        metric: 'per-core',
      },
    ],
    decisions: [],
    requestedBy: 'user:default/alice',
    createdAt: '2026-12-06T10:00:00.000Z',
    updatedAt: '2026-12-06T10:00:00.000Z',
    ...overrides,
  };
}

/** A request with its history, as `GET /onboarding/requests/:id` answers. */
export function makeRequestDetail(
  overrides: Partial<OnboardingRequestDetail> = {},
): OnboardingRequestDetail {
  return {
    ...makeRequest(),
    history: [
      {
        at: '2026-12-06T10:00:00.000Z',
        by: 'user:default/alice',
        action: 'filed',
        detail: 'Filed with 1 deployment',
      },
    ],
    ...overrides,
  };
}

/** What a request may name in the demo. */
export function makeOptions(
  overrides: Partial<OnboardingOptions> = {},
): OnboardingOptions {
  return {
    providers: [
      { provider: 'AWS', regions: ['eu-west-1', 'us-east-1'], allowed: true },
      { provider: 'Azure', regions: ['westeurope'], allowed: true },
      { provider: 'Oracle', regions: ['eu-frankfurt-1'], allowed: false },
    ],
    instanceTypes: [
      { provider: 'AWS', instanceType: 'm5.xlarge', vcpus: 4 },
      { provider: 'AWS', instanceType: 'm5.2xlarge', vcpus: 8 },
      { provider: 'Azure', instanceType: 'Standard_D4s_v5', vcpus: 4 },
    ],
    products: [
      {
        productId: 'microsoft-sql-server-standard',
        name: 'Microsoft SQL Server Standard',
        metric: 'per-core',
        saas: false,
        blocked: false,
      },
      {
        productId: 'saas-observability-seat',
        name: 'Observability seat',
        metric: 'per-user',
        saas: true,
        blocked: false,
      },
    ],
    policies: {
      allowedProviders: ['AWS', 'Azure'],
      allowedRegions: null,
      requiredTags: ['cost-center'],
      blockedProducts: [],
      marketplace: 'needs-approval',
      requiredTagsByProvider: {},
      approvedMarketplacePublishers: [],
    },
    ...overrides,
  };
}
