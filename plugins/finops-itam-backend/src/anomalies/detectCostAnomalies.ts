import { formatDay, parseDay } from './calendarDays';
import {
  CostAnomalyOptions,
  ResolvedCostAnomalyOptions,
  resolveCostAnomalyOptions,
} from './costAnomalyOptions';
import {
  AnomalyDirection,
  CostAnomaly,
  CostAnomalyResult,
  DailyEntityCost,
  EntityCostSeries,
} from './costAnomalyTypes';
import { costDrivers, DriverDay } from './costDrivers';
import { FineUnits, fineUnits } from './fineUnits';
import { robustBaseline } from './robustBaseline';

/**
 * A flat charge billed to the cent has no spread at all, and then any cent of change would
 * score as infinitely unusual. Spread is taken as at least 1 % of the expected amount, so a
 * change must reach 3 % of a flat cost (at the default z of 3) before the score alone passes.
 */
const MIN_SPREAD_SHARE = 0.01;
/**
 * Scores are capped so they stay finite numbers in JSON: a cost appearing on an entity whose
 * window was all zero has no spread and no level to scale by.
 */
export const MAX_SCORE = 1000;
/**
 * Unusual days are left out of later days' windows, so a spike or an outage does not distort
 * the baseline (and then the weekly profile) for the next four weeks. Only the first three
 * days of a stretch, though: a change that lasts is the new normal, and the baseline must
 * learn it or a step would stay unusual for ever.
 */
const MASKED_DAYS_PER_STRETCH = 3;

interface ObservedDay extends DriverDay {
  day: string;
  units: bigint;
}

interface FlaggedDay {
  index: number;
  expected: bigint;
  impact: bigint;
  score: number;
  direction: AnomalyDirection;
}

/**
 * Unusual days in one entity's daily amortized cost: a robust z-score (median/MAD) of each
 * complete day against a baseline with a weekly profile, over the trailing window (method in
 * `robustBaseline`; defaults and their sources in `costAnomalyOptions`).
 *
 * A day is judged when it is complete (at least `lagDays` before `asOf`) and its window holds
 * at least `minHistoryDays` observed days. It is unusual when |z| ≥ `zThreshold` and its
 * impact passes both the absolute minimum of its currency and the percentage minimum.
 * Consecutive unusual days in one direction are one anomaly (see `CostAnomaly`).
 */
export function detectCostAnomalies(
  series: EntityCostSeries,
  options: CostAnomalyOptions,
): CostAnomalyResult {
  const settings = resolveCostAnomalyOptions(options);
  const lastComplete = formatDay(
    parseDay(settings.asOf, 'asOf').minus({ days: settings.lagDays }),
  );
  const complete = completeDays(series, lastComplete);
  const units = fineUnits(complete.map(cost => cost.amount));
  const days = observedDays(complete, series.absentDays, lastComplete, units);
  if (days.length < settings.minHistoryDays) {
    return {
      anomalies: [],
      judgedDays: 0,
      skipped: { reason: 'short-history', observedDays: days.length },
    };
  }

  const minimum = settings.minImpactByCurrency[series.currency];
  const limits = {
    ...settings,
    minImpactUnits: minimum === undefined ? 0n : units.toUnits(minimum),
  };
  const flagged: FlaggedDay[] = [];
  const masked = new Set<number>();
  let judgedDays = 0;
  let windowStart = 0;
  let stretchLength = 0;
  for (let index = 0; index < days.length; index++) {
    const current = days[index];
    const earliest = current.dayNumber - settings.windowDays;
    while (days[windowStart].dayNumber < earliest) windowStart++;
    const window = days
      .slice(windowStart, index)
      .filter(day => !masked.has(day.dayNumber));
    if (window.length < settings.minHistoryDays) continue;
    judgedDays++;
    const verdict = judgeDay(current, window, limits);
    const previous = flagged[flagged.length - 1];
    const continues =
      verdict &&
      previous?.index === index - 1 &&
      previous.direction === verdict.direction;
    if (!verdict) stretchLength = 0;
    else stretchLength = continues ? stretchLength + 1 : 1;
    if (verdict) flagged.push({ ...verdict, index });
    if (verdict && stretchLength <= MASKED_DAYS_PER_STRETCH) {
      masked.add(current.dayNumber);
    }
  }

  return {
    anomalies: stretches(flagged).map(stretch =>
      toAnomaly(series, stretch, days, masked, units, settings),
    ),
    judgedDays,
  };
}

function judgeDay(
  current: ObservedDay,
  window: readonly ObservedDay[],
  limits: ResolvedCostAnomalyOptions & { minImpactUnits: bigint },
): Omit<FlaggedDay, 'index'> | undefined {
  const windowStart = current.dayNumber - limits.windowDays;
  const { expected, spread } = robustBaseline(
    window.map(day => ({
      offset: day.dayNumber - windowStart,
      weekday: day.weekday,
      units: day.units,
    })),
    limits.windowDays,
    current.weekday,
  );
  const impact = current.units - expected;
  if (impact === 0n) return undefined;
  const direction: AnomalyDirection = impact > 0n ? 'increase' : 'decrease';
  if (direction === 'decrease' && limits.directions === 'increases') {
    return undefined;
  }
  const size = impact > 0n ? impact : -impact;
  const scale = Math.max(spread, MIN_SPREAD_SHARE * Math.abs(Number(expected)));
  const score =
    scale === 0
      ? Math.sign(Number(impact)) * MAX_SCORE
      : clamp(Number(impact) / scale, MAX_SCORE);
  if (Math.abs(score) < limits.zThreshold) return undefined;
  if (size < limits.minImpactUnits) return undefined;
  // |impact| / |expected| ≥ p %, without dividing (an expected 0 makes any impact pass).
  const expectedSize = expected < 0n ? -expected : expected;
  if (Number(size) * 100 < limits.minImpactPercent * Number(expectedSize)) {
    return undefined;
  }
  return { expected, impact, score, direction };
}

/** Runs of flagged days next to each other among the observed days, in one direction. */
function stretches(flagged: readonly FlaggedDay[]): FlaggedDay[][] {
  const runs: FlaggedDay[][] = [];
  for (const day of flagged) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (
      previous &&
      previous.index === day.index - 1 &&
      previous.direction === day.direction
    ) {
      run.push(day);
    } else {
      runs.push([day]);
    }
  }
  return runs;
}

function toAnomaly(
  series: EntityCostSeries,
  stretch: readonly FlaggedDay[],
  days: readonly ObservedDay[],
  masked: ReadonlySet<number>,
  units: FineUnits,
  settings: ResolvedCostAnomalyOptions,
): CostAnomaly {
  const first = stretch[0];
  const current = days[first.index];
  const earliest = current.dayNumber - settings.windowDays;
  const window = days
    .slice(0, first.index)
    .filter(day => day.dayNumber >= earliest && !masked.has(day.dayNumber));
  return {
    entityRef: series.entityRef,
    currency: series.currency,
    day: current.day,
    lastDay: days[stretch[stretch.length - 1].index].day,
    actual: current.cost.amount,
    expected: units.toDecimal(first.expected),
    impact: units.toDecimal(first.impact),
    totalImpact: units.toDecimal(
      stretch.reduce((sum, day) => sum + day.impact, 0n),
    ),
    score: first.score,
    direction: first.direction,
    drivers: costDrivers(
      current,
      window,
      settings.windowDays,
      settings.maxDriversPerKind,
    ),
  };
}

/** The series' days up to `lastComplete`, in order; one per day. */
function completeDays(
  series: EntityCostSeries,
  lastComplete: string,
): DailyEntityCost[] {
  const byDay = new Map<string, DailyEntityCost>();
  for (const cost of series.days) {
    parseDay(cost.day, 'cost day');
    if (byDay.has(cost.day)) {
      throw new RangeError(
        `${series.entityRef} has two amounts for ${cost.day}; a series has one per day`,
      );
    }
    if (cost.day <= lastComplete) byDay.set(cost.day, cost);
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/**
 * The complete days with their place in the calendar. When absence means zero cost, absent
 * days are filled in with 0 and empty breakdowns (nothing was spent on anything).
 */
function observedDays(
  complete: readonly DailyEntityCost[],
  absentDays: EntityCostSeries['absentDays'],
  lastComplete: string,
  units: FineUnits,
): ObservedDay[] {
  if (complete.length === 0) return [];
  const start = parseDay(complete[0].day);
  const toObserved = (cost: DailyEntityCost): ObservedDay => {
    const date = parseDay(cost.day);
    return {
      day: cost.day,
      dayNumber: Math.round(date.diff(start, 'days').days),
      weekday: date.weekday,
      units: units.toUnits(cost.amount),
      cost,
    };
  };
  if (absentDays === 'no-data') return complete.map(toObserved);
  const byDay = new Map(complete.map(cost => [cost.day, cost]));
  const days: ObservedDay[] = [];
  const end = parseDay(lastComplete);
  for (let date = start; date <= end; date = date.plus({ days: 1 })) {
    const day = formatDay(date);
    days.push(
      toObserved(
        byDay.get(day) ?? { day, amount: '0', byService: {}, byResource: {} },
      ),
    );
  }
  return days;
}

function clamp(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, value));
}
