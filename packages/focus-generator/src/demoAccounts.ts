import { BillingAccount, Region, SubAccount } from './model';

/**
 * Billing accounts, sub-accounts and regions of the demo organisation Acme Retail. The ids the
 * catalog refers to (`210987654321`, `acme-platform-prod` owned by system shared-platform)
 * must stay as they are.
 */

export const AWS_PAYER: BillingAccount = {
  id: '123456789012',
  name: 'Acme Retail',
  currency: 'USD',
  providerName: 'Amazon Web Services',
  publisherName: 'Amazon Web Services',
  invoiceIssuerName: 'Amazon Web Services',
  invoicePrefix: '',
  emptyTags: '{}',
  taxRate: '0.0625',
  taxDescription: 'Sales tax',
};

export const AZURE_US: BillingAccount = {
  id: '/providers/Microsoft.Billing/billingAccounts/7c4e1f52-2b8d-4d6e-9f1a-3a5b6c7d8e9f:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d_2019-05-31',
  name: 'Acme Retail Inc.',
  currency: 'USD',
  providerName: 'Microsoft',
  publisherName: 'Microsoft',
  invoiceIssuerName: 'Microsoft',
  invoicePrefix: 'G',
  emptyTags: '',
  taxRate: '0.06',
  taxDescription: 'Sales tax',
};

/** The European subsidiary pays in euros: one account that reconciles in another currency. */
export const AZURE_EU: BillingAccount = {
  id: '/providers/Microsoft.Billing/billingAccounts/5d2a9e71-8c3b-4f0e-a6d4-1b2c3d4e5f60:7f8e9d0c-1b2a-4c3d-9e8f-0a1b2c3d4e5f_2019-05-31',
  name: 'Acme Retail Europe GmbH',
  currency: 'EUR',
  providerName: 'Microsoft',
  publisherName: 'Microsoft',
  invoiceIssuerName: 'Microsoft',
  invoicePrefix: 'E',
  emptyTags: '',
  taxRate: '0.19',
  taxDescription: 'VAT',
};

export const GCP_BILLING: BillingAccount = {
  id: '01A2B3-C4D5E6-F7A8B9',
  name: 'Acme Retail GCP',
  currency: 'USD',
  providerName: 'Google Cloud',
  publisherName: 'Google Cloud',
  invoiceIssuerName: 'Google Cloud',
  invoicePrefix: '5',
  emptyTags: '{}',
  taxRate: '0.0625',
  taxDescription: 'Sales tax',
};

export const AWS_ACCOUNTS = {
  management: { id: '123456789012', name: 'acme-management' },
  storefrontProd: { id: '345678901234', name: 'acme-storefront-prod' },
  storefrontDev: { id: '567890123456', name: 'acme-storefront-dev' },
  discoveryProd: { id: '456789012345', name: 'acme-discovery-prod' },
  platform: { id: '210987654321', name: 'acme-platform' },
} satisfies Record<string, SubAccount>;

export const AZURE_SUBSCRIPTIONS = {
  paymentsProd: {
    id: '/subscriptions/3f2b8c1d-6e4a-4b7f-9c2d-8a1e5f6b7c90',
    name: 'acme-payments-prod',
  },
  storefrontProd: {
    id: '/subscriptions/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    name: 'acme-storefront-prod',
  },
  europeProd: {
    id: '/subscriptions/b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
    name: 'acme-eu-prod',
  },
} satisfies Record<string, SubAccount>;

export const GCP_PROJECTS = {
  discoveryProd: { id: 'acme-discovery-prod', name: 'Acme Discovery Prod' },
  platformProd: { id: 'acme-platform-prod', name: 'Acme Platform Prod' },
} satisfies Record<string, SubAccount>;

export const REGIONS = {
  usEast1: { id: 'us-east-1', name: 'US East (N. Virginia)' },
  euWest1: { id: 'eu-west-1', name: 'Europe (Ireland)' },
  global: { id: 'global', name: 'Global' },
  eastus: { id: 'eastus', name: 'East US' },
  westeurope: { id: 'westeurope', name: 'West Europe' },
  germanywestcentral: {
    id: 'germanywestcentral',
    name: 'Germany West Central',
  },
  usCentral1: { id: 'us-central1', name: 'Iowa' },
  europeWest4: { id: 'europe-west4', name: 'Netherlands' },
} satisfies Record<string, Region>;

/** Tag values of the demo teams; the cost centres match the groups in examples/org.yaml. */
export const TEAMS = {
  'team-checkout': 'CC-1100',
  'team-catalog': 'CC-1200',
  'team-platform': 'CC-9000',
  'team-itam': 'CC-8100',
} as const;

export type Team = keyof typeof TEAMS;

/** The four tags the demo's tagging policy asks for, in the order teams write them. */
export function standardTags(
  application: string | undefined,
  environment: string,
  team: Team,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ...(application ? { application } : {}),
    environment,
    team,
    'cost-center': TEAMS[team],
    ...extra,
  };
}
