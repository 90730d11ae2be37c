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
import { toUnits, unitsText } from './roundAmount';
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

/**
 * Builds the rounded days and their exact totals. Totals are sums of whole units (cents), in
 * plain numbers while that is exact (the sum of magnitudes stays a safe integer) and through
 * `sumDays` otherwise; re-parsing a thousand strings per entity was a third of the run.
 */
class DayWriter {
  readonly days: ForecastDay[] = [];
  private readonly sums = [0, 0, 0];
  private magnitude = 0;

  constructor(private readonly floor: number, private readonly scale: number) {}

  /** Adds the day, kept within `floor` and with low ≤ expected ≤ high. */
  add(day: string, expected: number, low: number, high: number): void {
    const e = Math.max(expected, this.floor);
    const units = [
      toUnits(e, this.scale),
      toUnits(Math.min(Math.max(low, this.floor), e), this.scale),
      toUnits(Math.max(high, e), this.scale),
    ];
    for (let i = 0; i < 3; i++) {
      this.sums[i] += units[i];
      this.magnitude += Math.abs(units[i]);
    }
    this.days.push({
      day,
      expected: unitsText(units[0], this.scale),
      low: unitsText(units[1], this.scale),
      high: unitsText(units[2], this.scale),
    });
  }

  total(): ForecastAmount {
    if (!Number.isSafeInteger(this.magnitude)) return sumDays(this.days);
    return {
      expected: unitsText(this.sums[0], this.scale),
      low: unitsText(this.sums[1], this.scale),
      high: unitsText(this.sums[2], this.scale),
    };
  }
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
    const writer = new DayWriter(floor, scale);
    for (const day of forecastDays) writer.add(day, 0, 0, 0);
    return result(
      series.currency,
      'no-history',
      0,
      null,
      { kind: 'none' },
      writer,
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
    const writer = new DayWriter(floor, scale);
    for (const day of forecastDays) {
      writer.add(day, mean, mean - width, mean + width);
    }
    return result(
      series.currency,
      'mean-short-history',
      observed,
      null,
      { kind: 'short-history-range' },
      writer,
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
  const writer = new DayWriter(floor, scale);
  forecastDays.forEach((day, i) => {
    const growth = Math.sqrt(i + 1);
    writer.add(
      day,
      expected[i],
      expected[i] + below * growth,
      expected[i] + above * growth,
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
    writer,
  );
}

function result(
  currency: string,
  method: CostForecast['method'],
  historyDays: number,
  parameters: CostForecast['parameters'],
  band: ForecastBand,
  writer: DayWriter,
): CostForecast {
  return {
    currency,
    method,
    historyDays,
    parameters,
    band,
    days: writer.days,
    total: writer.total(),
  };
}
