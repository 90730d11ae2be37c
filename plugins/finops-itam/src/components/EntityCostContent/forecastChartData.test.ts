import { makeAnomaly, makeForecast } from '../../testUtils/budgetFixtures';
import {
  anomalyMarkers,
  costChartPoints,
  FORECAST_DAYS_SHOWN,
  forecastDaysToShow,
} from './forecastChartData';

const day = (date: string, total: string) => ({
  date,
  total,
  direct: total,
  shared: '0',
  licenses: '0',
});
const series = [day('2026-11-24', '40'), day('2026-11-25', '45')];
const cost = {
  granularity: 'day' as const,
  to: '2026-11-26',
  currency: 'USD',
  series,
};

/** A forecast of `count` days from 2026-11-26. */
function longForecast(count: number) {
  return makeForecast({
    days: Array.from({ length: count }, (_, i) => {
      const date = new Date(Date.UTC(2026, 10, 26 + i));
      return {
        day: date.toISOString().slice(0, 10),
        expected: '40',
        low: '35',
        high: '45',
      };
    }),
  });
}

describe('forecastDaysToShow', () => {
  it('shows the forecast days after the last actual day, at most 30', () => {
    const days = forecastDaysToShow(cost, longForecast(90));
    expect(days).toHaveLength(FORECAST_DAYS_SHOWN);
    expect(days[0].day).toBe('2026-11-26');
    expect(days[days.length - 1].day).toBe('2026-12-25');
  });

  it('shows nothing for a past period, by month, in another currency or without history', () => {
    const forecast = longForecast(10);
    expect(forecastDaysToShow({ ...cost, to: '2026-11-20' }, forecast)).toEqual(
      [],
    );
    expect(
      forecastDaysToShow({ ...cost, granularity: 'month' }, forecast),
    ).toEqual([]);
    expect(forecastDaysToShow({ ...cost, currency: 'EUR' }, forecast)).toEqual(
      [],
    );
    expect(
      forecastDaysToShow(cost, makeForecast({ through: null, days: [] })),
    ).toEqual([]);
    expect(forecastDaysToShow(cost, undefined)).toEqual([]);
  });
});

describe('costChartPoints and anomalyMarkers', () => {
  it('puts forecast points after the actual ones, with the band as a range', () => {
    const points = costChartPoints(series, longForecast(1).days);
    expect(points.map(p => p.date)).toEqual([
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ]);
    expect(points[2]).toMatchObject({ forecast: 40, band: [35, 45] });
    expect(points[0].direct).toBe(40);
  });

  it('places cost anomalies on their day at the actual total, in chart order', () => {
    const points = costChartPoints(series, []);
    const markers = anomalyMarkers(points, [
      makeAnomaly({ id: 'late', date: '2026-11-25' }),
      makeAnomaly({ id: 'early', date: '2026-11-24' }),
      makeAnomaly({
        id: 'license',
        kind: 'license-shortage',
        date: '2026-11-24',
      }),
      makeAnomaly({ id: 'outside', date: '2026-11-01' }),
    ]);
    expect(markers.map(m => [m.anomaly.id, m.index, m.value])).toEqual([
      ['early', 0, 40],
      ['late', 1, 45],
    ]);
  });
});
