/** One day's amount of a series: a `YYYY-MM-DD` day and an exact decimal string. */
export interface DailyAmount {
  day: string;
  amount: string;
}

/**
 * What a day absent from `days` means. Cost data has no row for a day an entity ran nothing,
 * but it also has no row for a day an export never arrived; only the caller knows which, so
 * it must say:
 * - `zero-cost`: the day cost nothing (it counts as an observation of 0);
 * - `no-data`: the day is unknown (the model carries its state over it, untouched).
 */
export type AbsentDays = 'zero-cost' | 'no-data';

/** The daily cost history of one entity, in one currency. */
export interface CostSeries {
  currency: string;
  /** Days in any order, each at most once, all within `from`..`to` when those are given. */
  days: DailyAmount[];
  absentDays: AbsentDays;
  /**
   * First day of the history; the earliest of `days` when absent. With `zero-cost`, days
   * from here to the first entry are zero-cost days, so give the day the entity started, or
   * nothing. Only the last 52 weeks are used (`MAX_FIT_DAYS`).
   */
  from?: string;
  /** Last complete day of the history; the forecast starts the day after. Latest of `days` when absent. */
  to?: string;
}

/** Expected amount and its band, as exact decimal strings rounded to the currency's minor unit. */
export interface ForecastAmount {
  expected: string;
  low: string;
  high: string;
}

export interface ForecastDay extends ForecastAmount {
  day: string;
}

/**
 * How the forecast was made:
 * - `holt-winters-additive`: additive Holt-Winters with a damped trend and a weekly season,
 *   parameters fitted to the history (see `holtWinters.ts`);
 * - `mean-short-history`: under 14 observed days, the mean of what exists with a wide band;
 * - `no-history`: nothing observed, so zero with no band.
 */
export type ForecastMethod =
  | 'holt-winters-additive'
  | 'mean-short-history'
  | 'no-history';

/** Smoothing parameters of the fitted model. */
export interface HoltWintersParameters {
  /** Level smoothing. */
  alpha: number;
  /** Trend smoothing. */
  beta: number;
  /** Season smoothing. */
  gamma: number;
  /** Trend damping: 1 is an undamped linear trend. */
  phi: number;
}

/**
 * How the band was drawn, so a reader can judge it:
 * - `residual-quantiles`: the model's one-step-ahead errors over the history, their empirical
 *   `lowQuantile` and `highQuantile` added to the expected amount, times sqrt(h) on the h-th
 *   forecast day (errors of a level that drifts like a random walk grow that way);
 * - `short-history-range`: too little history for errors, so a wide constant band: the mean ±
 *   the larger of half the mean and the observed range (max − min);
 * - `none`: nothing observed.
 */
export type ForecastBand =
  | {
      kind: 'residual-quantiles';
      lowQuantile: number;
      highQuantile: number;
      growth: 'sqrt-horizon';
    }
  | { kind: 'short-history-range' }
  | { kind: 'none' };

export interface CostForecast {
  currency: string;
  method: ForecastMethod;
  /** Observed days the model saw (zero-cost days included when the series says so). */
  historyDays: number;
  parameters: HoltWintersParameters | null;
  band: ForecastBand;
  /** The forecast days, from the day after the history to the end of the horizon. */
  days: ForecastDay[];
  /**
   * Exact sums of the days' rounded amounts. The total's low and high are the sums of the
   * days' bounds: as if every day erred the same way, which is what a drifting level does,
   * so the period band is on the wide side rather than falsely narrow.
   */
  total: ForecastAmount;
}
