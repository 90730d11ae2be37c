import { dayFromNumber, dayNumber } from '../calendarDays';
import { DailyEntityCost, EntityCostSeries } from '../costAnomalyTypes';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run sees the same series. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeriesShape {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  days: number;
  /** Cost of a weekday, before trend and noise. */
  level: number;
  /** Saturday and Sunday cost this share of a weekday. Default 1 (no weekly pattern). */
  weekendShare?: number;
  /** Growth per day as a share of the level (0.01 = 1 % of `level` more each day). */
  dailyTrend?: number;
  /** Uniform noise of ± this share of the day's cost. */
  noise?: number;
  seed?: number;
  /** Extra amount added on a day index, as a service and a resource of its own. */
  extra?: (index: number) => number;
}

/** The day `index` days after `from`. */
export const dayAt = (from: string, index: number) =>
  dayFromNumber(dayNumber(from) + index);

/**
 * A generated daily cost series with a known shape, amounts rounded to cents as exact
 * decimal strings. Each day splits into two steady services (compute 70 %, storage 30 %)
 * with a resource each; `extra` goes to an `AWSLambda` service on resource `fn-batch`.
 */
export function generatedSeries(shape: SeriesShape): EntityCostSeries {
  const random = seededRandom(shape.seed ?? 1);
  const days: DailyEntityCost[] = [];
  for (let index = 0; index < shape.days; index++) {
    const day = dayAt(shape.from, index);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const base =
      shape.level *
      (1 + (shape.dailyTrend ?? 0) * index) *
      (weekend ? shape.weekendShare ?? 1 : 1) *
      (1 + (shape.noise ?? 0) * (2 * random() - 1));
    const compute = Math.round(base * 70);
    const storage = Math.round(base * 30);
    const extra = Math.round((shape.extra?.(index) ?? 0) * 100);
    const byService: Record<string, string> = {
      AmazonEC2: cents(compute),
      AmazonS3: cents(storage),
    };
    const byResource: Record<string, string> = {
      'i-web': cents(compute),
      'bucket-logs': cents(storage),
    };
    if (extra !== 0) {
      byService.AWSLambda = cents(extra);
      byResource['fn-batch'] = cents(extra);
    }
    days.push({
      day,
      amount: cents(compute + storage + extra),
      byService,
      byResource,
    });
  }
  return {
    entityRef: 'component:default/checkout',
    currency: 'USD',
    days,
    absentDays: 'no-data',
  };
}

function cents(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(
    2,
    '0',
  )}`;
}
