import {
  AWS_ACCOUNTS,
  AWS_PAYER,
  AZURE_EU,
  AZURE_SUBSCRIPTIONS,
  AZURE_US,
  GCP_BILLING,
  GCP_PROJECTS,
  REGIONS,
  standardTags,
} from './demoAccounts';
import * as aws from './kinds/aws';
import * as azure from './kinds/azure';
import * as gcp from './kinds/gcp';
import { idsFor } from './kinds/common';
import {
  BillingAccount,
  Commitment,
  CostLine,
  ProviderKey,
  RowSubject,
  Spike,
  SubAccount,
} from './model';
import { Decimal, dec } from './money';

/**
 * The demo organisation's cloud estate, workload by workload. Tags, names and accounts line
 * up with the annotations in examples/*.yaml so allocation maps the costs:
 * tags `application=checkout|checkout-v2|cart|payments|order-export|catalog|search|
 * recommendations|observability`, names `storefront-web-*`, `image-resizer-*`, `orders-db-*`,
 * and the platform accounts `210987654321` and `acme-platform-prod`.
 */

/** A fixed monthly charge: support plans and SaaS seat subscriptions. */
export interface MonthlyFee {
  provider: ProviderKey;
  subject: RowSubject;
  /** The month's fee, from what the billing account was billed that month before the fee. */
  fee(billedSoFar: Decimal): Decimal;
  quantity?: Decimal;
  unitPrice?: Decimal;
}

/** Where the monthly tax row of a billing account goes. */
export interface TaxPoint {
  provider: ProviderKey;
  account: BillingAccount;
  subAccount: SubAccount;
}

export interface DemoCatalog {
  lines: CostLine[];
  commitments: Commitment[];
  monthlyFees: MonthlyFee[];
  taxes: TaxPoint[];
}

const { usEast1, global, eastus, westeurope, germanywestcentral, usCentral1 } =
  REGIONS;
const storefront = AWS_ACCOUNTS.storefrontProd;
const dev = AWS_ACCOUNTS.storefrontDev;
const discovery = AWS_ACCOUNTS.discoveryProd;
const platform = AWS_ACCOUNTS.platform;

const checkout = (extra = {}) =>
  standardTags('checkout', 'prod', 'team-checkout', extra);
const byol = (product: string) => ({
  'license-product': product,
  'license-model': 'byol',
});

/**
 * checkout-sessions (DynamoDB) takes 15 times its requests for one day, 8 days before the
 * last generated day. `npm start` generates through yesterday and anomaly detection waits 2
 * days for a day to be complete, so the spike is 7 days before the latest complete day:
 * inside every Cost tab preset, with weeks of history before it. Its ~$9 a day of requests
 * (about $13 in December) become $135–200, while checkout-api's usual all-in day is about
 * $47–52 ($24–29 of its own resources plus 35 % of the shared Kubernetes cluster, ~$23):
 * the spike day costs it about 3.5–4.5 times a usual day.
 */
export const CHECKOUT_RETRY_STORM: Spike = {
  daysBeforeEnd: 8,
  days: 1,
  factor: 15,
};

const SAVINGS_PLAN = 'aws-compute-savings-plan';
const RESERVATION = 'azure-dsv5-reservation';
const SAAS_CREDIT = 'lumenwatch-ingest-credit';

function guid(name: string) {
  const id = idsFor(name);
  return `${id.hex(8)}-${id.hex(4)}-4${id.hex(3)}-8${id.hex(3)}-${id.hex(12)}`;
}

function awsLines(): CostLine[] {
  const sp = { commitment: SAVINGS_PLAN };
  return [
    // checkout-api: application=checkout|checkout-v2, environment=prod
    ...[1, 2, 3].map(n =>
      aws.ec2Instance({
        name: `checkout-api-${n}`,
        sub: storefront,
        region: usEast1,
        availabilityZone: `us-east-1${'abc'[n - 1]}`,
        instanceType: 'm6i.xlarge',
        hourly: '0.192',
        platform: 'Linux',
        cores: 4,
        tags: checkout(),
        ...sp,
      }),
    ),
    aws.ec2Instance({
      name: 'checkout-api-v2-1',
      sub: storefront,
      region: usEast1,
      availabilityZone: 'us-east-1a',
      instanceType: 'm6i.xlarge',
      hourly: '0.192',
      platform: 'Linux',
      cores: 4,
      tags: standardTags('checkout-v2', 'prod', 'team-checkout'),
      sinceMonthsAgo: 3,
      ...sp,
    }),
    ...aws.dynamoDbTable({
      name: 'checkout-sessions',
      sub: storefront,
      region: usEast1,
      tags: checkout(),
      readsPerDay: 42_000_000,
      writesPerDay: 6_000_000,
      // A client retry storm for one day, a week before the latest complete day (the day
      // before `through`): the demo's clear cost anomaly. One resource carries it, so
      // anomaly drivers name Amazon DynamoDB and checkout-sessions; the day costs
      // checkout-api about four times its usual all-in cost (see CHECKOUT_RETRY_STORM).
      spikes: [CHECKOUT_RETRY_STORM],
    }),
    ...aws.s3Bucket({
      name: 'checkout-receipts',
      sub: storefront,
      region: usEast1,
      tags: checkout(),
      gb: 800,
      requestsPerDay: 400_000,
    }),
    // Development copies: checkout's selector asks for environment=prod, cart's does not.
    aws.ec2Instance({
      name: 'checkout-api-dev-1',
      sub: dev,
      region: usEast1,
      availabilityZone: 'us-east-1b',
      instanceType: 't3.large',
      hourly: '0.0832',
      platform: 'Linux',
      cores: 2,
      tags: standardTags('checkout', 'dev', 'team-checkout'),
    }),
    aws.ec2Instance({
      name: 'cart-service-dev-1',
      sub: dev,
      region: usEast1,
      availabilityZone: 'us-east-1b',
      instanceType: 't3.medium',
      hourly: '0.0416',
      platform: 'Linux',
      cores: 2,
      tags: standardTags('cart', 'dev', 'team-checkout'),
    }),
    // cart-service: application=cart
    ...[1, 2].map(n =>
      aws.ec2Instance({
        name: `cart-service-${n}`,
        sub: storefront,
        region: usEast1,
        availabilityZone: `us-east-1${'ab'[n - 1]}`,
        instanceType: 'm6i.large',
        hourly: '0.096',
        platform: 'Linux',
        cores: 2,
        tags: standardTags('cart', 'prod', 'team-checkout'),
        ...sp,
      }),
    ),
    aws.elastiCacheNode({
      name: 'cart-redis-001',
      sub: storefront,
      region: usEast1,
      tags: standardTags('cart', 'prod', 'team-checkout'),
      nodeType: 'cache.r6g.large',
      hourly: '0.206',
    }),
    // storefront-web: matched by name (storefront-web-*) and CloudFront ARN (distribution/storefront*)
    ...[1, 2].map(n =>
      aws.ec2Instance({
        name: `storefront-web-${n}`,
        sub: storefront,
        region: usEast1,
        availabilityZone: `us-east-1${'ab'[n - 1]}`,
        instanceType: 'c6i.xlarge',
        hourly: '0.17',
        platform: 'Linux',
        cores: 4,
        tags: standardTags(undefined, 'prod', 'team-checkout'),
        ...sp,
      }),
    ),
    ...aws.cloudFront({
      name: 'storefront-web-cdn-1',
      distributionId: `E${idsFor('storefront-web-cdn-1').alnum(13)}`,
      sub: storefront,
      region: global,
      gbPerDay: 900,
      requestsPerDay: 30_000_000,
    }),
    ...aws.cloudFront({
      name: '',
      distributionId: `storefront-static-E${idsFor('storefront-static').alnum(
        11,
      )}`,
      sub: storefront,
      region: global,
      gbPerDay: 260,
      requestsPerDay: 9_000_000,
    }),
    ...aws.s3Bucket({
      name: 'storefront-web-assets',
      sub: storefront,
      region: usEast1,
      tags: standardTags(undefined, 'prod', 'team-checkout'),
      gb: 250,
      requestsPerDay: 3_000_000,
    }),
    // payments-gateway: SQL Server Enterprise BYOL on Windows, and a license-included reporting box
    aws.ec2Instance({
      name: 'payments-sql-1',
      sub: storefront,
      region: usEast1,
      availabilityZone: 'us-east-1a',
      instanceType: 'm5.2xlarge',
      hourly: '0.768',
      platform: 'Windows',
      cores: 8,
      byol: true,
      tags: standardTags(
        'payments',
        'prod',
        'team-checkout',
        byol('microsoft-sql-server-enterprise'),
      ),
    }),
    aws.ec2Instance({
      name: 'payments-reporting-1',
      sub: storefront,
      region: usEast1,
      availabilityZone: 'us-east-1b',
      instanceType: 'm5.xlarge',
      hourly: '1.876',
      platform: 'Windows:SQL-Ent',
      cores: 4,
      tags: standardTags('payments', 'prod', 'team-checkout'),
    }),
    // legacy-order-export: Oracle Database Enterprise BYOL
    aws.ec2Instance({
      name: 'order-export-ora-1',
      sub: storefront,
      region: usEast1,
      availabilityZone: 'us-east-1c',
      instanceType: 'm5.2xlarge',
      hourly: '0.384',
      platform: 'Linux',
      cores: 8,
      byol: true,
      tags: standardTags(
        'order-export',
        'prod',
        'team-checkout',
        byol('oracle-database-enterprise'),
      ),
    }),
    ...aws.s3Bucket({
      name: 'order-export-archive',
      sub: storefront,
      region: usEast1,
      tags: standardTags('order-export', 'prod', 'team-checkout'),
      gb: 2400,
      requestsPerDay: 20_000,
    }),
    // orders-db: matched by name (orders-db-*), tagged without an application
    aws.rdsInstance({
      name: 'orders-db-primary',
      sub: storefront,
      region: usEast1,
      tags: standardTags(undefined, 'prod', 'team-checkout'),
      instanceClass: 'db.r6g.xlarge',
      hourly: '0.902',
      engine: 'PostgreSQL',
      multiAz: true,
    }),
    aws.rdsStorage({
      name: 'orders-db-primary',
      sub: storefront,
      region: usEast1,
      tags: standardTags(undefined, 'prod', 'team-checkout'),
      gb: 500,
    }),
    aws.rdsInstance({
      name: 'orders-db-replica-1',
      sub: storefront,
      region: usEast1,
      tags: standardTags(undefined, 'prod', 'team-checkout'),
      instanceClass: 'db.r6g.large',
      hourly: '0.225',
      engine: 'PostgreSQL',
    }),
    aws.rdsStorage({
      name: 'orders-db-replica-1',
      sub: storefront,
      region: usEast1,
      tags: standardTags(undefined, 'prod', 'team-checkout'),
      gb: 500,
    }),
    // A forgotten volume: no name, no tags, nobody's cost until someone claims it.
    aws.ebsVolume({
      name: 'orphaned-volume-1',
      sub: storefront,
      region: usEast1,
      gb: 200,
    }),
    // catalog-service: application=catalog (the Cost Insights alias)
    ...[1, 2].map(n =>
      aws.ec2Instance({
        name: `catalog-api-${n}`,
        sub: discovery,
        region: usEast1,
        availabilityZone: `us-east-1${'ab'[n - 1]}`,
        instanceType: 'c6i.large',
        hourly: '0.085',
        platform: 'Linux',
        cores: 2,
        tags: standardTags('catalog', 'prod', 'team-catalog'),
        ...sp,
      }),
    ),
    ...aws.dynamoDbTable({
      name: 'catalog-products',
      sub: discovery,
      region: usEast1,
      tags: standardTags('catalog', 'prod', 'team-catalog'),
      readsPerDay: 120_000_000,
      writesPerDay: 2_000_000,
    }),
    aws.elastiCacheNode({
      name: 'catalog-cache-001',
      sub: discovery,
      region: usEast1,
      tags: standardTags('catalog', 'prod', 'team-catalog'),
      nodeType: 'cache.r6g.large',
      hourly: '0.206',
    }),
    // search-service: the managed search cluster (with a reindexing spike) and RHEL indexers
    ...aws.openSearchDomain({
      name: 'search-prod',
      sub: discovery,
      region: usEast1,
      tags: standardTags('search', 'prod', 'team-catalog'),
      instanceType: 'r6g.large.search',
      hourly: '0.167',
      nodes: 3,
      storageGb: 600,
      spikes: [{ daysBeforeEnd: 75, days: 4, factor: 3 }],
    }),
    ...[1, 2].map(n =>
      aws.ec2Instance({
        name: `search-indexer-${n}`,
        sub: discovery,
        region: usEast1,
        availabilityZone: 'us-east-1a',
        instanceType: 'm6i.large',
        hourly: '0.096',
        platform: 'Linux',
        cores: 2,
        byol: true,
        tags: standardTags('search', 'prod', 'team-catalog', byol('rhel')),
      }),
    ),
    aws.ec2Instance({
      name: 'search-indexer-3',
      sub: discovery,
      region: usEast1,
      availabilityZone: 'us-east-1b',
      instanceType: 'm6i.large',
      hourly: '0.1536',
      platform: 'RHEL',
      cores: 2,
      tags: standardTags('search', 'prod', 'team-catalog'),
    }),
    // image-resizer: matched by name (image-resizer-*), untagged functions
    ...aws.lambdaFunction({
      name: 'image-resizer-fn-thumbnail',
      sub: discovery,
      region: usEast1,
      requestsPerDay: 1_200_000,
      gbSecondsPerRequest: 0.25,
    }),
    // Nearly idle: its daily cost stays below a millionth of a dollar on some days.
    ...aws.lambdaFunction({
      name: 'image-resizer-fn-webp',
      sub: discovery,
      region: usEast1,
      requestsPerDay: 3,
      gbSecondsPerRequest: 0.05,
    }),
    ...aws.s3Bucket({
      name: 'image-resizer-uploads',
      sub: discovery,
      region: usEast1,
      tags: standardTags(undefined, 'prod', 'team-catalog'),
      gb: 1800,
      requestsPerDay: 2_400_000,
    }),
    // license-tracker: tagged, but no catalog annotation claims it
    ...aws.lambdaFunction({
      name: 'license-tracker-sync',
      sub: discovery,
      region: usEast1,
      tags: standardTags('license-tracker', 'prod', 'team-itam'),
      requestsPerDay: 2_880,
      gbSecondsPerRequest: 2,
    }),
    // shared-platform owns account 210987654321 whole
    aws.eksCluster({
      name: 'platform-eks-prod',
      sub: platform,
      region: usEast1,
      tags: standardTags('platform', 'prod', 'team-platform'),
    }),
    ...[1, 2, 3, 4, 5, 6].map(n =>
      aws.ec2Instance({
        name: `platform-eks-node-${n}`,
        sub: platform,
        region: usEast1,
        availabilityZone: `us-east-1${'abc'[n % 3]}`,
        instanceType: 'm6i.2xlarge',
        hourly: '0.384',
        platform: 'Linux',
        cores: 8,
        tags: standardTags('platform', 'prod', 'team-platform'),
        ...sp,
      }),
    ),
    ...[1, 2].map(n =>
      aws.ec2Instance({
        name: `platform-eks-spot-${n}`,
        sub: platform,
        region: usEast1,
        availabilityZone: `us-east-1${'ab'[n - 1]}`,
        instanceType: 'm6i.2xlarge',
        hourly: '0.384',
        platform: 'Linux',
        cores: 8,
        spot: '0.38',
        tags: standardTags('platform', 'prod', 'team-platform'),
      }),
    ),
    ...aws.natGateway({
      name: 'platform-nat-1',
      sub: platform,
      region: usEast1,
      tags: standardTags(undefined, 'prod', 'team-platform'),
      gbPerDay: 1200,
    }),
    aws.cloudWatchLogs({
      name: '/platform/observability',
      sub: platform,
      region: usEast1,
      tags: standardTags('observability', 'prod', 'team-platform'),
      gbPerDay: 60,
    }),
    aws.managedPrometheus({
      name: 'observability-amp',
      sub: platform,
      region: usEast1,
      tags: standardTags('observability', 'prod', 'team-platform'),
      samplesPerDay: 60_000_000,
    }),
    ...aws.s3Bucket({
      name: 'acme-platform-logs',
      sub: platform,
      region: usEast1,
      tags: standardTags('observability', 'prod', 'team-platform'),
      gb: 14_000,
      requestsPerDay: 5_000_000,
    }),
  ];
}

function azureLines(): CostLine[] {
  const payments = {
    account: AZURE_US,
    sub: AZURE_SUBSCRIPTIONS.paymentsProd,
    region: eastus,
    resourceGroup: 'rg-payments-prod',
  };
  const storefrontAz = {
    account: AZURE_US,
    sub: AZURE_SUBSCRIPTIONS.storefrontProd,
    region: eastus,
    resourceGroup: 'rg-storefront-prod',
  };
  const europe = {
    account: AZURE_EU,
    sub: AZURE_SUBSCRIPTIONS.europeProd,
    region: germanywestcentral,
    resourceGroup: 'rg-eu-prod',
  };
  // European copies of storefront services, run from the US company's subscription and so
  // billed in USD: the teams that own them have USD budgets, and a budget is only compared
  // with cost in its own currency. EUR cost stays with the platform team's EU logs.
  const europeanEdge = {
    ...storefrontAz,
    region: westeurope,
    resourceGroup: 'rg-storefront-eu',
  };
  const paymentsTags = standardTags('payments', 'prod', 'team-checkout');
  return [
    // payments-gateway: Windows Server Datacenter through Azure Hybrid Benefit, reserved
    ...[1, 2].flatMap(n =>
      azure.azureVm({
        ...payments,
        name: `payments-app-vm-${n}`,
        size: 'D8s v5',
        hourly: '0.384',
        os: 'Windows',
        hybridBenefit: true,
        cores: 8,
        tags: {
          ...paymentsTags,
          ...byol('microsoft-windows-server-datacenter'),
        },
        commitment: RESERVATION,
      }),
    ),
    azure.managedDisk({
      ...payments,
      name: 'payments-data-disk-1',
      tier: 'P30',
      monthly: '135.17',
      tags: paymentsTags,
    }),
    ...azure.azureVm({
      ...payments,
      name: 'payments-reporting-vm-1',
      size: 'D4s v5',
      hourly: '0.376',
      os: 'Windows',
      cores: 4,
      sqlLicense: { edition: 'Enterprise', hourly: '1.096' },
      tags: paymentsTags,
    }),
    ...azure.azureVm({
      ...storefrontAz,
      name: 'cart-admin-vm-1',
      size: 'D2s v5',
      hourly: '0.188',
      os: 'Windows',
      cores: 2,
      tags: standardTags('cart', 'prod', 'team-checkout'),
    }),
    // Licensed software on an untagged VM: the case the tagging report must surface.
    ...azure.azureVm({
      ...storefrontAz,
      name: 'legacy-reporting-vm',
      size: 'D4s v5',
      hourly: '0.376',
      os: 'Windows',
      cores: 4,
      sqlLicense: { edition: 'Standard', hourly: '0.40' },
    }),
    ...azure.functionApp({
      ...europeanEdge,
      name: 'image-resizer-fn-eu',
      executionsPerDay: 400_000,
      gbSecondsPerExecution: 0.5,
    }),
    azure.appServicePlan({
      ...europeanEdge,
      name: 'storefront-web-eu-plan',
      tier: 'P1 v3',
      hourly: '0.19',
      instances: 2,
      tags: standardTags(undefined, 'prod', 'team-checkout'),
    }),
    // Acme Retail Europe GmbH, billed in EUR
    azure.logAnalytics({
      ...europe,
      name: 'observability-eu-logs',
      gbPerDay: 8,
      price: '2.52',
      tags: standardTags('observability', 'prod', 'team-platform'),
    }),
  ];
}

function gcpLines(): CostLine[] {
  const recoTags = standardTags('recommendations', 'prod', 'team-catalog');
  const discoveryProject = GCP_PROJECTS.discoveryProd;
  const platformProject = GCP_PROJECTS.platformProd;
  return [
    // recommendations-ml: experimental, six months old; a three-day GPU training spike
    ...gcp.gceInstance({
      name: 'recommendations-train-1',
      sub: discoveryProject,
      region: usCentral1,
      machineType: 'n1-highmem-16',
      hourly: '0.9472',
      cores: 16,
      gpu: { model: 'Tesla V100', hourly: '2.48', count: 4 },
      hoursPerDay: 8,
      tags: recoTags,
      sinceMonthsAgo: 6,
      spikes: [{ daysBeforeEnd: 20, days: 3, factor: 3.5 }],
    }),
    ...[1, 2].flatMap(n =>
      gcp.gceInstance({
        name: `recommendations-serve-${n}`,
        sub: discoveryProject,
        region: usCentral1,
        availabilityZone: `us-central1-${'ab'[n - 1]}`,
        machineType: 'n1-standard-8',
        hourly: '0.38',
        cores: 8,
        gpu: { model: 'Tesla T4', hourly: '0.35', count: 1 },
        sustainedUse: '0.2',
        tags: recoTags,
        sinceMonthsAgo: 6,
      }),
    ),
    gcp.gcsBucket({
      name: 'acme-recommendations-models',
      sub: discoveryProject,
      region: usCentral1,
      gb: 3000,
      tags: recoTags,
      sinceMonthsAgo: 6,
    }),
    gcp.bigQueryDataset({
      name: 'catalog_analytics',
      sub: discoveryProject,
      region: usCentral1,
      tibPerDay: 0.35,
      tags: standardTags('catalog', 'prod', 'team-catalog'),
    }),
    // shared-platform owns project acme-platform-prod whole
    gcp.gkeCluster({
      name: 'acme-platform-gke',
      sub: platformProject,
      region: usCentral1,
      tags: standardTags('platform', 'prod', 'team-platform'),
    }),
    ...[1, 2, 3].flatMap(n =>
      gcp.gceInstance({
        name: `gke-acme-platform-gke-pool-${n}`,
        sub: platformProject,
        region: usCentral1,
        availabilityZone: `us-central1-${'abc'[n - 1]}`,
        machineType: 'n2-standard-4',
        hourly: '0.194236',
        cores: 4,
        sustainedUse: '0.2',
        tags: standardTags('platform', 'prod', 'team-platform'),
      }),
    ),
    gcp.cloudNat({
      name: 'platform-nat-router',
      sub: platformProject,
      region: usCentral1,
      tags: standardTags('platform', 'prod', 'team-platform'),
    }),
    gcp.cloudLogging({
      name: 'observability-logs',
      sub: platformProject,
      region: usCentral1,
      gbPerDay: 60,
      tags: standardTags('observability', 'prod', 'team-platform'),
    }),
  ];
}

/** The SaaS observability product, sold through the AWS Marketplace and invoiced by AWS. */
const LUMENWATCH = { providerName: 'Lumenwatch', publisherName: 'Lumenwatch' };
const LUMENWATCH_AGREEMENT = `arn:aws:aws-marketplace::${
  platform.id
}:agreement/agmt-${idsFor('lumenwatch').alnum(25).toLowerCase()}`;

function marketplaceLines(): CostLine[] {
  return [
    {
      key: 'marketplace/lumenwatch-ingest',
      provider: 'marketplace',
      account: AWS_PAYER,
      subAccount: platform,
      seller: LUMENWATCH,
      serviceName: 'Lumenwatch Observability Cloud',
      serviceCategory: 'Business Applications',
      serviceSubcategory: 'Other (Business Applications)',
      resourceId: LUMENWATCH_AGREEMENT,
      resourceName: 'Lumenwatch Observability Cloud',
      resourceType: 'Agreement',
      sku: {
        skuId: 'prod-lw7obs3cloud4x',
        skuPriceId: 'prod-lw7obs3cloud4x:LogIngestGB',
        skuMeter: 'Log ingestion',
        listUnitPrice: dec('0.10'),
        pricingUnit: 'GB',
        consumedUnit: 'GB',
        usageType: 'MP:LogIngestGB',
        operation: 'Usage',
      },
      chargeDescription:
        'Lumenwatch Observability Cloud - log ingestion per GB',
      usage: {
        perDay: 700,
        pattern: 'steady',
        monthlyGrowth: 0.02,
        noise: 0.08,
        decimals: 6,
      },
      commitment: SAAS_CREDIT,
    },
  ];
}

function commitments(): Commitment[] {
  return [
    {
      key: SAVINGS_PLAN,
      provider: 'aws',
      account: AWS_PAYER,
      subAccount: platform,
      id: `arn:aws:savingsplans::${platform.id}:savingsplan/${guid(
        'savings-plan',
      )}`,
      name: 'ComputeSavingsPlan-1yr-NoUpfront',
      category: 'Spend',
      type: 'Savings Plan',
      serviceName: 'Savings Plans for AWS Compute usage',
      serviceCategory: 'Compute',
      serviceSubcategory: 'Virtual Machines',
      skuId: 'ComputeSP:1yrNoUpfront',
      rate: dec('0.72'),
      // $2.75 per hour; covers the always-on Linux fleet with a little to spare.
      perDay: dec('66'),
      purchaseDescription:
        '1 year No Upfront Compute Savings Plan with 2.75 USD hourly commitment',
      unusedDescription: 'Unused Savings Plan commitment',
    },
    {
      key: RESERVATION,
      provider: 'azure',
      account: AZURE_US,
      subAccount: AZURE_SUBSCRIPTIONS.paymentsProd,
      region: eastus,
      id: azure.idOfReservation('payments-dsv5'),
      name: 'Reserved VM Instance, Standard_D8s_v5, US East, 1 Year',
      category: 'Usage',
      type: 'Reservation',
      serviceName: 'Virtual Machines',
      serviceCategory: 'Compute',
      serviceSubcategory: 'Virtual Machines',
      skuId: 'DZH318Z0BQ4L/0081',
      rate: dec('0.6'),
      // Bought for three VMs; two run, so a third of it goes unused every day.
      perDay: dec('0.35328').times(24).times('0.6').times(3),
      hoursPerDay: dec('72'),
      purchaseDescription:
        'Reserved VM Instance, Standard_D8s_v5, US East, 1 Year, monthly payment',
      unusedDescription: 'Unused reservation',
    },
    {
      key: SAAS_CREDIT,
      provider: 'marketplace',
      account: AWS_PAYER,
      subAccount: platform,
      id: `${LUMENWATCH_AGREEMENT}/prepaid-ingest`,
      name: 'Lumenwatch prepaid ingest credit',
      category: 'Spend',
      type: 'Prepaid Commitment',
      serviceName: 'Lumenwatch Observability Cloud',
      serviceCategory: 'Business Applications',
      serviceSubcategory: 'Other (Business Applications)',
      skuId: 'prod-lw7obs3cloud4x:PrepaidIngest',
      rate: dec('1'),
      perDay: dec('85'),
      purchaseDescription:
        'Lumenwatch Observability Cloud - prepaid ingest credit, monthly',
      seller: LUMENWATCH,
      unusedDescription: 'Lumenwatch prepaid ingest credit not drawn down',
    },
  ];
}

/** AWS Business support: 10 % of the first $10K, 7 % to $80K, 5 % to $250K, 3 % above. */
function awsBusinessSupport(billed: Decimal): Decimal {
  const tiers: Array<[number, string]> = [
    [10_000, '0.10'],
    [80_000, '0.07'],
    [250_000, '0.05'],
    [Infinity, '0.03'],
  ];
  let fee = new Decimal(0);
  let floor = 0;
  for (const [ceiling, rate] of tiers) {
    if (billed.lessThanOrEqualTo(floor)) break;
    const slice = Decimal.min(
      billed,
      ceiling === Infinity ? billed : ceiling,
    ).minus(floor);
    fee = fee.plus(slice.times(rate));
    floor = ceiling;
  }
  return Decimal.max(fee, 100).toDecimalPlaces(2);
}

function supportSubject(
  account: BillingAccount,
  subAccount: SubAccount,
  serviceName: string,
  description: string,
): RowSubject {
  return {
    account,
    subAccount,
    serviceName,
    serviceCategory: 'Other',
    serviceSubcategory: 'Support',
    chargeDescription: description,
  };
}

function monthlyFees(): MonthlyFee[] {
  return [
    {
      provider: 'aws',
      subject: supportSubject(
        AWS_PAYER,
        AWS_ACCOUNTS.management,
        'AWS Support (Business)',
        'AWS Support (Business) - monthly fee',
      ),
      fee: awsBusinessSupport,
    },
    {
      provider: 'azure',
      subject: supportSubject(
        AZURE_US,
        AZURE_SUBSCRIPTIONS.paymentsProd,
        'Azure Support',
        'Standard support plan',
      ),
      fee: () => dec('100'),
    },
    {
      provider: 'azure',
      subject: supportSubject(
        AZURE_EU,
        AZURE_SUBSCRIPTIONS.europeProd,
        'Azure Support',
        'Developer support plan',
      ),
      fee: () => dec('27.50'),
    },
    {
      provider: 'gcp',
      subject: supportSubject(
        GCP_BILLING,
        GCP_PROJECTS.platformProd,
        'Support',
        'Enhanced Support - monthly fee',
      ),
      fee: billed => Decimal.max(500, billed.times('0.03')).toDecimalPlaces(2),
    },
    // 40 seats, what observability-stack declares (saas-observability-seat=40).
    {
      provider: 'marketplace',
      subject: {
        account: AWS_PAYER,
        subAccount: platform,
        seller: LUMENWATCH,
        serviceName: 'Lumenwatch Observability Cloud',
        serviceCategory: 'Business Applications',
        serviceSubcategory: 'Other (Business Applications)',
        resourceId: LUMENWATCH_AGREEMENT,
        resourceName: 'Lumenwatch Observability Cloud',
        resourceType: 'Agreement',
        sku: {
          skuId: 'prod-lw7obs3cloud4x',
          skuPriceId: 'prod-lw7obs3cloud4x:UserSeat',
          skuMeter: 'User seat',
          listUnitPrice: dec('39'),
          pricingUnit: 'Users',
          consumedUnit: 'Users',
          usageType: 'MP:UserSeat',
          operation: 'Subscription',
          priceDetails: { x_Seats: 40 },
        },
        chargeDescription:
          'Lumenwatch Observability Cloud - user seats, monthly subscription',
      },
      quantity: dec(40),
      unitPrice: dec(39),
      fee: () => dec(40 * 39),
    },
  ];
}

const TAXES: TaxPoint[] = [
  { provider: 'aws', account: AWS_PAYER, subAccount: AWS_ACCOUNTS.management },
  {
    provider: 'azure',
    account: AZURE_US,
    subAccount: AZURE_SUBSCRIPTIONS.paymentsProd,
  },
  {
    provider: 'azure',
    account: AZURE_EU,
    subAccount: AZURE_SUBSCRIPTIONS.europeProd,
  },
  {
    provider: 'gcp',
    account: GCP_BILLING,
    subAccount: GCP_PROJECTS.platformProd,
  },
  { provider: 'marketplace', account: AWS_PAYER, subAccount: platform },
];

/** The whole demo estate. Built fresh on each call so callers may not share mutable state. */
export function demoCatalog(): DemoCatalog {
  return {
    lines: [
      ...awsLines(),
      ...azureLines(),
      ...gcpLines(),
      ...marketplaceLines(),
    ],
    commitments: commitments(),
    monthlyFees: monthlyFees(),
    taxes: TAXES,
  };
}
