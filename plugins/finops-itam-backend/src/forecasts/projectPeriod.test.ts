import { Money } from '../money';
import { forecastCost } from './forecastCost';
import { periodContaining } from './periods';
import {
  horizonTo,
  monthlyOutlook,
  outlookHorizon,
  projectPeriod,
} from './projectPeriod';
import { dailySeries, seededRandom } from './__testUtils__/syntheticSeries';
import { CostForecast } from './types';

// History to 2026-03-10; the forecast starts 2026-03-11.
const random = seededRandom(11);
const history = dailySeries('2025-12-01', 100, () => 80 + 40 * random());
const actual = { currency: 'USD', days: history };
const sum = (amounts: string[]) =>
  amounts.reduce((s, a) => s.plus(a), new Money(0)).toFixed();

function forecast(horizon: number): CostForecast {
  return forecastCost(
    { currency: 'USD', absentDays: 'zero-cost', days: history },
    horizon,
  );
}

describe('projectPeriod', () => {
  it('adds the actual days of the month to date and the forecast of the rest, exactly', () => {
    const march = periodContaining('2026-03-11', 'month');
    const f = forecast(horizonTo('2026-03-11', march.end));
    expect(f.days).toHaveLength(21);
    const p = projectPeriod(march, actual, f);
    const marchActual = history.filter(d => d.day >= '2026-03-01');
    expect(marchActual).toHaveLength(10);
    expect(p.actualToDate).toBe(sum(marchActual.map(d => d.amount)));
    expect(p.forecastRest.expected).toBe(sum(f.days.map(d => d.expected)));
    expect(p.projected.expected).toBe(
      sum([p.actualToDate, p.forecastRest.expected]),
    );
    expect(p.projected.low).toBe(sum([p.actualToDate, p.forecastRest.low]));
    expect(p.projected.high).toBe(sum([p.actualToDate, p.forecastRest.high]));
  });

  it('projects a fiscal quarter and year with the forecast days inside them only', () => {
    const f = forecast(400);
    const quarter = periodContaining('2026-03-11', 'quarter', 2); // Feb–Apr
    const q = projectPeriod(quarter, actual, f);
    expect(q.actualToDate).toBe(
      sum(history.filter(d => d.day >= '2026-02-01').map(d => d.amount)),
    );
    expect(q.forecastRest.expected).toBe(
      sum(f.days.filter(d => d.day <= '2026-04-30').map(d => d.expected)),
    );
    const year = projectPeriod(
      periodContaining('2026-03-11', 'year', 4), // 2025-04-01 to 2026-03-31
      actual,
      f,
    );
    expect(year.actualToDate).toBe(sum(history.map(d => d.amount)));
    expect(year.forecastRest.expected).toBe(
      sum(f.days.filter(d => d.day <= '2026-03-31').map(d => d.expected)),
    );
  });

  it('asks for a longer forecast when it stops before the period ends', () => {
    expect(() =>
      projectPeriod(
        periodContaining('2026-03-11', 'quarter'),
        actual,
        forecast(10),
      ),
    ).toThrow(
      'the forecast ends 2026-03-20 but the quarter ends 2026-03-31: forecast at least 21 days',
    );
  });

  it('never adds two currencies', () => {
    expect(() =>
      projectPeriod(
        periodContaining('2026-03-11', 'month'),
        { currency: 'EUR', days: [] },
        forecast(21),
      ),
    ).toThrow('cannot be added');
  });
});

describe('monthlyOutlook', () => {
  it('gives twelve months from the current one, each month exact', () => {
    const horizon = outlookHorizon('2026-03-11');
    expect(horizon).toBe(horizonTo('2026-03-11', '2027-02-28'));
    const f = forecast(horizon);
    const months = monthlyOutlook(actual, f);
    expect(months.map(m => m.period.start)).toEqual([
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
      '2027-02-01',
    ]);
    expect(months[1].actualToDate).toBe('0');
    // The forecast parts of the months add up to the forecast total to the cent.
    expect(sum(months.map(m => m.forecastRest.expected))).toBe(
      f.total.expected,
    );
    expect(sum(months.map(m => m.forecastRest.high))).toBe(f.total.high);
  });
});
