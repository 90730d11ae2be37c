import { Money } from '../money';
import { addDays } from '../licenses/days';
import { forecastCost } from './forecastCost';
import {
  WEEKEND_SHAPE,
  dailySeries,
  normal,
  seededRandom,
} from './__testUtils__/syntheticSeries';
import { CostForecast } from './types';

// 2026-01-05 is a Monday: weekday 1 in getUTCDay terms.
const MONDAY = '2026-01-05';
const expectedOf = (forecast: CostForecast) =>
  forecast.days.map(d => Number(d.expected));

function expectWithin(actual: number, truth: number, share: number) {
  expect(Math.abs(actual - truth)).toBeLessThanOrEqual(Math.abs(truth) * share);
}

describe('forecastCost', () => {
  it('forecasts a flat series as the same amount every day, with no band', () => {
    const forecast = forecastCost(
      {
        currency: 'USD',
        absentDays: 'zero-cost',
        days: dailySeries(MONDAY, 60, () => 100),
      },
      30,
    );
    expect(forecast.method).toBe('holt-winters-additive');
    expect(forecast.days).toHaveLength(30);
    expect(forecast.days[0]).toEqual({
      day: addDays(MONDAY, 60),
      expected: '100',
      low: '100',
      high: '100',
    });
    expect(forecast.days.every(d => d.expected === '100')).toBe(true);
    expect(forecast.total).toEqual({
      expected: '3000',
      low: '3000',
      high: '3000',
    });
  });

  it('continues a linear trend', () => {
    const forecast = forecastCost(
      {
        currency: 'USD',
        absentDays: 'zero-cost',
        days: dailySeries(MONDAY, 120, t => 50 + 2 * t),
      },
      30,
    );
    expect(forecast.parameters?.phi).toBe(1);
    expectedOf(forecast).forEach((value, i) =>
      expectWithin(value, 50 + 2 * (120 + i), 0.01),
    );
  });

  it('repeats the weekly shape of a seasonal series', () => {
    const random = seededRandom(7);
    const forecast = forecastCost(
      {
        currency: 'USD',
        absentDays: 'zero-cost',
        days: dailySeries(
          MONDAY,
          16 * 7,
          t => 1000 * WEEKEND_SHAPE(t, 1) * (1 + 0.01 * normal(random)),
        ),
      },
      14,
    );
    const values = expectedOf(forecast);
    values.forEach((value, i) =>
      expectWithin(value, 1000 * WEEKEND_SHAPE(16 * 7 + i, 1), 0.03),
    );
    // The first forecast day is a Monday: days 6 and 7 are the weekend.
    expect(Math.min(values[5], values[6])).toBeGreaterThan(
      Math.max(...values.slice(0, 5)) * 1.1,
    );
  });

  it('follows a step to the new level', () => {
    const forecast = forecastCost(
      {
        currency: 'USD',
        absentDays: 'zero-cost',
        days: dailySeries(MONDAY, 81, t => (t < 60 ? 100 : 200)),
      },
      14,
    );
    expectedOf(forecast).forEach(value => expectWithin(value, 200, 0.05));
  });

  it('treats absent days as unknown when the series says it has no data for them', () => {
    // Weekdays cost 100, weekends 150; ten days in the middle were never exported.
    const truth = (t: number) => 100 * (WEEKEND_SHAPE(t, 1) > 1 ? 1.5 : 1);
    const forecast = forecastCost(
      {
        currency: 'USD',
        absentDays: 'no-data',
        days: dailySeries(MONDAY, 70, truth, t => t >= 30 && t < 40),
      },
      14,
    );
    expect(forecast.historyDays).toBe(60);
    expectedOf(forecast).forEach((value, i) =>
      expectWithin(value, truth(70 + i), 0.02),
    );
  });

  it('starts the model at the first day with data when earlier days are unknown', () => {
    const forecast = forecastCost(
      {
        currency: 'USD',
        absentDays: 'no-data',
        from: addDays(MONDAY, -30),
        days: dailySeries(MONDAY, 28, () => 100),
      },
      7,
    );
    expect(forecast.method).toBe('holt-winters-additive');
    expect(forecast.historyDays).toBe(28);
    expect(expectedOf(forecast)).toEqual([100, 100, 100, 100, 100, 100, 100]);
  });

  it('counts absent days as zero-cost days when the series says so', () => {
    // Only weekdays have rows: with zero-cost days the weekends are forecast at zero,
    // with no-data days they are unknown and forecast at the weekday level.
    const weekdaysOnly = dailySeries(
      MONDAY,
      70,
      () => 100,
      t => WEEKEND_SHAPE(t, 1) > 1,
    );
    const zero = forecastCost(
      { currency: 'USD', absentDays: 'zero-cost', days: weekdaysOnly },
      7,
    );
    expect(zero.historyDays).toBe(68); // the span ends on a Friday: 70 days minus the last weekend
    expect(expectedOf(zero)).toEqual([0, 0, 100, 100, 100, 100, 100]);
    const unknown = forecastCost(
      { currency: 'USD', absentDays: 'no-data', days: weekdaysOnly },
      7,
    );
    expect(unknown.historyDays).toBe(50);
    expect(expectedOf(unknown)).toEqual([100, 100, 100, 100, 100, 100, 100]);
  });

  it('counts trailing zero-cost days up to the end of the history', () => {
    const forecast = forecastCost(
      {
        currency: 'USD',
        absentDays: 'zero-cost',
        days: dailySeries(MONDAY, 30, () => 100),
        to: addDays(MONDAY, 59),
      },
      7,
    );
    expect(forecast.historyDays).toBe(60);
    expect(forecast.days[0].day).toBe(addDays(MONDAY, 60));
    expectedOf(forecast).forEach(value => expect(value).toBeLessThan(5));
  });

  it('falls back to the mean with a wide band under 14 days of history, and says so', () => {
    const forecast = forecastCost(
      {
        currency: 'EUR',
        absentDays: 'zero-cost',
        days: dailySeries(MONDAY, 10, t => 90 + 2 * t),
      },
      5,
    );
    expect(forecast.method).toBe('mean-short-history');
    expect(forecast.band).toEqual({ kind: 'short-history-range' });
    expect(forecast.historyDays).toBe(10);
    // Mean 99, range 18, half the mean 49.5: the band is 99 ± 49.5.
    expect(forecast.days[4]).toEqual({
      day: addDays(MONDAY, 14),
      expected: '99',
      low: '49.5',
      high: '148.5',
    });
  });

  it('forecasts zero with no history, and an empty forecast without any day to start from', () => {
    const empty = forecastCost(
      {
        currency: 'USD',
        absentDays: 'no-data',
        days: [],
        from: MONDAY,
        to: addDays(MONDAY, 9),
      },
      3,
    );
    expect(empty.method).toBe('no-history');
    expect(empty.days.map(d => d.day)).toEqual([
      addDays(MONDAY, 10),
      addDays(MONDAY, 11),
      addDays(MONDAY, 12),
    ]);
    expect(empty.total).toEqual({ expected: '0', low: '0', high: '0' });
    expect(
      forecastCost({ currency: 'USD', absentDays: 'no-data', days: [] }, 3)
        .days,
    ).toEqual([]);
  });

  it('never forecasts a cost below zero for a series that never was', () => {
    const forecast = forecastCost(
      {
        currency: 'USD',
        absentDays: 'zero-cost',
        days: dailySeries(MONDAY, 60, t => Math.max(0, 300 - 5 * t)),
      },
      30,
    );
    forecast.days.forEach(d => {
      expect(Number(d.low)).toBeGreaterThanOrEqual(0);
      expect(Number(d.expected)).toBeGreaterThanOrEqual(0);
    });
  });

  it('has a band that contains the actual day most of the time on noisy data', () => {
    let inside = 0;
    let total = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const base = 50 + 1000 * random();
      const growth = 0.002 * random();
      const noise = 0.05 + 0.1 * random();
      const values = Array.from(
        { length: 200 },
        (_, t) =>
          base *
          (1 + growth * t) *
          WEEKEND_SHAPE(t, 1) *
          (1 + noise * normal(random)),
      );
      const forecast = forecastCost(
        {
          currency: 'USD',
          absentDays: 'zero-cost',
          days: dailySeries(MONDAY, 170, t => values[t]),
        },
        30,
      );
      total += forecast.days.length;
      inside += forecast.days.filter((d, i) => {
        const actual = Number(values[170 + i].toFixed(2));
        return Number(d.low) <= actual && actual <= Number(d.high);
      }).length;
    }
    expect(inside / total).toBeGreaterThan(0.8);
  });

  it('rounds every amount to the minor unit of the currency and totals the days exactly', () => {
    const random = seededRandom(3);
    const days = dailySeries(MONDAY, 90, () => 1000 + 100 * random());
    const usd = forecastCost(
      { currency: 'USD', absentDays: 'zero-cost', days },
      31,
    );
    const jpy = forecastCost(
      { currency: 'JPY', absentDays: 'zero-cost', days },
      31,
    );
    for (const d of usd.days) expect(d.expected).toMatch(/^\d+(\.\d{1,2})?$/);
    for (const d of jpy.days) expect(d.expected).toMatch(/^\d+$/);
    for (const key of ['expected', 'low', 'high'] as const) {
      const sum = usd.days.reduce((s, d) => s.plus(d[key]), new Money(0));
      expect(usd.total[key]).toBe(sum.toFixed());
    }
  });

  it('keeps amounts and totals exact beyond what a float holds to the cent', () => {
    const forecast = forecastCost(
      {
        currency: 'USD',
        absentDays: 'zero-cost',
        days: dailySeries(MONDAY, 28, () => 1e14),
      },
      3,
    );
    expect(forecast.days[0].expected).toBe('100000000000000');
    expect(forecast.total.expected).toBe('300000000000000');
  });

  it('rejects a malformed series with the reason', () => {
    const forecast = (days: Array<{ day: string; amount: string }>) =>
      forecastCost(
        {
          currency: 'USD',
          absentDays: 'zero-cost',
          days,
          from: '2026-01-01',
          to: '2026-01-10',
        },
        7,
      );
    expect(() =>
      forecast([
        { day: '2026-01-05', amount: '1' },
        { day: '2026-01-05', amount: '2' },
      ]),
    ).toThrow('day 2026-01-05 appears twice');
    expect(() => forecast([{ day: '2026-01-11', amount: '1' }])).toThrow(
      'outside 2026-01-01..2026-01-10',
    );
    expect(() => forecast([{ day: '2026-01-05', amount: '1e3' }])).toThrow(
      'not a plain decimal',
    );
    expect(() => forecast([{ day: '5 Jan', amount: '1' }])).toThrow(
      'not a YYYY-MM-DD day',
    );
    expect(() =>
      forecastCost({ currency: 'USD', absentDays: 'zero-cost', days: [] }, 1.5),
    ).toThrow('horizon');
  });
});
