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
  byBillingAccount: Array<AllocationCoverageTotals & { billingAccountId: string }>;
  allocation: AllocationStatus;
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
}
