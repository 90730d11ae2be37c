import { detectCostAnomalies } from './detectCostAnomalies';
import { dayAt, generatedSeries } from './__testUtils__/generatedCostSeries';

const FROM = '2026-01-05'; // a Monday
/** Detection as if run two days after the last generated day, so every day is complete. */
const asOfAfter = (days: number) => dayAt(FROM, days - 1 + 2);

describe('detectCostAnomalies', () => {
  it('finds a one-day spike, on its day, with the service and resource that caused it', () => {
    const series = generatedSeries({
      from: FROM,
      days: 70,
      level: 1000,
      weekendShare: 0.4,
      noise: 0.03,
      extra: index => (index === 50 ? 2000 : 0),
    });

    const { anomalies, judgedDays } = detectCostAnomalies(series, {
      asOf: asOfAfter(70),
    });

    expect(judgedDays).toBe(70 - 14);
    expect(anomalies).toHaveLength(1);
    const [spike] = anomalies;
    expect(spike).toMatchObject({
      entityRef: 'component:default/checkout',
      currency: 'USD',
      date: dayAt(FROM, 50),
      lastDate: dayAt(FROM, 50),
      direction: 'increase',
    });
    expect(Number(spike.impact)).toBeGreaterThan(1900);
    expect(Number(spike.impact)).toBeLessThan(2100);
    expect(spike.score).toBeGreaterThanOrEqual(3);
    // The new service and resource explain exactly the 2000 that appeared.
    expect(spike.drivers.slice(0, 2)).toEqual(
      expect.arrayContaining([
        { kind: 'service', name: 'AWSLambda', impact: '2000' },
        { kind: 'resource', name: 'fn-batch', impact: '2000' },
      ]),
    );
    const sizes = spike.drivers.map(driver => Math.abs(Number(driver.impact)));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('reports a step up once, on the day it starts, not every day after', () => {
    const series = generatedSeries({
      from: FROM,
      days: 100,
      level: 1000,
      weekendShare: 0.5,
      noise: 0.03,
      extra: index => (index >= 40 ? 600 : 0),
    });

    const { anomalies } = detectCostAnomalies(series, {
      asOf: asOfAfter(100),
    });

    expect(anomalies).toHaveLength(1);
    expect(anomalies[0].date).toBe(dayAt(FROM, 40));
    expect(anomalies[0].direction).toBe('increase');
    // The stretch lasts while the rolling baseline still holds the old level.
    expect(anomalies[0].lastDate > anomalies[0].date).toBe(true);
    expect(Number(anomalies[0].totalImpact)).toBeGreaterThan(
      Number(anomalies[0].impact),
    );
  });

  it('finds nothing in a steady weekly pattern with low weekends', () => {
    const series = generatedSeries({
      from: FROM,
      days: 120,
      level: 1000,
      weekendShare: 0.3,
      // ±3 % a day: with weekends at 30 %, only the weekly profile keeps them ordinary.
      noise: 0.03,
    });

    const result = detectCostAnomalies(series, { asOf: asOfAfter(120) });

    expect(result.judgedDays).toBe(120 - 14);
    expect(result.anomalies).toEqual([]);
  });

  it('finds nothing in steady growth, but still finds a spike on top of it', () => {
    const growing = {
      from: FROM,
      days: 120,
      level: 1000,
      weekendShare: 0.6,
      dailyTrend: 0.02,
      noise: 0.03,
    };

    expect(
      detectCostAnomalies(generatedSeries(growing), { asOf: asOfAfter(120) })
        .anomalies,
    ).toEqual([]);
    const withSpike = detectCostAnomalies(
      generatedSeries({
        ...growing,
        extra: index => (index === 100 ? 5000 : 0),
      }),
      { asOf: asOfAfter(120) },
    );
    expect(withSpike.anomalies.map(anomaly => anomaly.date)).toEqual([
      dayAt(FROM, 100),
    ]);
  });

  it('treats missing days as unknown or as zero cost, as the caller says', () => {
    const full = generatedSeries({
      from: FROM,
      days: 60,
      level: 1000,
      noise: 0.03,
    });
    const missing = new Set([30, 31, 32, 33].map(index => dayAt(FROM, index)));
    const days = full.days.filter(day => !missing.has(day.day));

    const unknown = detectCostAnomalies(
      { ...full, days, absentDays: 'no-data' },
      { asOf: asOfAfter(60) },
    );
    const zero = detectCostAnomalies(
      { ...full, days, absentDays: 'zero-cost' },
      { asOf: asOfAfter(60) },
    );

    // A late export is not a collapse in spend: the gap is neither judged nor a baseline.
    expect(unknown.anomalies).toEqual([]);
    expect(unknown.judgedDays).toBe(60 - 14 - 4);
    // Days that really cost nothing are one drop, from its first day.
    expect(zero.anomalies).toHaveLength(1);
    expect(zero.anomalies[0]).toMatchObject({
      date: dayAt(FROM, 30),
      lastDate: dayAt(FROM, 33),
      actual: '0',
      direction: 'decrease',
    });
    expect(zero.anomalies[0].drivers.map(driver => driver.name)).toEqual(
      expect.arrayContaining(['AmazonEC2', 'AmazonS3', 'i-web', 'bucket-logs']),
    );
  });

  it('skips a series with under 14 complete days, and never judges incomplete days', () => {
    const short = generatedSeries({ from: FROM, days: 13, level: 1000 });
    expect(detectCostAnomalies(short, { asOf: asOfAfter(13) })).toEqual({
      anomalies: [],
      judgedDays: 0,
      skipped: { reason: 'short-history', observedDays: 13 },
    });

    // 30 days with a spike on the last one: two days later it is complete, one day later not.
    const spiked = generatedSeries({
      from: FROM,
      days: 30,
      level: 1000,
      noise: 0.02,
      extra: index => (index === 29 ? 3000 : 0),
    });
    const lastDay = dayAt(FROM, 29);
    expect(
      detectCostAnomalies(spiked, { asOf: dayAt(FROM, 30) }).anomalies,
    ).toEqual([]);
    expect(
      detectCostAnomalies(spiked, { asOf: dayAt(FROM, 31) }).anomalies.map(
        anomaly => anomaly.date,
      ),
    ).toEqual([lastDay]);
    expect(
      detectCostAnomalies(spiked, { asOf: dayAt(FROM, 30), lagDays: 1 })
        .anomalies.length,
    ).toBe(1);
  });

  it('does not flag an unusual change whose impact is under the minimums', () => {
    // Flat 1000.00 a day; a day of 1050.00 is far outside the spread (z ≈ 5) but only 5 %.
    const series = generatedSeries({
      from: FROM,
      days: 40,
      level: 1000,
      extra: index => (index === 35 ? 50 : 0),
    });
    const asOf = asOfAfter(40);

    expect(detectCostAnomalies(series, { asOf }).anomalies).toEqual([]);
    expect(
      detectCostAnomalies(series, { asOf, minImpactPercent: 1 }).anomalies,
    ).toHaveLength(1);
    // The absolute minimum is the series' currency's; another currency's does not apply.
    expect(
      detectCostAnomalies(series, {
        asOf,
        minImpactPercent: 1,
        minImpactByCurrency: { USD: '100' },
      }).anomalies,
    ).toEqual([]);
    expect(
      detectCostAnomalies(series, {
        asOf,
        minImpactPercent: 1,
        minImpactByCurrency: { EUR: '100' },
      }).anomalies,
    ).toHaveLength(1);
  });

  it('keeps amounts exact and scores as numbers', () => {
    const days = Array.from({ length: 20 }, (_, index) => ({
      day: dayAt(FROM, index),
      amount: index === 19 ? '300.3' : '100.1',
    }));
    const [anomaly] = detectCostAnomalies(
      {
        entityRef: 'component:default/checkout',
        currency: 'EUR',
        days,
        absentDays: 'no-data',
      },
      { asOf: asOfAfter(20) },
    ).anomalies;

    expect(anomaly).toMatchObject({
      actual: '300.3',
      expected: '100.1',
      impact: '200.2',
      totalImpact: '200.2',
      drivers: [],
    });
    // Spread is floored at 1 % of the level: 200.2 / 1.001 = 200.
    expect(anomaly.score).toBeCloseTo(200, 6);
  });

  it('reports the actual and the impact exactly when amounts have 16 decimals', () => {
    const days = Array.from({ length: 20 }, (_, index) => ({
      day: dayAt(FROM, index),
      amount: index === 19 ? '300.3000000000000003' : '100.1000000000000001',
    }));
    const [anomaly] = detectCostAnomalies(
      {
        entityRef: 'component:default/checkout',
        currency: 'USD',
        days,
        absentDays: 'no-data',
      },
      { asOf: asOfAfter(20) },
    ).anomalies;

    // The baseline works to a millionth; what was spent is never rounded.
    expect(anomaly).toMatchObject({
      actual: '300.3000000000000003',
      expected: '100.1',
      impact: '200.2000000000000003',
    });
  });

  it('ignores drops when asked for increases only', () => {
    const series = generatedSeries({
      from: FROM,
      days: 40,
      level: 1000,
      noise: 0.02,
      extra: index => (index === 35 ? -500 : 0),
    });
    const asOf = asOfAfter(40);
    expect(
      detectCostAnomalies(series, { asOf }).anomalies.map(a => a.direction),
    ).toEqual(['decrease']);
    expect(
      detectCostAnomalies(series, { asOf, directions: 'increases' }).anomalies,
    ).toEqual([]);
  });

  it('refuses a series with two amounts for one day, a non-decimal amount or a day that does not exist', () => {
    const base = {
      entityRef: 'component:default/checkout',
      currency: 'USD',
      absentDays: 'no-data' as const,
    };
    expect(() =>
      detectCostAnomalies(
        {
          ...base,
          days: [
            { day: FROM, amount: '1' },
            { day: FROM, amount: '2' },
          ],
        },
        { asOf: '2026-03-01' },
      ),
    ).toThrow(/two amounts for 2026-01-05/);
    expect(() =>
      detectCostAnomalies(
        { ...base, days: [{ day: FROM, amount: '1e3' }] },
        { asOf: '2026-03-01' },
      ),
    ).toThrow(/not a plain decimal/);
    expect(() =>
      detectCostAnomalies(
        { ...base, days: [{ day: '2026-02-30', amount: '1' }] },
        { asOf: '2026-03-01' },
      ),
    ).toThrow(/"2026-02-30" is not a day/);
  });
});

describe('detectCostAnomalies in a daily run', () => {
  it('reports from a day on with the same anomalies, first days included, as a full run', () => {
    const series = generatedSeries({
      from: FROM,
      days: 100,
      level: 1000,
      weekendShare: 0.5,
      noise: 0.03,
      // A spike on day 60, a step up from day 90.
      extra: index => {
        if (index === 60) return 3000;
        return index >= 90 ? 600 : 0;
      },
    });
    const asOf = asOfAfter(100);
    const full = detectCostAnomalies(series, { asOf });
    expect(full.anomalies.map(a => a.date)).toEqual([
      dayAt(FROM, 60),
      dayAt(FROM, 90),
    ]);

    // A run that reports from the step's third day still dates the step from its first day.
    const daily = detectCostAnomalies(series, {
      asOf,
      reportFrom: dayAt(FROM, 92),
    });
    expect(daily.anomalies).toEqual([full.anomalies[1]]);
    expect(daily.judgedDays).toBe(8);
  });
});
