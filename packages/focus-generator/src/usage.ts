import { calendar } from './dates';
import { CostLine } from './model';
import { Rng } from './prng';

/**
 * Daily usage of a cost line: growth, the weekly and seasonal shape of a web shop, noise and
 * the injected spikes that anomaly detection should find.
 */

/** Month factors of a web shop: the holiday season, then the January lull. */
const SEASONAL: Record<number, number> = { 11: 1.3, 12: 1.4, 1: 0.9 };

/** Shoppers buy more at weekends and in November and December. */
function trafficShape(dayNumber: number): number {
  const { month, weekday } = calendar(dayNumber);
  const weekly = weekday === 0 || weekday === 6 ? 1.18 : 1;
  return weekly * (SEASONAL[month] ?? 1);
}

/** The day after the fourth Thursday of November: a web shop's busiest day. */
export function isBlackFriday(dayNumber: number): boolean {
  const { month, day, weekday } = calendar(dayNumber);
  return month === 11 && weekday === 5 && day >= 23 && day <= 29;
}

/**
 * Pricing quantity of a line on a day, before rounding, or 0 when the resource did not exist
 * yet. `windowEnd` is the last day of the generated window, `monthsAgo` how many months before
 * the window's last month this day's month is.
 */
export function dailyUsage(
  line: CostLine,
  dayNumber: number,
  windowEnd: number,
  monthsAgo: number,
  rng: Rng,
): number {
  if (line.sinceMonthsAgo !== undefined && monthsAgo > line.sinceMonthsAgo)
    return 0;
  const { usage } = line;
  const ageInMonths = Math.max(0, 12 - monthsAgo);
  let value =
    usage.perDay * Math.pow(1 + (usage.monthlyGrowth ?? 0), ageInMonths);
  if (usage.pattern === 'traffic') {
    value *= trafficShape(dayNumber) * (isBlackFriday(dayNumber) ? 2.6 : 1);
  }
  if (usage.pattern === 'batch') value *= rng.between(0.8, 1.2);
  if (usage.pattern !== 'fixed' && usage.noise) {
    value *= 1 + rng.between(-usage.noise, usage.noise);
  }
  for (const spike of line.spikes ?? []) {
    const from = windowEnd - spike.daysBeforeEnd;
    if (dayNumber >= from && dayNumber < from + spike.days)
      value *= spike.factor;
  }
  return value;
}

/** Share of a day's usage in each UTC hour: low at night, highest in the evening. */
export const DIURNAL_SHARE: readonly number[] = (() => {
  const raw = Array.from(
    { length: 24 },
    (_, hour) => 1 + 0.6 * Math.sin(((hour - 9) / 24) * 2 * Math.PI),
  );
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map(v => v / sum);
})();
