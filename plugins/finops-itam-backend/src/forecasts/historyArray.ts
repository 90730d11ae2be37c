import { parseDecimal } from '../money';
import { addDays, daysBetween } from '../licenses/days';
import { compare } from '../licenses/licensePosition';
import { CostSeries } from './types';

/**
 * Days of history the model is fitted on, at most: 52 weeks. Older days barely move an
 * exponentially smoothed state, and a fixed window keeps the fitting time per entity fixed.
 */
export const MAX_FIT_DAYS = 364;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface HistoryArray {
  /** First day of `values`. */
  from: string;
  /** Last complete day: the forecast starts the day after. */
  to: string;
  /** One value per day from `from` to `to`; NaN where the day has no data. */
  values: Float64Array;
  /** Days with a value (zero-cost days included when the series says so). */
  observed: number;
  /** The smallest observed value, or 0 when none: a series that never went negative stays so. */
  minimum: number;
}

function checkDay(day: string | undefined, what: string): void {
  if (day !== undefined && (!DAY.test(day) || Number.isNaN(Date.parse(day)))) {
    throw new RangeError(
      `${what} ${JSON.stringify(day)} is not a YYYY-MM-DD day`,
    );
  }
}

/**
 * The series as one number per day over its last `MAX_FIT_DAYS` days, absent days filled as
 * the series says. Throws a RangeError for a malformed day, a day outside `from`..`to`, a day
 * given twice or an amount that is not a plain decimal.
 */
export function historyArray(series: CostSeries): HistoryArray | null {
  checkDay(series.from, 'from');
  checkDay(series.to, 'to');
  const sorted = [...series.days].sort((a, b) => compare(a.day, b.day));
  sorted.forEach((d, i) => {
    checkDay(d.day, 'day');
    parseDecimal(d.amount, `amount of ${d.day}`);
    if (i > 0 && sorted[i - 1].day === d.day) {
      throw new RangeError(`day ${d.day} appears twice in the series`);
    }
  });
  const first = series.from ?? sorted[0]?.day;
  const to = series.to ?? sorted[sorted.length - 1]?.day;
  if (first === undefined || to === undefined) return null;
  if (first > to) {
    throw new RangeError(`from ${first} is after to ${to}`);
  }
  for (const d of [sorted[0], sorted[sorted.length - 1]]) {
    if (d && (d.day < first || d.day > to)) {
      throw new RangeError(`day ${d.day} is outside ${first}..${to}`);
    }
  }
  const span = daysBetween(first, to) + 1;
  const length = Math.min(span, MAX_FIT_DAYS);
  const from = addDays(to, 1 - length);
  const values = new Float64Array(length).fill(
    series.absentDays === 'zero-cost' ? 0 : NaN,
  );
  const fromTime = Date.parse(from);
  for (const d of sorted) {
    const index = Math.round((Date.parse(d.day) - fromTime) / 86_400_000);
    if (index >= 0) values[index] = Number(d.amount);
  }
  let observed = 0;
  let minimum = Infinity;
  let firstObserved = -1;
  values.forEach((value, index) => {
    if (!Number.isNaN(value)) {
      observed++;
      if (value < minimum) minimum = value;
      if (firstObserved < 0) firstObserved = index;
    }
  });
  // Unknown days before the first known one carry nothing: the model starts at the first
  // day with data (its starting state needs data in its first two weeks).
  const start = Math.max(0, firstObserved);
  return {
    from: addDays(from, start),
    to,
    values: start > 0 ? values.subarray(start) : values,
    observed,
    minimum: observed === 0 ? 0 : minimum,
  };
}
