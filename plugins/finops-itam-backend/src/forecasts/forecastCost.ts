import { ExactSum } from '../money';
import { addDays } from '../licenses/days';
import { dayRange } from './dayRange';
import { currencyScale } from './currencyScale';
import { historyArray } from './historyArray';
import {
  MIN_MODEL_DAYS,
  fitHoltWinters,
  forecastHoltWinters,
} from './holtWinters';
import { quantile } from './quantile';
import { roundAmount } from './roundAmount';
import {
  CostForecast,
  CostSeries,
  ForecastAmount,
  ForecastBand,
  ForecastDay,
} from './types';

/** The band's bounds: the 10th and 90th percentiles of the one-step errors, an 80 % band. */
export const BAND_QUANTILES = { low: 0.1, high: 0.9 } as const;

/** Exact sums of rounded days: the total is what the days add up to, to the cent. */
export function sumDays(days: readonly ForecastAmount[]): ForecastAmount {
  const expected = new ExactSum();
  const low = new ExactSum();
  const high = new ExactSum();
  for (const day of days) {
    expected.add(day.expected);
    low.add(day.low);
    high.add(day.high);
  }
  return {
    expected: expected.toString(),
    low: low.toString(),
    high: high.toString(),
  };
}

/** The rounded day, kept within `floor` and with low ≤ expected ≤ high. */
function forecastDay(
  day: string,
  expected: number,
  low: number,
  high: number,
  floor: number,
  scale: number,
): ForecastDay {
  const e = Math.max(expected, floor);
  return {
    day,
    expected: roundAmount(e, scale),
    low: roundAmount(Math.min(Math.max(low, floor), e), scale),
    high: roundAmount(Math.max(high, e), scale),
  };
}

/**
 * Forecast of one entity's daily cloud cost for the `horizon` days after its history.
 *
 * - At least 14 observed days: additive Holt-Winters with a damped trend and a weekly season
 *   (`holtWinters.ts`), fitted on the last 52 weeks; the band is the 10th–90th percentile of
 *   its one-step-ahead errors, widened by sqrt(h) on the h-th day.
 * - 1 to 13 observed days: the mean of what exists, with a wide band (`mean-short-history`).
 * - Nothing observed: zero (`no-history`).
 *
 * A series that never went below zero is never forecast below zero (credits aside, cost is
 * not negative). Amounts are exact decimal strings at the currency's minor unit; totals are
 * exact sums of the days. Throws a RangeError for a malformed series or horizon.
 */
export function forecastCost(
  series: CostSeries,
  horizon: number,
): CostForecast {
  if (!Number.isInteger(horizon) || horizon < 0) {
    throw new RangeError(
      `horizon must be a whole number of days, got ${horizon}`,
    );
  }
  const scale = currencyScale(series.currency);
  const history = historyArray(series);
  const observed = history?.observed ?? 0;
  const start = history ? addDays(history.to, 1) : undefined;
  const forecastDays = start ? dayRange(start, horizon) : [];
  const floor = history && history.minimum >= 0 ? 0 : -Infinity;

  if (!history || observed === 0) {
    const days = forecastDays.map(day =>
      forecastDay(day, 0, 0, 0, floor, scale),
    );
    return result(
      series.currency,
      'no-history',
      0,
      null,
      { kind: 'none' },
      days,
    );
  }

  if (observed < MIN_MODEL_DAYS) {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const value of history.values) {
      if (Number.isNaN(value)) continue;
      sum += value;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    const mean = sum / observed;
    const width = Math.max(Math.abs(mean) / 2, max - min);
    const days = forecastDays.map(day =>
      forecastDay(day, mean, mean - width, mean + width, floor, scale),
    );
    return result(
      series.currency,
      'mean-short-history',
      observed,
      null,
      { kind: 'short-history-range' },
      days,
    );
  }

  const fit = fitHoltWinters(history.values);
  const expected = forecastHoltWinters(fit, horizon);
  const errors = Float64Array.from(fit.residuals).sort();
  // Errors of a perfect fit are all zero: the band is then the expected line itself.
  const below = errors.length
    ? Math.min(0, quantile(errors, BAND_QUANTILES.low))
    : 0;
  const above = errors.length
    ? Math.max(0, quantile(errors, BAND_QUANTILES.high))
    : 0;
  const days = forecastDays.map((day, i) => {
    const growth = Math.sqrt(i + 1);
    return forecastDay(
      day,
      expected[i],
      expected[i] + below * growth,
      expected[i] + above * growth,
      floor,
      scale,
    );
  });
  return result(
    series.currency,
    'holt-winters-additive',
    observed,
    fit.parameters,
    {
      kind: 'residual-quantiles',
      lowQuantile: BAND_QUANTILES.low,
      highQuantile: BAND_QUANTILES.high,
      growth: 'sqrt-horizon',
    },
    days,
  );
}

function result(
  currency: string,
  method: CostForecast['method'],
  historyDays: number,
  parameters: CostForecast['parameters'],
  band: ForecastBand,
  days: ForecastDay[],
): CostForecast {
  return {
    currency,
    method,
    historyDays,
    parameters,
    band,
    days,
    total: sumDays(days),
  };
}
