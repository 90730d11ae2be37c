import { Money, MoneyValue } from '../money';
import { baselineUnits } from './baselineUnits';
import { AnomalyDriver, DailyEntityCost } from './costAnomalyTypes';
import { BaselineWindow, RobustBaseline } from './robustBaseline';

/** A day as drivers see it: its place in the calendar and its breakdowns. */
export interface DriverDay {
  /** Whole days since 1970-01-01. */
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
  const first = day.dayNumber - windowDays;
  const baseline = new RobustBaseline(windowDays);
  const ranked: Array<{
    kind: AnomalyDriver['kind'];
    name: string;
    impact: MoneyValue;
  }> = [];
  for (const { kind, breakdown } of KINDS) {
    const today = breakdown(day.cost);
    if (!today) continue;
    const known = window.filter(entry => breakdown(entry.cost) !== undefined);
    const breakdowns = [today, ...known.map(entry => breakdown(entry.cost)!)];
    const units = baselineUnits(breakdowns.flatMap(Object.values));
    const names = new Set(breakdowns.flatMap(Object.keys));
    const history: BaselineWindow = {
      offsets: Int32Array.from(known, entry => entry.dayNumber - first),
      weekdays: Int8Array.from(known, entry => entry.weekday),
      units: new Float64Array(known.length),
      length: known.length,
    };
    const impacts = [...names].flatMap(name => {
      known.forEach((entry, index) => {
        history.units[index] = units.toUnits(
          breakdown(entry.cost)![name] ?? '0',
        );
      });
      const expected = baseline.estimate(history, day.weekday).expected;
      const impact = new Money(today[name] ?? 0).minus(
        units.toDecimal(expected),
      );
      return impact.isZero() ? [] : [{ kind, name, impact }];
    });
    ranked.push(...impacts.sort(byImpact).slice(0, maxPerKind));
  }
  return ranked.sort(byImpact).map(({ kind, name, impact }) => ({
    kind,
    name,
    impact: impact.toFixed(),
  }));
}

function byImpact(
  a: { kind: string; name: string; impact: MoneyValue },
  b: { kind: string; name: string; impact: MoneyValue },
): number {
  return (
    b.impact.abs().cmp(a.impact.abs()) ||
    a.kind.localeCompare(b.kind) ||
    a.name.localeCompare(b.name)
  );
}
