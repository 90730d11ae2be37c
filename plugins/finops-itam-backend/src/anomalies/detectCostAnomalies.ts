import { Money, MoneyValue } from '../money';
import { BaselineUnits, baselineUnits } from './baselineUnits';
import { dayFromNumber, dayNumber, isoWeekday } from './calendarDays';
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
import { ErrorHistory } from './errorHistory';
import { normalEquivalent } from './normalEquivalent';
import { BaselineWindow, RobustBaseline } from './robustBaseline';

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
  units: number;
}

interface FlaggedDay {
  index: number;
  expected: string;
  impact: MoneyValue;
  score: number;
  direction: AnomalyDirection;
}

/**
 * Unusual days in one entity's daily amortized cost: a robust z-score of each complete day
 * against a median baseline with a weekly profile over the trailing window (`RobustBaseline`),
 * scaled by the spread of the detector's own errors on ordinary days of the last
 * `spreadDays` (`ErrorHistory`) and taken as the normal equivalent of that t statistic
 * (`normalEquivalent`), so |z| ≥ 3 lets through about the 0.3 % of ordinary days it should.
 * Defaults and their sources are in `costAnomalyOptions`.
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
  const lastComplete = dayNumber(settings.asOf, 'asOf') - settings.lagDays;
  const complete = completeDays(series, lastComplete);
  const units = baselineUnits(complete.map(({ cost }) => cost.amount));
  const days = observedDays(complete, series.absentDays, lastComplete, units);
  if (days.length < settings.minHistoryDays) {
    return {
      anomalies: [],
      judgedDays: 0,
      skipped: { reason: 'short-history', observedDays: days.length },
    };
  }
  // The windows before `reportFrom` are judged too, so a stretch that began there keeps its
  // first day, its masks and the error history it is scored by. Days before them are
  // history only: never masked, which can differ from a full run only when one of them was
  // unusual and still in a window.
  const reportFrom =
    settings.reportFrom === undefined
      ? -Infinity
      : dayNumber(settings.reportFrom, 'reportFrom');
  const judgeFrom = reportFrom - settings.windowDays - settings.spreadDays;

  const baseline = new RobustBaseline(settings.windowDays);
  const window: BaselineWindow = {
    offsets: new Int32Array(settings.windowDays),
    weekdays: new Int8Array(settings.windowDays),
    units: new Float64Array(settings.windowDays),
    length: 0,
  };
  const history = new ErrorHistory(settings.spreadDays);
  const flagged: FlaggedDay[] = [];
  const masked = new Set<number>();
  let judgedDays = 0;
  let windowStart = 0;
  let stretchLength = 0;
  for (let index = 0; index < days.length; index++) {
    const current = days[index];
    const first = current.dayNumber - settings.windowDays;
    while (days[windowStart].dayNumber < first) windowStart++;
    if (current.dayNumber < judgeFrom) continue;
    window.length = 0;
    for (let at = windowStart; at < index; at++) {
      const day = days[at];
      if (masked.has(day.dayNumber)) continue;
      window.offsets[window.length] = day.dayNumber - first;
      window.weekdays[window.length] = day.weekday;
      window.units[window.length] = day.units;
      window.length++;
    }
    if (window.length < settings.minHistoryDays) continue;
    if (current.dayNumber >= reportFrom) judgedDays++;

    const estimate = baseline.estimate(window, current.weekday);
    const past = history.estimate(
      current.dayNumber,
      settings.windowDays,
      settings.windowDays,
    );
    const verdict = judgeDay(
      current,
      past
        ? { ...past, expected: estimate.prediction + past.typicalError }
        : estimate,
      units,
      settings,
      series.currency,
    );
    if (!verdict)
      history.add(current.dayNumber, current.units - estimate.prediction);
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
    anomalies: stretches(flagged)
      .filter(
        stretch =>
          days[stretch[stretch.length - 1].index].dayNumber >= reportFrom,
      )
      .map(stretch => toAnomaly(series, stretch, days, masked, settings)),
    judgedDays,
  };
}

function judgeDay(
  current: ObservedDay,
  estimate: { expected: number; spread: number; errorCount: number },
  units: BaselineUnits,
  settings: ResolvedCostAnomalyOptions,
  currency: string,
): Omit<FlaggedDay, 'index'> | undefined {
  const { expected, spread, errorCount } = estimate;
  const difference = current.units - expected;
  const floor = MIN_SPREAD_SHARE * Math.abs(expected);
  let score: number;
  if (spread === 0 && floor === 0) {
    score = Math.sign(difference) * MAX_SCORE;
  } else if (spread > floor) {
    // A spread estimated from `errorCount` errors around their median makes the ratio a t
    // statistic; its normal equivalent keeps "3" meaning 0.3 % of ordinary days.
    score = normalEquivalent(difference / spread, errorCount - 1);
  } else {
    // The floor is a fixed share of the level, not an estimate: the ratio is the score.
    score = difference / floor;
  }
  score = clamp(score, MAX_SCORE);
  if (Math.abs(score) < settings.zThreshold) return undefined;

  // Past the score, the impact is computed exactly from the reported amount.
  const expectedAmount = units.toDecimal(expected);
  const impact = new Money(current.cost.amount).minus(expectedAmount);
  if (impact.isZero()) return undefined;
  const direction: AnomalyDirection = impact.isPositive()
    ? 'increase'
    : 'decrease';
  if (direction === 'decrease' && settings.directions === 'increases') {
    return undefined;
  }
  const size = impact.abs();
  const minimum = settings.minImpactByCurrency[currency];
  if (minimum !== undefined && size.lessThan(minimum)) return undefined;
  // |impact| / |expected| ≥ p %, without dividing (an expected 0 makes any impact pass).
  const expectedSize = new Money(expectedAmount).abs();
  if (size.times(100).lessThan(expectedSize.times(settings.minImpactPercent))) {
    return undefined;
  }
  return { expected: expectedAmount, impact, score, direction };
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
    date: current.day,
    lastDate: days[stretch[stretch.length - 1].index].day,
    actual: current.cost.amount,
    expected: first.expected,
    impact: first.impact.toFixed(),
    totalImpact: stretch
      .reduce((sum, day) => sum.plus(day.impact), new Money(0))
      .toFixed(),
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

/** The series' days up to `lastComplete`, in order, with their day numbers; one per day. */
function completeDays(
  series: EntityCostSeries,
  lastComplete: number,
): Array<{ number: number; cost: DailyEntityCost }> {
  const byDay = new Map<number, DailyEntityCost>();
  for (const cost of series.days) {
    const number = dayNumber(cost.day, 'cost day');
    if (byDay.has(number)) {
      throw new RangeError(
        `${series.entityRef} has two amounts for ${cost.day}; a series has one per day`,
      );
    }
    if (number <= lastComplete) byDay.set(number, cost);
  }
  return [...byDay]
    .map(([number, cost]) => ({ number, cost }))
    .sort((a, b) => a.number - b.number);
}

/**
 * The complete days with their place in the calendar. When absence means zero cost, absent
 * days are filled in with 0 and empty breakdowns (nothing was spent on anything).
 */
function observedDays(
  complete: ReadonlyArray<{ number: number; cost: DailyEntityCost }>,
  absentDays: EntityCostSeries['absentDays'],
  lastComplete: number,
  units: BaselineUnits,
): ObservedDay[] {
  const toObserved = (number: number, cost: DailyEntityCost): ObservedDay => ({
    day: cost.day,
    dayNumber: number,
    weekday: isoWeekday(number),
    units: units.toUnits(cost.amount),
    cost,
  });
  if (absentDays === 'no-data' || complete.length === 0) {
    return complete.map(({ number, cost }) => toObserved(number, cost));
  }
  const byNumber = new Map(complete.map(({ number, cost }) => [number, cost]));
  const days: ObservedDay[] = [];
  for (let number = complete[0].number; number <= lastComplete; number++) {
    const day = dayFromNumber(number);
    const cost = byNumber.get(number) ?? {
      day,
      amount: '0',
      byService: {},
      byResource: {},
    };
    days.push(toObserved(number, cost));
  }
  return days;
}

function clamp(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, value));
}
