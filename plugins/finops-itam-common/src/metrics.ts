/**
 * Types of the business-metric, unit-cost and team-cost API. Metric values and amounts are
 * exact decimal strings; days are `YYYY-MM-DD`, periods half-open `[from, to)`.
 */

/** One daily value of a business metric for an entity. @public */
export interface MetricValue {
  /** Entity ref, e.g. `component:default/checkout`. */
  entityRef: string;
  date: string;
  /** Decimal string or number, at least 0. */
  value: string | number;
}

/** `PUT /metrics/:name` body: replaces the given entity-days of the metric. @public */
export interface MetricValuesRequest {
  values: MetricValue[];
}

/** `PUT /metrics/:name` result. @public */
export interface MetricValuesResponse {
  name: string;
  accepted: number;
}

/** One rejected metric row (the whole request or file is rejected). @public */
export interface MetricRejection {
  /** 0-based index in `values`, or 1-based file row. */
  row: number;
  field: string;
  reason: string;
}

/** One bucket of a unit-cost series. @public */
export interface UnitCostPoint {
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  date: string;
  allInCost: string;
  /** Metric volume in the bucket; "0" when none was reported. */
  volume: string;
  /** allInCost / volume; null when the volume is zero or missing. */
  unitCost: string | null;
}

/**
 * The unit cost of an entity's cost in another currency than the response's: that cost
 * alone over the period's whole volume, never added to the main currency's. @public
 */
export interface UnitCostInCurrency {
  currency: string;
  /** All-in cost in `currency` over the period. */
  allInCost: string;
  /** allInCost / the period's volume; null when the volume is zero or no metric is named. */
  unitCost: string | null;
}

/**
 * `GET /entities/:kind/:namespace/:name/unit-cost?from&to&granularity`: all-in cost divided
 * by the business metric the entity's `finops-itam.io/unit-metric` names, in the currency
 * with the largest cost; cost in other currencies is divided on its own in `otherCurrencies`.
 * @public
 */
export interface UnitCostResponse {
  entityRef: string;
  /** Null when the entity names no metric. */
  metric: string | null;
  currency: string | null;
  from: string;
  to: string;
  allInCost: string;
  volume: string;
  unitCost: string | null;
  /** Per bucket, in `currency` only. */
  series: UnitCostPoint[];
  /** The unit cost of each other currency's cost, largest cost first, when there is any. */
  otherCurrencies?: UnitCostInCurrency[];
}

/** One entity of a team's cost. @public */
export interface TeamCostEntity {
  entityRef: string;
  kind: string;
  name: string;
  title?: string;
  total: string;
  previousTotal: string;
  /** total − previousTotal. */
  change: string;
  /** change / previousTotal × 100, two decimals; null when previousTotal is zero. */
  changePercent: number | null;
  unitCost: { metric: string; value: string | null } | null;
  /** The entity's cost in currencies other than the page's `currency`, never converted. */
  otherCurrencies?: TeamCurrencyTotal[];
}

/** Cost in one currency other than a team page's, in both compared periods. @public */
export interface TeamCurrencyTotal {
  currency: string;
  total: string;
  previousTotal: string;
}

/**
 * `GET /teams/:namespace/:name/cost?from&to`: a group's all-in cost and the entities it owns,
 * with the same-length previous period for comparison.
 * @public
 */
export interface TeamCostResponse {
  groupRef: string;
  currency: string | null;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  total: string;
  previousTotal: string;
  change: string;
  changePercent: number | null;
  /** Sorted by total, highest first. */
  entities: TeamCostEntity[];
  /**
   * The group's cost in currencies other than `currency`, largest first, when there is any:
   * shown apart, never added to `total`.
   */
  otherCurrencies?: TeamCurrencyTotal[];
}
