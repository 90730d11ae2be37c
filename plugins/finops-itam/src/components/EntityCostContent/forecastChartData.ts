import {
  Anomaly,
  EntityCostResponse,
  EntityForecastResponse,
  ForecastDay,
} from '@finops-itam/plugin-finops-itam-common';
import { addDays } from '../../lib';
import { PartBar, partBars } from './chartData';

/** How many forecast days follow the actual days on the daily chart. */
export const FORECAST_DAYS_SHOWN = 30;

/**
 * One point of the cost chart: an actual day or month (stacked parts), or a forecast day
 * (the expected cost and its band). Numbers are for drawing only; people read the exact
 * strings in `exact` and `exactForecast`.
 */
export type CostChartPoint = Partial<PartBar> & {
  date: string;
  forecast?: number;
  /** `[low, high]`, drawn as a range area. */
  band?: [number, number];
  exactForecast?: ForecastDay;
};

/**
 * The forecast days to draw after the actual ones: only on the daily chart, only when the
 * period reaches the end of the history the forecast starts after (a past period has no
 * forecast to show), and only in the currency the chart is in.
 */
export function forecastDaysToShow(
  cost: Pick<EntityCostResponse, 'granularity' | 'to' | 'currency' | 'series'>,
  forecast: EntityForecastResponse | undefined,
): ForecastDay[] {
  if (
    !forecast?.through ||
    cost.granularity !== 'day' ||
    forecast.currency !== cost.currency ||
    cost.to <= forecast.through
  ) {
    return [];
  }
  const lastActual =
    cost.series[cost.series.length - 1]?.date ?? forecast.through;
  const last = addDays(lastActual, FORECAST_DAYS_SHOWN);
  return forecast.days.filter(day => day.day > lastActual && day.day <= last);
}

/** The chart's points: the actual series, then the forecast days to show. */
export function costChartPoints(
  series: EntityCostResponse['series'],
  forecastDays: ForecastDay[],
): CostChartPoint[] {
  return [
    ...partBars(series),
    ...forecastDays.map(day => ({
      date: day.day,
      forecast: Number(day.expected),
      band: [Number(day.low), Number(day.high)] as [number, number],
      exactForecast: day,
    })),
  ];
}

/** A marker's place: the anomaly and the index of its day among the chart's points. */
export interface AnomalyMarker {
  anomaly: Anomaly;
  index: number;
  /** The day's actual all-in cost, where the marker sits; for drawing only. */
  value: number;
}

/** The cost anomalies that start on a day the chart shows, in the chart's order. */
export function anomalyMarkers(
  points: CostChartPoint[],
  anomalies: Anomaly[],
): AnomalyMarker[] {
  const byDate = new Map(points.map((point, index) => [point.date, index]));
  return anomalies
    .filter(
      anomaly =>
        (anomaly.kind === 'cost-increase' ||
          anomaly.kind === 'cost-decrease') &&
        byDate.has(anomaly.date),
    )
    .map(anomaly => {
      const index = byDate.get(anomaly.date)!;
      return {
        anomaly,
        index,
        value: Number(points[index].exact?.total ?? anomaly.actual ?? 0),
      };
    })
    .sort((a, b) => a.index - b.index);
}
