/** One observed day of a window, its amount in fine units (see `fineUnits`). */
export interface WindowDay {
  /** Calendar days from the window's first day (0 … windowDays − 1). */
  offset: number;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  units: bigint;
}

/** What a day is expected to cost, and how much days usually stray from that. */
export interface RobustBaseline {
  /** In the window's fine units; exact, since every median of them is a whole number. */
  expected: bigint;
  /** Robust standard deviation of past prediction errors, same units (0 when they have none). */
  spread: number;
}

/**
 * 1.4826 × MAD estimates the standard deviation of normal data (Rousseeuw & Croux 1993);
 * it is the scale of the median/MAD "modified z-score" of Iglewicz & Hoaglin (1993).
 */
const MAD_TO_SIGMA = 1.4826;
/**
 * When more than half the errors are exactly at their median (a flat daily charge), the MAD
 * is 0; Iglewicz & Hoaglin's fallback is the mean absolute deviation × 1.2533 (√(π/2)).
 */
const MEAN_AD_TO_SIGMA = 1.2533;
const WEEK = 7;
/** Earlier days a window day needs before its own prediction error counts. */
const MIN_DAYS_TO_PREDICT = 3;

/**
 * Expected amount of a day with weekday `weekday`, from the observed days of its trailing
 * window of `windowDays` calendar days (at least 7; absent days are unknown, not zero).
 *
 * Method: seasonal decomposition with moving medians, then the median/MAD robust z-score
 * of domain.md §4 applied to prediction errors.
 * 1. Weekly profile: per weekday, the median deviation of its days from their local level
 *    (the median of the other days of the 7-day span around each, shifted inward at the
 *    window's edges). A 7-day span holds each weekday once, so weekends do not pull the
 *    level, and against a local level a step or a trend does not leak into the profile.
 * 2. Prediction: the median of the last 7 days with the profile taken out, plus the day's
 *    profile. The last week, so growth is followed and a level shift stops being unusual
 *    after a few days (reported once, on its first day).
 * 3. The same prediction is made for each window day from the 7 days before it (with the
 *    profile of the other days of its weekday, so the profile cannot absorb the day's own
 *    noise). The median of those errors is the typical lag (growth makes it positive) and is
 *    added to the expected amount; their MAD is the spread the judged day is scored by.
 * Medians keep a spike from moving the baseline, which means and standard deviations would.
 */
export function robustBaseline(
  window: readonly WindowDay[],
  windowDays: number,
  weekday: number,
): RobustBaseline {
  const profile = weeklyProfile(window, windowDays);
  const deseasonalized = window.map(day => day.units - profile.of(day.weekday));

  const errors: bigint[] = [];
  let earliest = 0;
  window.forEach((day, index) => {
    while (window[earliest].offset < day.offset - WEEK) earliest++;
    if (index - earliest < MIN_DAYS_TO_PREDICT) return;
    const prediction =
      median(deseasonalized.slice(earliest, index)) +
      profile.without(day.weekday, index);
    errors.push(day.units - prediction);
  });

  const recent = deseasonalized.filter(
    (_, index) => window[index].offset >= windowDays - WEEK,
  );
  const level = median(recent.length > 0 ? recent : deseasonalized);
  const typicalError = errors.length > 0 ? median(errors) : 0n;
  return {
    expected: level + profile.of(weekday) + typicalError,
    spread: errors.length > 0 ? robustSpread(errors, typicalError) : 0,
  };
}

interface WeeklyProfile {
  of(weekday: number): bigint;
  /** The profile of `weekday` without the window day at `index` (0 if it is the only one). */
  without(weekday: number, index: number): bigint;
}

function weeklyProfile(
  window: readonly WindowDay[],
  windowDays: number,
): WeeklyProfile {
  const byOffset = new Map<number, bigint>();
  for (const day of window) byOffset.set(day.offset, day.units);
  const byWeekday = new Map<number, Map<number, bigint>>();
  window.forEach((day, index) => {
    const deviation =
      day.units - median(othersAround(day.offset, windowDays, byOffset));
    const group = byWeekday.get(day.weekday) ?? new Map<number, bigint>();
    group.set(index, deviation);
    byWeekday.set(day.weekday, group);
  });
  const profile = new Map<number, bigint>();
  for (const [day, group] of byWeekday) {
    profile.set(day, median([...group.values()]));
  }
  return {
    of: day => profile.get(day) ?? 0n,
    without: (day, index) => {
      const others = [...(byWeekday.get(day) ?? new Map()).entries()]
        .filter(([at]) => at !== index)
        .map(([, deviation]) => deviation);
      return others.length > 0 ? median(others) : 0n;
    },
  };
}

/** The observed days of the 7-day span around `offset` other than the day itself. */
function othersAround(
  offset: number,
  windowDays: number,
  byOffset: ReadonlyMap<number, bigint>,
): bigint[] {
  const first = Math.max(0, Math.min(offset - 3, windowDays - WEEK));
  const others: bigint[] = [];
  for (let at = first; at < first + WEEK; at++) {
    const units = byOffset.get(at);
    if (units !== undefined && at !== offset) others.push(units);
  }
  return others.length > 0 ? others : [byOffset.get(offset)!];
}

/** σ from the MAD around `center`, or from the mean absolute deviation when the MAD is 0. */
function robustSpread(values: readonly bigint[], center: bigint): number {
  const deviations = values
    .map(value => Number(value > center ? value - center : center - value))
    .sort((a, b) => a - b);
  const middle = deviations.length >> 1;
  const mad =
    deviations.length % 2 === 1
      ? deviations[middle]
      : (deviations[middle - 1] + deviations[middle]) / 2;
  if (mad > 0) return mad * MAD_TO_SIGMA;
  const mean =
    deviations.reduce((sum, value) => sum + value, 0) / deviations.length;
  return mean * MEAN_AD_TO_SIGMA;
}

/**
 * Median of whole numbers; the two middle values' midpoint for an even count. The midpoint
 * is exact while the inputs are fine units at most four medians deep (see `fineUnits`); a
 * remainder would mean a fifth level, so it throws rather than round.
 */
export function median(values: readonly bigint[]): bigint {
  if (values.length === 0) {
    throw new RangeError('The median of no values is undefined');
  }
  const sorted = [...values].sort(compareBigInt);
  const middle = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[middle];
  const sum = sorted[middle - 1] + sorted[middle];
  if (sum % 2n !== 0n) {
    throw new RangeError('A median of fine units fell between two units');
  }
  return sum / 2n;
}

function compareBigInt(a: bigint, b: bigint): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
