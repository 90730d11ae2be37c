/**
 * Response types of the cost and allocation API. Amounts are exact decimal strings, always
 * next to the currency they are in; periods are half-open `[from, to)` of `YYYY-MM-DD` days.
 */

/** Which amount costs are read as: EffectiveCost (amortized, the default) or BilledCost. @public */
export type CostBasis = 'amortized' | 'billed';

/** Buckets of a cost series. @public */
export type CostGranularity = 'day' | 'month';

/**
 * Whether allocation has caught up with the catalog and the ingested facts: `running`
 * while a run is in progress or facts wait to be allocated, `never-run` before the first run.
 * @public
 */
export type AllocationState = 'current' | 'running' | 'never-run';

/** Allocation status shown next to allocated amounts. @public */
export interface AllocationStatus {
  state: AllocationState;
  /** When the latest run finished (or started, while running); null before the first. */
  lastRunAt: string | null;
}

/** One bucket of an entity's cost series. @public */
export interface EntityCostPoint {
  /** `YYYY-MM-DD` for days, `YYYY-MM` for months. */
  date: string;
  total: string;
  direct: string;
  shared: string;
  licenses: string;
}

/** An amount in another currency, which is never added to the main one. @public */
export interface CurrencyTotal {
  currency: string;
  total: string;
}

/** How an entity is mapped to costs, with the annotation to add when it is not. @public */
export interface EntityCostMapping {
  mapped: boolean;
  /** The entity's cost annotations, key → value. */
  annotations: Record<string, string>;
  /** An annotation that would map the entity, e.g. `finops-itam.io/cost-tags: application=checkout`. */
  suggestion?: string;
}

/**
 * `GET /entities/:kind/:namespace/:name/cost`: the entity's all-in cost, summed over
 * everything that rolls up into it, in the currency with the largest total.
 * @public
 */
export interface EntityCostResponse {
  entityRef: string;
  /** Null when the entity has no cost in the period. */
  currency: string | null;
  from: string;
  to: string;
  basis: CostBasis;
  granularity: CostGranularity;
  total: string;
  direct: string;
  shared: string;
  /** "0" until licenses are allocated. */
  licenses: string;
  series: EntityCostPoint[];
  byService: Array<{
    serviceName: string | null;
    serviceCategory: string | null;
    total: string;
  }>;
  byChargeCategory: Array<{ chargeCategory: string; total: string }>;
  /** Directly allocated cost per resource, costliest first (at most 100). */
  byResource?: Array<{
    resourceId: string | null;
    resourceName: string | null;
    serviceName: string | null;
    total: string;
  }>;
  /** Totals in currencies other than `currency`, when there are any. */
  otherCurrencies?: CurrencyTotal[];
  mapping: EntityCostMapping;
  allocation: AllocationStatus;
}

/** Allocated and unallocated cost of a scope. @public */
export interface AllocationCoverageTotals {
  currency: string | null;
  total: string;
  /** Directly allocated plus split shared pools. */
  allocated: string;
  unallocated: string;
  /** allocated / total × 100, two decimals; null when the total is zero. */
  allocatedPercent: number | null;
}

/** `GET /allocation/coverage`. @public */
export interface AllocationCoverageResponse extends AllocationCoverageTotals {
  from: string;
  to: string;
  basis: CostBasis;
  otherCurrencies?: CurrencyTotal[];
  byBillingAccount: Array<
    AllocationCoverageTotals & { billingAccountId: string }
  >;
  allocation: AllocationStatus;
  /** Distinct rule conflicts of the latest allocation run (`GET /allocation/conflicts`). */
  conflictCount?: number;
}

/**
 * Rows several entities claimed with the same rule and specificity in the latest
 * allocation run; they went to `winner` by a deterministic tie-break. @public
 */
export interface AllocationConflict {
  resourceId: string | null;
  resourceName: string | null;
  /** resource | tags | account | fallback */
  rule: string;
  /** Lowercase ref of the entity that got the rows. */
  winner: string;
  /** Lowercase refs of every tied entity, sorted, the winner among them. */
  candidates: string[];
  /** Cost facts (resource-days) affected. */
  factCount: number;
}

/** `GET /allocation/conflicts`, most facts first. @public */
export interface AllocationConflictsResponse {
  conflicts: AllocationConflict[];
  /** Distinct conflicts in all, beyond `limit` too. */
  total: number;
}

/** `POST /allocation/run`. @public */
export interface AllocationRunResponse {
  status: 'succeeded' | 'failed';
  entities: number;
  factsScanned: number;
  factsChanged: number;
  sharedPools: number;
  sharedParts: number;
  durationMs: number;
  message: string;
  /** Distinct rule conflicts found by the run. */
  conflicts?: number;
  /** Configuration problems met while splitting pools, e.g. a metric pool without volumes. */
  configIssues?: string[];
  /**
   * Months of prepaid pools still open when the run ran: only their month-to-date share
   * (month's charges × complete days / days in month) is split, by usage so far through
   * `through`; what nobody used is assigned once the month closes.
   */
  openPrepaidMonths?: Array<{
    poolId: string;
    /** `YYYY-MM`. */
    month: string;
    /** The last complete day counted, `YYYY-MM-DD`. */
    through: string;
    elapsedDays: number;
    daysInMonth: number;
  }>;
  /** Milliseconds per phase (catalog, facts, pools, rollup). */
  phasesMs?: Record<string, number>;
}

/** A resource's suggested owner from a naming standard. @public */
export interface SuggestedOwner {
  /** Lowercase ref of the component whose name the resource id or name contains. */
  entityRef: string;
  /** Which field matched which name, e.g. `resource name "checkout-vm-1" contains component name "checkout"`. */
  reason: string;
}

/** One unallocated resource of `GET /allocation/unallocated`, amounts in the response currency. @public */
export interface UnallocatedResource {
  resourceId: string | null;
  resourceName: string | null;
  serviceName: string | null;
  subAccountId: string | null;
  billingAccountId: string;
  /** Amortized cost in the period. */
  cost: string;
  /** Tags of the resource's latest fact in the period. */
  tags: Record<string, string>;
  suggestedOwner?: SuggestedOwner;
}

/** Resources of one owner that lack required tag keys. @public */
export interface MissingTagsGroup {
  /** Owner group of the entity the resources are allocated to; null when unallocated. */
  owner: string | null;
  requiredTags: string[];
  /** Resources lacking at least one key, sorted by id then name (at most `limit`). */
  resources: Array<{
    resourceId: string | null;
    resourceName: string | null;
    missing: string[];
  }>;
  /** How many resources of this owner lack tags, including any beyond `limit`. */
  resourceCount: number;
}

/**
 * `GET /allocation/unallocated`: the costliest unallocated resources in `[from, to)` in the
 * currency with the largest unallocated total, and per owner the resources missing required tags.
 * @public
 */
export interface UnallocatedResponse {
  /** Null when nothing is unallocated in the period. */
  currency: string | null;
  from: string;
  to: string;
  /** All unallocated cost in `currency`, beyond the listed resources too. */
  total: string;
  resources: UnallocatedResource[];
  missingTags: MissingTagsGroup[];
  /** Unallocated totals in other currencies, when there are any. */
  otherCurrencies?: CurrencyTotal[];
}

/** One cost center of a chargeback. @public */
export interface ChargebackLine {
  /** The Group annotation `finops-itam.io/cost-center`, or `UNASSIGNED`. */
  costCenter: string;
  /** Groups carrying this cost center; for `UNASSIGNED`, the owner groups without one. */
  groups: string[];
  direct: string;
  shared: string;
  /** Entitlement cost shares of the cost center's entities, and its groups' shelfware. */
  licenses: string;
  /** direct + shared + licenses: what is charged. */
  total: string;
  /** Parts of showback-mode pools: shown to the cost center, not in `shared` or `total`. */
  showbackShared?: string;
}

/** One cost center's amounts in one of `otherCurrencies`, never added to `currency`'s lines. @public */
export interface ChargebackCurrencyLine extends ChargebackLine {
  currency: string;
}

/**
 * `GET /chargeback?month=YYYY-MM`: allocated cost of the month (amortized) per cost center;
 * the lines sum to all directly and shared allocated cost in `currency`, and the lines of
 * each other currency to its total in `otherCurrencies`.
 * @public
 */
export interface ChargebackResponse {
  /** `YYYY-MM`. */
  month: string;
  /** Null when nothing is allocated in the month. */
  currency: string | null;
  lines: ChargebackLine[];
  /** Allocated totals in other currencies, largest first. */
  otherCurrencies?: CurrencyTotal[];
  /**
   * With `otherCurrencies`: the lines of each other currency, in that order, then by cost
   * center as in `lines`; only cost centers with an amount in the currency.
   */
  otherCurrencyLines?: ChargebackCurrencyLine[];
}
