import { AnomalyDriver, DailyEntityCost } from './costAnomalyTypes';
import { fineUnits } from './fineUnits';
import { robustBaseline } from './robustBaseline';

/** A day as drivers see it: its place in the calendar and its breakdowns. */
export interface DriverDay {
  /** Days since the series' first day. */
  dayNumber: number;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  cost: DailyEntityCost;
}

type Breakdown = Readonly<Record<string, string>> | undefined;

const KINDS: ReadonlyArray<{
  kind: AnomalyDriver['kind'];
  breakdown: (cost: DailyEntityCost) => Breakdown;
}> = [
  { kind: 'service', breakdown: cost => cost.byService },
  { kind: 'resource', breakdown: cost => cost.byResource },
];

/**
 * The services and resources behind an unusual day, largest |impact| first: each one's
 * actual minus its own expected amount from the same robust baseline as the total, so a
 * service that always peaks on Mondays does not explain a Monday.
 *
 * The impacts need not add up to the total's: a median of sums is not the sum of medians.
 * Window days without a breakdown of a kind say nothing about that kind and are left out.
 */
export function costDrivers(
  day: DriverDay,
  window: readonly DriverDay[],
  windowDays: number,
  maxPerKind: number,
): AnomalyDriver[] {
  const windowStart = day.dayNumber - windowDays;
  const ranked: Array<AnomalyDriver & { size: bigint; scale: number }> = [];
  for (const { kind, breakdown } of KINDS) {
    const today = breakdown(day.cost);
    if (!today) continue;
    const known = window.filter(entry => breakdown(entry.cost) !== undefined);
    const breakdowns = [today, ...known.map(entry => breakdown(entry.cost)!)];
    const units = fineUnits(breakdowns.flatMap(Object.values));
    const names = new Set(breakdowns.flatMap(Object.keys));
    const impacts = [...names].flatMap(name => {
      const actual = units.toUnits(today[name] ?? '0');
      const expected =
        known.length === 0
          ? 0n
          : robustBaseline(
              known.map(entry => ({
                offset: entry.dayNumber - windowStart,
                weekday: entry.weekday,
                units: units.toUnits(breakdown(entry.cost)![name] ?? '0'),
              })),
              windowDays,
              day.weekday,
            ).expected;
      const impact = actual - expected;
      return impact === 0n
        ? []
        : [{ name, impact, size: impact < 0n ? -impact : impact }];
    });
    impacts
      .sort(
        (a, b) => compareSize(b.size, a.size) || a.name.localeCompare(b.name),
      )
      .slice(0, maxPerKind)
      .forEach(({ name, impact, size }) =>
        ranked.push({
          kind,
          name,
          impact: units.toDecimal(impact),
          size,
          scale: units.scale,
        }),
      );
  }
  // Kinds may have different scales: compare sizes at the finer one.
  const finest = Math.max(0, ...ranked.map(driver => driver.scale));
  const at = (driver: { size: bigint; scale: number }) =>
    driver.size * 10n ** BigInt(finest - driver.scale);
  return ranked
    .sort(
      (a, b) =>
        compareSize(at(b), at(a)) ||
        a.kind.localeCompare(b.kind) ||
        a.name.localeCompare(b.name),
    )
    .map(({ kind, name, impact }) => ({ kind, name, impact }));
}

function compareSize(a: bigint, b: bigint): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
