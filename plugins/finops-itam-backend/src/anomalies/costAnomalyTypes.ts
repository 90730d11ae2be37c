/** One day of an entity's amortized cost, with what it was spent on. */
export interface DailyEntityCost {
  /** `YYYY-MM-DD`. */
  day: string;
  /** Exact decimal string in the series' currency. */
  amount: string;
  /**
   * The day's cost per service, exact decimal strings; a service absent from a day that has
   * a breakdown cost nothing that day. Without breakdowns, anomalies have no service drivers.
   */
  byService?: Readonly<Record<string, string>>;
  /** Likewise per resource (resource id or name). */
  byResource?: Readonly<Record<string, string>>;
}

/**
 * What a day absent from `days` means (the forecast engine uses the same words): cost data
 * has no row for a day an entity ran nothing, but also none for a day whose export never
 * arrived; only the caller knows which.
 * - `zero-cost`: the day cost nothing and is judged like any other;
 * - `no-data`: the day is unknown: neither judged nor part of any baseline, so a late
 *   export never looks like a collapse in spend.
 */
export type AbsentDays = 'zero-cost' | 'no-data';

/** The daily amortized cost of one entity in one currency. */
export interface EntityCostSeries {
  entityRef: string;
  currency: string;
  /** Each day at most once, in any order. */
  days: readonly DailyEntityCost[];
  absentDays: AbsentDays;
}

export type AnomalyDirection = 'increase' | 'decrease';

/** A service or resource that explains part of an anomaly. */
export interface AnomalyDriver {
  kind: 'service' | 'resource';
  name: string;
  /** The driver's actual minus its own expected amount that day, exact. */
  impact: string;
}

/**
 * An unusual stretch of cost: consecutive judged days that all passed the thresholds in the
 * same direction. A level shift is one anomaly on the day it starts, not one a day until the
 * rolling baseline catches up, so its owner hears about it once.
 */
export interface CostAnomaly {
  entityRef: string;
  currency: string;
  /**
   * The first unusual day (`YYYY-MM-DD`, named as in the API); `actual`, `expected`,
   * `impact`, `score` and drivers are that day's.
   */
  date: string;
  /** The last unusual day of the stretch (the same as `date` for a one-day spike). */
  lastDate: string;
  actual: string;
  expected: string;
  /** actual − expected: positive for an increase. */
  impact: string;
  /** Sum of the impacts of every day of the stretch. */
  totalImpact: string;
  /** Robust z-score of the first day (capped at ±1000, see `detectCostAnomalies`). */
  score: number;
  direction: AnomalyDirection;
  drivers: AnomalyDriver[];
}

/** Why a series produced no judgement at all. */
export interface SkippedSeries {
  reason: 'short-history';
  /** Complete days observed, fewer than `minHistoryDays`. */
  observedDays: number;
}

export interface CostAnomalyResult {
  anomalies: CostAnomaly[];
  /** Days that had enough history to be judged. */
  judgedDays: number;
  skipped?: SkippedSeries;
}
