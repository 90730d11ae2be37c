import {
  finopsPeriod,
  isFinopsPeriodChoice,
  recentMonths,
  trendMonths,
} from './finopsPeriod';

describe('finopsPeriod', () => {
  it('reads the last 30 days as the 30 days ending yesterday', () => {
    expect(finopsPeriod('30d', '2026-12-07')).toEqual({
      from: '2026-11-07',
      to: '2026-12-07',
    });
  });

  it('reads a past month whole and the current month up to today', () => {
    expect(finopsPeriod('2026-02', '2026-12-07')).toEqual({
      from: '2026-02-01',
      to: '2026-03-01',
    });
    expect(finopsPeriod('2026-12', '2026-12-07')).toEqual({
      from: '2026-12-01',
      to: '2026-12-07',
    });
  });

  it('accepts only 30d and months that have begun', () => {
    expect(isFinopsPeriodChoice('2026-12', '2026-12-07')).toBe(true);
    expect(isFinopsPeriodChoice('2027-01', '2026-12-07')).toBe(false);
    expect(isFinopsPeriodChoice('2026-13', '2026-12-07')).toBe(false);
    expect(isFinopsPeriodChoice('90d', '2026-12-07')).toBe(false);
  });

  it('offers this month and the eleven before it, across a year', () => {
    const months = recentMonths('2026-03-15');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-03');
    expect(months[3]).toBe('2025-12');
    expect(months[11]).toBe('2025-04');
  });

  it('trends the six months ending with the period, the current one up to today', () => {
    expect(
      trendMonths({ from: '2026-11-07', to: '2026-12-07' }, '2026-12-07'),
    ).toEqual([
      { month: '2026-07', from: '2026-07-01', to: '2026-08-01' },
      { month: '2026-08', from: '2026-08-01', to: '2026-09-01' },
      { month: '2026-09', from: '2026-09-01', to: '2026-10-01' },
      { month: '2026-10', from: '2026-10-01', to: '2026-11-01' },
      { month: '2026-11', from: '2026-11-01', to: '2026-12-01' },
      { month: '2026-12', from: '2026-12-01', to: '2026-12-07' },
    ]);
    // On the first of a month the current month has no complete day yet.
    expect(
      trendMonths({ from: '2026-11-01', to: '2026-12-01' }, '2026-12-01').map(
        m => m.month,
      ),
    ).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
  });
});
