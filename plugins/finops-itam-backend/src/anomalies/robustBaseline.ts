/**
 * The observed days of a trailing window, as parallel arrays (filled by the caller, read for
 * `length` entries, ascending offsets). Amounts are in baseline units (see `baselineUnits`).
 */
export interface BaselineWindow {
  /** Calendar days from the window's first day (0 … windowDays − 1). */
  offsets: Int32Array;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekdays: Int8Array;
  units: Float64Array;
  length: number;
}

/** What a day is expected to cost, and how much days usually stray from that. */
export interface BaselineEstimate {
  /** In baseline units; a whole number, so exact (see `baselineUnits`). */
  expected: number;
  /** Robust standard deviation of the window's prediction errors, same units (0 when none). */
  spread: number;
  /** How many errors the spread was estimated from. */
  errorCount: number;
  /**
   * The prediction before the typical error is added (level + weekly profile): what a caller
   * with a longer record of this predictor's errors corrects and scores itself.
   */
  prediction: number;
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
/** Deviations beyond this many MAD-sigmas count as this many in the spread (Huber's k is 1.345–2; 3 keeps nearly all of normal errors' information). */
const CLIP_MADS = 3;
/** Earlier days a window day needs before its own prediction error counts. */
const MIN_DAYS_TO_PREDICT = 3;

/**
 * Expected amount of a day from the observed days of its trailing window of `windowDays`
 * calendar days (at least 7; absent days are unknown, not zero).
 *
 * Method: seasonal decomposition with moving medians, then the median/MAD robust z-score of
 * domain.md §4 applied to prediction errors.
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
 *    added to the expected amount; their spread (see `spreadAround`) is what the day is
 *    scored by until the detector has a longer record of its own errors (`ErrorHistory`).
 * Medians keep a spike from moving the baseline, which means and standard deviations would.
 *
 * An instance keeps its work arrays between calls: it runs for every day of every entity.
 */
export class RobustBaseline {
  private readonly byOffset: Float64Array;
  private readonly deviations: Float64Array;
  private readonly profileWithout: Float64Array;
  private readonly deseasonalized: Float64Array;
  private readonly errors: Float64Array;
  private readonly scratch: Float64Array;
  private readonly profile = new Float64Array(WEEK + 1);

  constructor(private readonly windowDays: number) {
    if (windowDays < WEEK) {
      throw new RangeError('A baseline window must hold at least a week');
    }
    this.byOffset = new Float64Array(windowDays);
    this.deviations = new Float64Array(windowDays);
    this.profileWithout = new Float64Array(windowDays);
    this.deseasonalized = new Float64Array(windowDays);
    this.errors = new Float64Array(windowDays);
    this.scratch = new Float64Array(windowDays);
  }

  /** Expected amount and spread for a day of ISO weekday `weekday` after `window`. */
  estimate(window: BaselineWindow, weekday: number): BaselineEstimate {
    const { offsets, weekdays, units, length } = window;
    if (length === 0) {
      return { expected: 0, spread: 0, errorCount: 0, prediction: 0 };
    }
    this.weeklyProfile(window);
    const { deseasonalized, errors, scratch, profile } = this;
    for (let i = 0; i < length; i++) {
      deseasonalized[i] = units[i] - profile[weekdays[i]];
    }

    let count = 0;
    let earliest = 0;
    for (let i = 0; i < length; i++) {
      while (offsets[earliest] < offsets[i] - WEEK) earliest++;
      if (i - earliest < MIN_DAYS_TO_PREDICT) continue;
      for (let j = earliest; j < i; j++)
        scratch[j - earliest] = deseasonalized[j];
      const prediction =
        sortedMedian(scratch, i - earliest) + this.profileWithout[i];
      errors[count++] = units[i] - prediction;
    }

    let recent = 0;
    for (let i = 0; i < length; i++) {
      if (offsets[i] >= this.windowDays - WEEK) {
        scratch[recent++] = deseasonalized[i];
      }
    }
    if (recent === 0) {
      for (let i = 0; i < length; i++) scratch[i] = deseasonalized[i];
      recent = length;
    }
    const level = sortedMedian(scratch, recent);
    const typicalError = count > 0 ? sortedMedian(errors, count) : 0;
    const prediction = level + profile[weekday];
    return {
      expected: prediction + typicalError,
      spread:
        count > 0 ? spreadAround(errors, count, typicalError, scratch) : 0,
      errorCount: count,
      prediction,
    };
  }

  /** Fills `profile` (per weekday) and `profileWithout` (per window day, itself left out). */
  private weeklyProfile(window: BaselineWindow): void {
    const { offsets, weekdays, units, length } = window;
    const { byOffset, deviations, scratch, profile, windowDays } = this;
    byOffset.fill(NaN);
    for (let i = 0; i < length; i++) byOffset[offsets[i]] = units[i];
    for (let i = 0; i < length; i++) {
      const first = Math.max(0, Math.min(offsets[i] - 3, windowDays - WEEK));
      let count = 0;
      for (let at = first; at < first + WEEK; at++) {
        if (at !== offsets[i] && !Number.isNaN(byOffset[at])) {
          scratch[count++] = byOffset[at];
        }
      }
      deviations[i] = count > 0 ? units[i] - sortedMedian(scratch, count) : 0;
    }
    for (let day = 1; day <= WEEK; day++) {
      let count = 0;
      for (let i = 0; i < length; i++) {
        if (weekdays[i] === day) scratch[count++] = deviations[i];
      }
      profile[day] = count > 0 ? sortedMedian(scratch, count) : 0;
      // scratch[0, count) is now sorted: each day's profile without it, from that order.
      for (let i = 0; i < length; i++) {
        if (weekdays[i] === day) {
          this.profileWithout[i] = medianWithout(scratch, count, deviations[i]);
        }
      }
    }
  }
}

/**
 * σ of `values[0, count)` around `center`: a Huber-type scale, the root mean square of the
 * deviations with each clipped at `CLIP_MADS` MAD-sigmas. Why not the MAD itself: it uses
 * about 37 % of the information normal errors carry, so from a few dozen errors it is off
 * by a quarter either way, and every window where it comes out small lets ordinary days
 * through a z of 3 (measured: 1.7 % of days on Gaussian noise instead of 0.3 %). The clipped
 * root mean square is nearly as efficient as a standard deviation and, clipped, as
 * indifferent to the odd huge error as the MAD. `scratch` (as long as `values`) is used.
 */
export function spreadAround(
  values: Float64Array,
  count: number,
  center: number,
  scratch: Float64Array,
): number {
  let total = 0;
  for (let i = 0; i < count; i++) {
    scratch[i] = Math.abs(values[i] - center);
    total += scratch[i];
  }
  const mad = sortedMedian(scratch, count);
  if (mad === 0) return (total / count) * MEAN_AD_TO_SIGMA;
  const clip = CLIP_MADS * mad * MAD_TO_SIGMA;
  let squares = 0;
  for (let i = 0; i < count; i++) {
    const deviation = Math.min(scratch[i], clip);
    squares += deviation * deviation;
  }
  return Math.sqrt(squares / count);
}

/**
 * Median of `values[0, count)`, sorting them in place (insertion sort for a window's few
 * dozen, the typed array's own sort for an error history). The midpoint of whole numbers of baseline units at most four medians
 * deep is whole (see `baselineUnits`), so it is exact.
 */
export function sortedMedian(values: Float64Array, count: number): number {
  if (count > 32) {
    values.subarray(0, count).sort(); // typed arrays sort numerically
  } else {
    for (let i = 1; i < count; i++) {
      const value = values[i];
      let j = i - 1;
      while (j >= 0 && values[j] > value) {
        values[j + 1] = values[j];
        j--;
      }
      values[j + 1] = value;
    }
  }
  const middle = count >> 1;
  return count % 2 === 1
    ? values[middle]
    : (values[middle - 1] + values[middle]) / 2;
}

/** Median of sorted `values[0, count)` with one element equal to `left` taken out; 0 if none remain. */
function medianWithout(
  values: Float64Array,
  count: number,
  left: number,
): number {
  const remaining = count - 1;
  if (remaining === 0) return 0;
  let skip = 0;
  while (values[skip] !== left) skip++;
  const at = (index: number) => values[index < skip ? index : index + 1];
  const middle = remaining >> 1;
  return remaining % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}
