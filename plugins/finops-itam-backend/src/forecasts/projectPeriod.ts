import { ExactSum } from '../money';
import { addDays, daysBetween } from '../licenses/days';
import { Period, periodAfter, periodContaining } from './periods';
import { CostForecast, DailyAmount, ForecastAmount } from './types';

/** Actual cost so far, in the forecast's currency. */
export interface ActualCost {
  currency: string;
  /** Days without an entry cost nothing: actual cost is what was recorded. */
  days: DailyAmount[];
}

/** A period's actual cost to date plus the forecast for the rest of it. */
export interface PeriodProjection {
  period: Period;
  currency: string;
  /** Exact sum of the actual days from the period's start to the day before the forecast. */
  actualToDate: string;
  /** Exact sums of the forecast days from the forecast's start (or the period's) to its end. */
  forecastRest: ForecastAmount;
  /** actualToDate + forecastRest, exactly; the band is the forecast's. */
  projected: ForecastAmount;
}

/** Days of forecast needed, from its first day, to reach `lastDay`. */
export function horizonTo(firstForecastDay: string, lastDay: string): number {
  return Math.max(0, daysBetween(firstForecastDay, lastDay) + 1);
}

/**
 * The month, quarter or year projected to its end: actual to date, then the forecast. Actual
 * days on or after the forecast's first day are not counted (the forecast covers them).
 * Throws when the currencies differ (never summed), or when the forecast has no days or stops
 * before the period ends (a longer horizon is needed: `horizonTo(first forecast day, period.end)`).
 */
export function projectPeriod(
  period: Period,
  actual: ActualCost,
  forecast: CostForecast,
): PeriodProjection {
  if (actual.currency !== forecast.currency) {
    throw new RangeError(
      `actual cost in ${actual.currency} and a forecast in ${forecast.currency} cannot be added`,
    );
  }
  if (forecast.days.length === 0) {
    throw new RangeError('the forecast has no days to project with');
  }
  const first = forecast.days[0].day;
  const last = forecast.days[forecast.days.length - 1].day;
  if (period.end >= first && last < period.end) {
    throw new RangeError(
      `the forecast ends ${last} but the ${period.kind} ends ${period.end}: ` +
        `forecast at least ${horizonTo(first, period.end)} days`,
    );
  }
  const actualEnd = addDays(first, -1);
  const actualToDate = new ExactSum();
  for (const { day, amount } of actual.days) {
    if (day >= period.start && day <= period.end && day <= actualEnd) {
      actualToDate.add(amount);
    }
  }
  const rest = {
    expected: new ExactSum(),
    low: new ExactSum(),
    high: new ExactSum(),
  };
  for (const day of forecast.days) {
    if (day.day >= period.start && day.day <= period.end) {
      rest.expected.add(day.expected);
      rest.low.add(day.low);
      rest.high.add(day.high);
    }
  }
  const plusActual = (sum: ExactSum) =>
    new ExactSum().addSum(sum).addSum(actualToDate).toString();
  return {
    period,
    currency: forecast.currency,
    actualToDate: actualToDate.toString(),
    forecastRest: {
      expected: rest.expected.toString(),
      low: rest.low.toString(),
      high: rest.high.toString(),
    },
    projected: {
      expected: plusActual(rest.expected),
      low: plusActual(rest.low),
      high: plusActual(rest.high),
    },
  };
}

/**
 * Month by month, from the month of the forecast's first day: `months` projections (12 by
 * default, the "12 months ahead"); the first month holds the actual days so far.
 * The forecast must reach the last month's end: `outlookHorizon` says how many days.
 */
export function monthlyOutlook(
  actual: ActualCost,
  forecast: CostForecast,
  months = 12,
): PeriodProjection[] {
  const first = forecast.days[0]?.day;
  if (!first) return [];
  let month = periodContaining(first, 'month');
  // Each month gets only its own forecast days (they are consecutive, so a slice) and the
  // actual days of the first month: one pass over the days instead of one per month.
  const current = {
    ...actual,
    days: actual.days.filter(d => d.day >= month.start),
  };
  const out: PeriodProjection[] = [];
  for (let i = 0; i < months; i++) {
    const from = Math.max(0, daysBetween(first, month.start));
    const to = daysBetween(first, month.end) + 1;
    const days = forecast.days.slice(from, to);
    out.push(projectPeriod(month, current, { ...forecast, days }));
    month = periodAfter(month);
  }
  return out;
}

/** Forecast days `monthlyOutlook` needs from `firstForecastDay`. */
export function outlookHorizon(firstForecastDay: string, months = 12): number {
  let month = periodContaining(firstForecastDay, 'month');
  for (let i = 1; i < months; i++) month = periodAfter(month);
  return horizonTo(firstForecastDay, month.end);
}
