/**
 * Forecast accuracy of one entity at one origin: the absolute percentage error of each
 * horizon's total (what a budget compares) and the mean of the daily ones.
 */

/** Forecast horizons the issue asks about, in days. */
export const HORIZONS = [7, 30, 90] as const;

/** FinOps Foundation forecast variance bands: Crawl, Walk, Run. */
export const BANDS = [0.2, 0.15, 0.12] as const;

export interface HorizonError {
  /** |Σ forecast − Σ actual| / Σ actual over the first h days; null when Σ actual is 0. */
  total: number | null;
  /** Mean over the first h days of |forecast − actual| / actual, days with actual 0 left out. */
  daily: number | null;
}

export function horizonError(
  forecast: ArrayLike<number>,
  actual: ArrayLike<number>,
  h: number,
): HorizonError {
  let f = 0;
  let a = 0;
  let dailySum = 0;
  let dailyCount = 0;
  for (let i = 0; i < h; i++) {
    f += forecast[i];
    a += actual[i];
    if (actual[i] > 0) {
      dailySum += Math.abs(forecast[i] - actual[i]) / actual[i];
      dailyCount++;
    }
  }
  return {
    total: a > 0 ? Math.abs(f - a) / a : null,
    daily: dailyCount ? dailySum / dailyCount : null,
  };
}

/** Mean, median and the share at or under each band of some errors. */
export function summarise(errors: number[]) {
  const sorted = [...errors].sort((x, y) => x - y);
  const mean = sorted.reduce((s, e) => s + e, 0) / (sorted.length || 1);
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
  const within = BANDS.map(
    band => sorted.filter(e => e <= band).length / (sorted.length || 1),
  );
  return { count: sorted.length, mean, median, within };
}

/** Seasonal naive: each forecast day repeats the same weekday of the last week. */
export function seasonalNaive(history: ArrayLike<number>, horizon: number) {
  const out = new Float64Array(horizon);
  const n = history.length;
  for (let h = 0; h < horizon; h++) out[h] = history[n - 7 + (h % 7)];
  return out;
}
