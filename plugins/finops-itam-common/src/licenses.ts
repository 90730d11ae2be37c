/**
 * Types of the license API: products and their counting rules, entitlements, consumption,
 * the effective license position and reharvest candidates. Quantities are license units of
 * the product's metric (whole numbers); amounts are exact decimal strings next to a currency.
 */

/** How a product is counted. @public */
export type LicenseMetric =
  | 'per-core'
  | 'per-vcpu'
  | 'per-processor'
  | 'per-socket'
  | 'per-instance'
  | 'per-user'
  | 'subscription'
  | 'consumption-credit';

/**
 * Parameters of a metric's counting rule, per VM or instance. Every field is optional; a
 * product's definition holds the numbers (domain facts users can override).
 * @public
 */
export interface LicenseCountingRule {
  /** Fewest licenses one VM needs (SQL Server: 4 cores, Windows Server: 8). */
  minimumPerVm?: number;
  /** Licenses are sold in packs of this many; the count is rounded up to a multiple. */
  packSize?: number;
  /** vCPUs one license covers when hyper-threading is on (Oracle EE: 2). */
  vcpusPerLicenseHyperThreaded?: number;
  /** vCPUs one license covers without hyper-threading (Oracle EE: 1). */
  vcpusPerLicense?: number;
  /** Physical-core multiplier on premises (Oracle x86: 0.5), rounded up after. */
  coreFactor?: number;
  /** vCPUs above this are not counted (Oracle SE2: 8). */
  maxVcpusCounted?: number;
  /** VMs one subscription covers (RHEL: 2). */
  vmsPerLicense?: number;
  /**
   * Largest VM, in vCPUs, the product may run on at all (Oracle SE2: 8). Larger VMs are
   * still counted in full and flagged as a compliance risk.
   */
  maxVcpusAllowed?: number;
  /**
   * How the product is counted on a dedicated host (a physical server the VMs run on):
   * on the host's physical cores instead of per VM. Absent: counted per VM wherever it runs.
   */
  dedicatedHost?: LicenseDedicatedHostRule;
}

/**
 * Host licensing of a per-core product (Windows Server, SQL Server): all physical cores of
 * the host, raised to the minimums. @public
 */
export interface LicenseDedicatedHostRule {
  /** Fewest licenses per physical processor (socket) of the host (Windows Server: 8, SQL Server: 4). */
  minimumPerProcessor?: number;
  /** Fewest licenses per host (Windows Server: 16). */
  minimumPerHost?: number;
  /**
   * VMs that one licensing of all the host's cores covers (Windows Server Standard: 2); more
   * VMs license the cores again. Absent: any number of VMs (Windows Server Datacenter).
   */
  vmsPerHostLicense?: number;
}

/** BYOL rights of a product or entitlement. @public */
export interface ByolRights {
  /** Providers where bringing the license is allowed, e.g. `AWS`, `Microsoft`, `Google Cloud`. */
  allowedProviders?: string[];
  /** `shared` (default tenancy), `dedicated-instance`, `dedicated-host`. */
  allowedTenancy?: Array<'shared' | 'dedicated-instance' | 'dedicated-host'>;
  /** Whether License Mobility through Software Assurance is required for shared tenancy. */
  requiresLicenseMobility?: boolean;
  /**
   * Providers where shared tenancy is allowed even though `allowedTenancy` leaves it out
   * (Windows Server: only on Azure, through Azure Hybrid Benefit).
   */
  sharedTenancyProviders?: string[];
  /**
   * Licenses acquired on or after a date may not be brought to these providers' dedicated
   * hosts (Microsoft's "Listed Providers" rule of 2019-10-01), unless License Mobility
   * covers them, when the product has it.
   */
  dedicatedHostCutoff?: ByolDedicatedHostCutoff;
  /**
   * Providers where the license may be brought only with Software Assurance or as a
   * subscription license (Azure Hybrid Benefit on Azure).
   */
  softwareAssuranceRequiredOn?: string[];
  /**
   * Whether a subscription license (an entitlement with `subscription: true`) carries the
   * Software Assurance benefits: License Mobility and Azure Hybrid Benefit.
   */
  subscriptionIncludesSoftwareAssurance?: boolean;
}

/** A date after which licenses lose the right to dedicated hosts of some providers. @public */
export interface ByolDedicatedHostCutoff {
  /** `YYYY-MM-DD`: licenses acquired before it keep the right (Microsoft: 2019-10-01). */
  acquiredBefore: string;
  /** Providers the rule names, matched as in `allowedProviders` (AWS, Google, Alibaba). */
  providers: string[];
  /** Tenancies the rule covers; default `dedicated-host` and `dedicated-instance`. */
  tenancy?: Array<'shared' | 'dedicated-instance' | 'dedicated-host'>;
  /** True when License Mobility through Software Assurance still allows it (SQL Server). */
  unlessLicenseMobility: boolean;
}

/** The BYOL right a deployment breaks. @public */
export type ByolRuleName =
  | 'allowed-providers'
  | 'allowed-tenancy'
  | 'license-mobility'
  | 'dedicated-host-cutoff'
  | 'software-assurance';

/**
 * Another product a product's licenses may cover, and at what ratio: SQL Server Enterprise
 * covers Standard 1:1 (down-edition), and 1:4 on Azure with Software Assurance. @public
 */
export interface LicenseCoverRule {
  productId: string;
  /** Licenses of the covered product that one license of this product covers. */
  ratio: number;
  /** Only for use on these providers (matched like `allowedProviders`); absent: anywhere. */
  providers?: string[];
  /** Only entitlements with Software Assurance (or a subscription that carries it). */
  requiresSoftwareAssurance?: boolean;
  /** Where the right comes from, e.g. the publisher's document. */
  source?: string;
}

/** A licensable product. Ids are lowercase kebab-case. @public */
export interface LicenseProduct {
  id: string;
  publisher: string;
  name: string;
  edition?: string;
  metric: LicenseMetric;
  rule: LicenseCountingRule;
  byol?: ByolRights;
  /** Other products this product's surplus licenses may cover (edition conversions). */
  covers?: LicenseCoverRule[];
  /** The publisher's list price, for shortage exposure. */
  listPrice?: LicenseListPrice;
}

/**
 * A list price and what it buys: a yearly subscription, or a perpetual license with yearly
 * support. Shortage exposure is its cost per year (see `per`). @public
 */
export interface LicenseListPrice {
  amount: string;
  currency: string;
  /** License units the amount buys, e.g. 2 for a 2-core pack or 16 for a 16-core pack; default 1. */
  units?: number;
  /**
   * `year`: a subscription price for one year. `perpetual`: a one-time license price, counted
   * per year as `amount / amortisationYears + amount × annualSupportRate`.
   */
  per: 'year' | 'perpetual';
  /** Perpetual only: the yearly support fee as a fraction of the license price (Oracle: 0.22). */
  annualSupportRate?: string;
  /** Perpetual only: the years the license price is spread over for exposure. */
  amortisationYears?: number;
}

/** An amount with its currency. @public */
export interface LicenseMoney {
  amount: string;
  currency: string;
}

/** A right to use a product. @public */
export interface LicenseEntitlement {
  id: string;
  productId: string;
  metric: LicenseMetric;
  quantity: number;
  /** Cost for the whole term (`per: 'term'`) or per license unit for the term (`per: 'unit'`). */
  cost: LicenseMoney & { per: 'term' | 'unit' };
  termStart: string;
  /** Last day covered, `YYYY-MM-DD` (inclusive). */
  termEnd: string;
  trueUpDate?: string;
  softwareAssurance?: boolean;
  /**
   * When the licenses were acquired, `YYYY-MM-DD`: BYOL rights may depend on it (licenses
   * bought on or after 2019-10-01 lost dedicated hosts of AWS, Google and Alibaba). Unknown
   * where a rule needs it counts as not proven, so the placement is flagged.
   */
  acquiredOn?: string;
  /** A subscription license (e.g. through CSP) rather than a perpetual one. */
  subscription?: boolean;
  byol?: ByolRights;
  /** Group entity ref that owns the entitlement, e.g. `group:default/itam`. */
  owner: string;
  contractReference?: string;
  /** SaaS consumption commitments: credit bought up front, drawn down per month. */
  prepaid?: LicenseMoney;
  /**
   * When the entitlement is paid, for the billed (cash) basis: amounts in the entitlement's
   * currency that sum exactly to its term cost. Without it the whole term cost is paid on
   * `termStart`.
   */
  payments?: LicensePayment[];
  /**
   * The cloud bill's charge for this license (a marketplace Purchase row). When set, the
   * entitlement's cost is not added from the entitlement: the bill already carries it. Its
   * quantity still counts in the license position.
   */
  sourceCharge?: LicenseSourceCharge;
}

/** One payment of an entitlement. @public */
export interface LicensePayment {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Exact decimal string, in the entitlement's currency. */
  amount: string;
}

/**
 * The cost data charge that bills an entitlement: its sub account (FOCUS `SubAccountId`)
 * and its SKU (`SkuId`) or resource (`ResourceId`). @public
 */
export interface LicenseSourceCharge {
  subAccountId: string;
  skuId?: string;
  resourceId?: string;
}

/** One invalid entitlement record, e.g. from `PUT /licenses/entitlements` or a file. @public */
export interface EntitlementRejection {
  /** Record index (0-based) or file row (1-based) where it was found. */
  index: number;
  id?: string;
  field: string;
  reason: string;
  /** File the record came from, when it was loaded from an entitlement source. */
  file?: string;
}

/** `PUT /licenses/entitlements` result. @public */
export interface EntitlementUpsertResponse {
  upserted: number;
}

/** Compliance status of a product. @public */
export type LicensePositionStatus = 'compliant' | 'shortage' | 'surplus' | 'non-compliant';

/** One product of `GET /licenses/position`. @public */
export interface LicensePositionEntry {
  productId: string;
  productName: string;
  metric: LicenseMetric;
  entitled: number;
  /**
   * The concurrent peak: the highest daily requirement over the evaluation window
   * (`finopsItam.licenses.evaluationDays` complete days up to the latest complete day of cost
   * data, default 30), a day's requirement being the sum over the deployments billed that
   * day. `byolRequired` and `licenseIncludedRequired` are the same day's.
   */
  required: number;
  /** The requirement on the latest complete day; absent from backends before it was added. */
  requiredNow?: number;
  /** The day of the peak; null when nothing was required. */
  peakDay?: string | null;
  byolRequired: number;
  licenseIncludedRequired: number;
  /**
   * entitled − (required − licenseIncludedRequired), plus what other products' licenses
   * cover (`coveredBy`) and minus what this product's cover elsewhere (`conversions`):
   * license-included needs no entitlement.
   */
  position: number;
  status: LicensePositionStatus;
  /**
   * The cost per year of buying the shortage at list price (a perpetual price is spread over
   * its amortisation years, plus support); null without a shortage or a list price.
   */
  exposure: LicenseMoney | null;
  trueUpDate: string | null;
  projectedAtTrueUp: number | null;
  /** Entitled but not required. */
  shelfware: number;
  /** Resources whose size is unknown, so they could not be counted. */
  unknownSizeResources: number;
  /** Ref of the product's `software-license` Resource entity, when it has an entitlement. */
  licenseEntityRef: string | null;
  /**
   * Which entitlements cover the requirement, the product's own first; present when
   * another product's licenses (an edition conversion) cover part of it.
   */
  coveredBy?: LicenseCoverage[];
  /** Surplus of this product's entitlements used to cover other products; present when any. */
  conversions?: LicenseConversion[];
  /**
   * BYOL deployments outside their rights; present when any, and then the status is
   * `non-compliant` whatever the position.
   */
  nonCompliance?: LicenseNonCompliance[];
}

/** How much of a product's requirement one entitlement covers. @public */
export interface LicenseCoverage {
  entitlementId: string;
  /** The entitlement's product: the covered product itself, or one whose `covers` rule applies. */
  productId: string;
  /** Licenses of the covered product. */
  quantity: number;
  /** Licenses of the entitlement used for them (quantity ÷ ratio, rounded up). */
  entitlementQuantity: number;
  /** The conversion right in words; absent for the product's own entitlements. */
  rule?: string;
}

/** Surplus licenses of an entitlement used for another product. @public */
export interface LicenseConversion {
  entitlementId: string;
  coveredProductId: string;
  /** Licenses of the covered product. */
  quantity: number;
  /** Licenses of the entitlement used. */
  entitlementQuantity: number;
  rule: string;
}

/** One BYOL deployment outside its rights. @public */
export interface LicenseNonCompliance {
  rule: ByolRuleName;
  message: string;
  entityRef: string | null;
  resourceId: string | null;
  resourceName: string | null;
}

/** Where a consumption came from. @public */
export type LicenseConsumptionSource = 'cost-data' | 'catalog' | 'seat-import';

/** How one deployment was counted. @public */
export interface LicenseRequirementReason {
  source: LicenseConsumptionSource;
  resourceId?: string;
  resourceName?: string;
  /** vCPUs or cores of the resource; null when unknown (then it is not counted). */
  vcpus?: number | null;
  quantity: number;
  /** E.g. `7 vCPUs → 8 core licenses: 2-core packs`. */
  rule: string;
  /**
   * The entity this requirement comes from; set on System and Domain answers, which sum
   * the use of their members.
   */
  entityRef?: string;
}

/** A flag on an entity's use of a product. @public */
export interface LicenseUsageFlag {
  kind:
    | 'unauthorized-product'
    | 'reharvest-candidate'
    | 'byol-not-allowed'
    | 'unknown-size'
    | 'core-count-mismatch'
    | 'unknown-product';
  message: string;
  /** For `byol-not-allowed` from the BYOL rights: the rule that failed. */
  rule?: ByolRuleName;
}

/**
 * How an entity's use of a product is licensed: BYOL or license-included in cost data, declared
 * in the `finops-itam.io/licenses` annotation, or seats from a seat import. @public
 */
export type LicenseUsageModel = 'byol' | 'license-included' | 'declared' | 'seat';

/** One source of an entity's use of a product, with the deployments behind it. @public */
export interface EntityLicenseUsageSource {
  model: LicenseUsageModel;
  source: LicenseConsumptionSource;
  /**
   * Licenses this source adds to the requirement. A declaration adds what BYOL cost data
   * does not already count; license-included licenses came with the cloud bill.
   */
  required: number;
  reasons: LicenseRequirementReason[];
}

/** One product an entity consumes, whatever its sources. @public */
export interface EntityLicenseUsage {
  productId: string;
  productName: string;
  metric: LicenseMetric;
  /** Licenses that need entitlements: BYOL, seats and what declarations add. */
  required: number;
  /** Licenses that came with the cloud bill (license-included), needing no entitlement. */
  licenseIncluded: number;
  /** Each source with what it adds, in the order byol, declared, license-included, seat. */
  sources: EntityLicenseUsageSource[];
  /**
   * False when the entity needs entitlements and the product as a whole is short of them
   * (use that is only license-included is always covered).
   */
  covered: boolean;
  /**
   * Other products' entitlements that cover part of the product's requirement (edition
   * conversions), organisation-wide; absent when none.
   */
  coveredBy?: LicenseCoverage[];
  status: LicensePositionStatus | null;
  /**
   * The entity's share of entitlement cost for the latest full month, in the currency with
   * the largest amount (the first of `monthlyCosts`); null when none.
   */
  monthlyCost: LicenseMoney | null;
  /**
   * The same share in every currency the product's entitlements are bought in, largest
   * first, never added together; empty when none. Absent from backends before it was added.
   */
  monthlyCosts?: LicenseMoney[];
  flags: LicenseUsageFlag[];
  licenseEntityRef: string | null;
}

/**
 * A product id found in cost data tags (or an annotation) that the product catalog does not
 * know: reported rather than dropped, so it can be added or the tag fixed. @public
 */
export interface UnknownLicenseProductUse {
  productId: string;
  source: LicenseConsumptionSource;
  entityRef: string | null;
  resourceId: string | null;
  resourceName: string | null;
}

/** `GET /entities/:kind/:namespace/:name/licenses`. @public */
export interface EntityLicensesResponse {
  entityRef: string;
  products: EntityLicenseUsage[];
  /** Product ids the entity's resources are tagged with that no product definition has. */
  unknownProducts?: UnknownLicenseProductUse[];
}

/** `GET /licenses/unknown-products`. @public */
export interface UnknownLicenseProductsResponse {
  items: UnknownLicenseProductUse[];
}

/** `GET /licenses/products`: the effective product catalog (shipped, config and API). @public */
export interface LicenseProductsResponse {
  products: LicenseProduct[];
}

/** `GET /licenses/entitlements`. @public */
export interface LicenseEntitlementsResponse {
  entitlements: LicenseEntitlement[];
}

/** One assigned seat of a SaaS product, as `PUT /licenses/seats/:productId` takes it. @public */
export interface LicenseSeat {
  /** User name or e-mail the seat is assigned to. */
  user: string;
  /** Last day of use, `YYYY-MM-DD`; absent when never used. */
  lastActive?: string | null;
  /** Catalog entity (user, group or component) the seat is charged to, if known. */
  entityRef?: string | null;
}

/** Why a license could be reclaimed. @public */
export type ReharvestReason =
  | 'deprecated-component'
  | 'entity-missing'
  | 'inactive-seat'
  | 'resource-absent';

/** One candidate of `GET /licenses/reharvest`. @public */
export interface ReharvestCandidate {
  productId: string;
  reason: ReharvestReason;
  /** Human-readable detail, e.g. `seat alice@example.com inactive since 2026-07-01`. */
  detail: string;
  entityRef: string | null;
  resourceId: string | null;
  quantity: number;
}

/** `GET /licenses/reharvest`. @public */
export interface ReharvestResponse {
  candidates: ReharvestCandidate[];
}

/** One product with an entitlement, as the catalog module turns it into a Resource entity. @public */
export interface LicenseCatalogProduct {
  productId: string;
  productName: string;
  publisher: string;
  metric: LicenseMetric;
  /** Owner group ref of the product's entitlements (the first by id when they differ). */
  owner: string;
  entitled: number;
  required: number;
  /** Refs of the catalog entities that consume the product, sorted. */
  consumers: string[];
}

/** `GET /licenses/catalog`: what the catalog module reads to emit license Resources. @public */
export interface LicenseCatalogResponse {
  products: LicenseCatalogProduct[];
}

/** `spec.type` of the Resource entity the catalog module emits per licensed product. @public */
export const SOFTWARE_LICENSE_RESOURCE_TYPE = 'software-license';

/**
 * Name of the `software-license` Resource entity of a product: prefixed so that a product id
 * such as `rhel` never collides with a real Resource of the same name. @public
 */
export function licenseResourceName(productId: string): string {
  return `license-${productId}`;
}

/** Entity ref of a product's `software-license` Resource, e.g. `resource:default/license-rhel`. @public */
export function licenseResourceEntityRef(productId: string): string {
  return `resource:default/${licenseResourceName(productId)}`;
}
