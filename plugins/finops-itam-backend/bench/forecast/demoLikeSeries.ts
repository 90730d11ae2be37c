import { dayRange } from '../../src/forecasts/dayRange';
import {
  normal,
  seededRandom,
} from '../../src/forecasts/__testUtils__/syntheticSeries';

/**
 * Daily cost series shaped like the demo's (packages/focus-generator/src/usage.ts): the same
 * four usage patterns, weekend factor, holiday season, Black Friday, monthly growth, noise,
 * injected spikes, plus resources added part-way (steps). Generated here rather than through
 * the generator: it writes FOCUS rows per resource and hour, and reading 5,000 entities back
 * out of those would benchmark ingestion, not forecasting.
 */

type Pattern = 'fixed' | 'traffic' | 'steady' | 'batch';

/** Month factors of a web shop (usage.ts SEASONAL): the holiday season, then the January lull. */
const SEASONAL: Record<number, number> = { 11: 1.3, 12: 1.4, 1: 0.9 };

export interface DemoLikeEntity {
  name: string;
  pattern: Pattern;
  /** Amount per day, the `days` of the series. */
  values: Float64Array;
}

function pick<T>(random: () => number, weighted: Array<[T, number]>): T {
  let r = random();
  for (const [value, weight] of weighted) {
    if (r < weight) return value;
    r -= weight;
  }
  return weighted[weighted.length - 1][0];
}

/** The day after the fourth Thursday of November. */
function isBlackFriday(date: Date): boolean {
  const d = date.getUTCDate();
  return (
    date.getUTCMonth() === 10 && date.getUTCDay() === 5 && d >= 23 && d <= 29
  );
}

/** `count` entities over `days` (ascending `YYYY-MM-DD`), the same for the same seed. */
export function demoLikeEntities(
  count: number,
  days: string[],
  seed = 16,
): DemoLikeEntity[] {
  const calendar = days.map(day => new Date(`${day}T00:00:00Z`));
  return Array.from({ length: count }, (_, index) => {
    const random = seededRandom(seed * 1_000_003 + index);
    const pattern = pick<Pattern>(random, [
      ['traffic', 0.4],
      ['steady', 0.25],
      ['fixed', 0.2],
      ['batch', 0.15],
    ]);
    const perDay = Math.exp(Math.log(5) + random() * Math.log(1000)); // 5 to 5,000 a day
    const monthlyGrowth = -0.01 + 0.06 * random();
    const noise = pattern === 'fixed' ? 0 : 0.02 + 0.1 * random();
    const step =
      random() < 0.15
        ? { day: Math.floor(random() * days.length), factor: 1.2 + random() }
        : null;
    const spike =
      random() < 0.1
        ? {
            day: Math.floor(random() * days.length),
            days: 1 + Math.floor(random() * 3),
            factor: 2 + 2 * random(),
          }
        : null;
    const values = new Float64Array(days.length);
    for (let t = 0; t < days.length; t++) {
      const date = calendar[t];
      let value = perDay * Math.pow(1 + monthlyGrowth, t / 30.44);
      if (pattern === 'traffic') {
        const weekday = date.getUTCDay();
        value *= weekday === 0 || weekday === 6 ? 1.18 : 1;
        value *= SEASONAL[date.getUTCMonth() + 1] ?? 1;
        if (isBlackFriday(date)) value *= 2.6;
      }
      if (pattern === 'batch') value *= 0.8 + 0.4 * random();
      if (noise) value *= Math.max(0, 1 + noise * normal(random));
      if (step && t >= step.day) value *= step.factor;
      if (spike && t >= spike.day && t < spike.day + spike.days) {
        value *= spike.factor;
      }
      values[t] = Math.round(value * 100) / 100;
    }
    return { name: `component:default/bench-${index}`, pattern, values };
  });
}

/** The last `length` days up to `end`. */
export function benchDays(end: string, length: number): string[] {
  const first = new Date(`${end}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() - (length - 1));
  return dayRange(first.toISOString().slice(0, 10), length);
}
