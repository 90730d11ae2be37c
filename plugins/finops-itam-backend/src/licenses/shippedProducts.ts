import {
  LicenseListPrice,
  LicenseProduct,
} from '@finops-itam/plugin-finops-itam-common';

/**
 * List prices in USD with their basis; PRICES.md gives each one's public source and the
 * date it was read. Perpetual prices are spread over PERPETUAL_YEARS for exposure, plus
 * their yearly support.
 */
const PERPETUAL_YEARS = 3;
const subscriptionPerYear = (amount: string, units = 1): LicenseListPrice => ({
  amount,
  currency: 'USD',
  ...(units === 1 ? {} : { units }),
  per: 'year',
});
const perpetual = (
  amount: string,
  annualSupportRate: string,
  units = 1,
): LicenseListPrice => ({
  amount,
  currency: 'USD',
  ...(units === 1 ? {} : { units }),
  per: 'perpetual',
  annualSupportRate,
  amortisationYears: PERPETUAL_YEARS,
});

/**
 * SQL Server in the cloud: licensed per vCPU as cores, 4 at least per VM, in 2-core packs.
 * On a dedicated host, per physical core of the host with 4 at least per processor (SQL
 * Server licensing guide, "Licensing by physical core").
 */
const SQL_SERVER_RULE = {
  minimumPerVm: 4,
  packSize: 2,
  dedicatedHost: { minimumPerProcessor: 4 },
};

/**
 * Microsoft's outsourcing change of 2019-10-01 (Product Terms; "Updates to Microsoft
 * outsourcing and hosting terms", August 2019): licenses acquired on or after it may not
 * go to dedicated hosted services of the Listed Providers Alibaba, Amazon and Google (and
 * Microsoft, where Azure Hybrid Benefit applies instead) without License Mobility through
 * Software Assurance; products without License Mobility (Windows Server) not at all.
 * Applies to dedicated hosts and dedicated instances alike.
 */
const LISTED_PROVIDERS_CUTOFF = {
  acquiredBefore: '2019-10-01',
  providers: ['AWS', 'Amazon', 'Google', 'Alibaba'],
  tenancy: ['dedicated-host' as const, 'dedicated-instance' as const],
};
/** Azure Hybrid Benefit: Windows Server and SQL Server on Azure need SA or a subscription. */
const AZURE = ['Microsoft', 'Azure'];

/**
 * SQL Server on shared hosts of any provider needs License Mobility through Software
 * Assurance; on dedicated hosts of the Listed Providers too, for licenses acquired on or
 * after 2019-10-01. Subscription licenses carry the SA benefits (Microsoft Product Terms,
 * "SQL Server subscription licenses").
 */
const SQL_SERVER_BYOL = {
  requiresLicenseMobility: true,
  dedicatedHostCutoff: {
    ...LISTED_PROVIDERS_CUTOFF,
    unlessLicenseMobility: true,
  },
  softwareAssuranceRequiredOn: AZURE,
  subscriptionIncludesSoftwareAssurance: true,
};

/**
 * Windows Server: 8 core licenses at least per VM, in 2-core packs. On a dedicated host, all
 * physical cores with 8 at least per processor and 16 per host (Windows Server licensing
 * guide, core-based licensing); Datacenter then covers any number of VMs on the host,
 * Standard two VMs per licensing of all the cores.
 */
const WINDOWS_SERVER_HOST = { minimumPerProcessor: 8, minimumPerHost: 16 };
const WINDOWS_SERVER_DATACENTER_RULE = {
  minimumPerVm: 8,
  packSize: 2,
  dedicatedHost: WINDOWS_SERVER_HOST,
};
const WINDOWS_SERVER_STANDARD_RULE = {
  minimumPerVm: 8,
  packSize: 2,
  dedicatedHost: { ...WINDOWS_SERVER_HOST, vmsPerHostLicense: 2 },
};
/**
 * Windows Server may not be brought to shared AWS or GCP hosts (no License Mobility); on
 * Azure it may, through Azure Hybrid Benefit with Software Assurance or subscription
 * licenses; elsewhere only on dedicated hosts, and on the Listed Providers' only with
 * licenses acquired before 2019-10-01, Software Assurance or not.
 */
const WINDOWS_SERVER_BYOL = {
  allowedTenancy: ['dedicated-host' as const],
  sharedTenancyProviders: AZURE,
  dedicatedHostCutoff: {
    ...LISTED_PROVIDERS_CUTOFF,
    unlessLicenseMobility: false,
  },
  softwareAssuranceRequiredOn: AZURE,
  subscriptionIncludesSoftwareAssurance: true,
};

/**
 * What SQL Server Enterprise licenses may cover besides Enterprise: with Software
 * Assurance, one core covers four vCPUs of Standard on Azure (Azure Hybrid Benefit); and
 * Standard one to one anywhere, as a down-edition right.
 */
const SQL_SERVER_ENTERPRISE_COVERS = [
  {
    productId: 'microsoft-sql-server-standard',
    ratio: 4,
    providers: AZURE,
    requiresSoftwareAssurance: true,
    source: 'Azure Hybrid Benefit, Microsoft Product Terms',
  },
  {
    productId: 'microsoft-sql-server-standard',
    ratio: 1,
    source: 'down-edition rights, Microsoft Product Terms',
  },
];

/** Oracle authorizes AWS, Azure and GCP for BYOL at any tenancy. */
const ORACLE_BYOL = {
  allowedProviders: [
    'AWS',
    'Amazon Web Services',
    'Microsoft',
    'Azure',
    'Google Cloud',
  ],
};

/**
 * The products this plugin knows out of the box, with the counting rules of
 * `domain.md` §2. The numbers are vendor terms as data: `finopsItam.licenses.products`
 * and `PUT /licenses/products` override or extend them by id. List prices are the
 * publishers' public list prices with their basis, used only for shortage exposure;
 * override them with your contract prices.
 */
export const SHIPPED_LICENSE_PRODUCTS: readonly LicenseProduct[] = [
  {
    id: 'microsoft-sql-server-enterprise',
    publisher: 'Microsoft',
    name: 'SQL Server Enterprise',
    edition: 'Enterprise',
    metric: 'per-core',
    rule: SQL_SERVER_RULE,
    byol: SQL_SERVER_BYOL,
    covers: SQL_SERVER_ENTERPRISE_COVERS,
    // Subscription: 5,434 per 2-core pack per year.
    listPrice: subscriptionPerYear('5434', 2),
  },
  {
    id: 'microsoft-sql-server-standard',
    publisher: 'Microsoft',
    name: 'SQL Server Standard',
    edition: 'Standard',
    metric: 'per-core',
    rule: SQL_SERVER_RULE,
    byol: SQL_SERVER_BYOL,
    // Subscription: 1,418 per 2-core pack per year.
    listPrice: subscriptionPerYear('1418', 2),
  },
  {
    id: 'microsoft-windows-server-standard',
    publisher: 'Microsoft',
    name: 'Windows Server Standard',
    edition: 'Standard',
    metric: 'per-core',
    rule: WINDOWS_SERVER_STANDARD_RULE,
    byol: WINDOWS_SERVER_BYOL,
    // Perpetual 16-core license, Software Assurance about 25 % of it a year.
    listPrice: perpetual('1069', '0.25', 16),
  },
  {
    id: 'microsoft-windows-server-datacenter',
    publisher: 'Microsoft',
    name: 'Windows Server Datacenter',
    edition: 'Datacenter',
    metric: 'per-core',
    rule: WINDOWS_SERVER_DATACENTER_RULE,
    byol: WINDOWS_SERVER_BYOL,
    // Perpetual 16-core license, Software Assurance about 25 % of it a year.
    listPrice: perpetual('6155', '0.25', 16),
  },
  {
    id: 'oracle-database-enterprise',
    publisher: 'Oracle',
    name: 'Oracle Database Enterprise Edition',
    edition: 'Enterprise',
    metric: 'per-processor',
    rule: {
      vcpusPerLicenseHyperThreaded: 2,
      vcpusPerLicense: 1,
      coreFactor: 0.5,
    },
    byol: ORACLE_BYOL,
    // Perpetual per processor; Software Update License & Support 22 % of it a year.
    listPrice: perpetual('47500', '0.22'),
  },
  {
    id: 'oracle-database-standard-2',
    publisher: 'Oracle',
    name: 'Oracle Database Standard Edition 2',
    edition: 'Standard Edition 2',
    metric: 'per-socket',
    // 4 vCPUs = 1 socket; SE2 may run on 8 vCPUs at most (flagged, not capped).
    rule: { vcpusPerLicense: 4, maxVcpusAllowed: 8 },
    byol: ORACLE_BYOL,
    // Perpetual per socket; Software Update License & Support 22 % of it a year.
    listPrice: perpetual('17500', '0.22'),
  },
  {
    id: 'rhel',
    publisher: 'Red Hat',
    name: 'Red Hat Enterprise Linux',
    metric: 'subscription',
    rule: { vmsPerLicense: 2 },
    byol: {
      allowedProviders: [
        'AWS',
        'Amazon Web Services',
        'Microsoft',
        'Azure',
        'Google Cloud',
      ],
    },
    // Subscription per year (standard support); not verified, see PRICES.md.
    listPrice: subscriptionPerYear('799'),
  },
  {
    id: 'saas-observability-seat',
    publisher: 'Generic SaaS',
    name: 'SaaS seat',
    metric: 'per-user',
    rule: {},
  },
];
