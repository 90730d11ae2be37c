import {
  addMonths,
  daysIn,
  defaultGranularity,
  formatPeriod,
  invalidPeriodReason,
  isDay,
  presetPeriod,
  previousPeriod,
  todayUtc,
} from './costPeriod';

describe('costPeriod', () => {
  it('reads today in UTC, not in the local time zone', () => {
    expect(todayUtc(new Date('2026-11-27T23:30:00-05:00'))).toBe('2026-11-28');
  });

  it('turns presets into half-open periods ending yesterday', () => {
    expect(presetPeriod('30d', '2026-11-27')).toEqual({
      from: '2026-10-28',
      to: '2026-11-27',
    });
    expect(presetPeriod('90d', '2026-11-27')).toEqual({
      from: '2026-08-29',
      to: '2026-11-27',
    });
    expect(presetPeriod('12m', '2026-11-27')).toEqual({
      from: '2025-11-27',
      to: '2026-11-27',
    });
  });

  it('clamps month arithmetic to the end of shorter months', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', -12)).toBe('2025-01-15');
  });

  it('compares with the same-length period just before', () => {
    const period = { from: '2026-10-28', to: '2026-11-27' };
    expect(daysIn(period)).toBe(30);
    expect(previousPeriod(period)).toEqual({
      from: '2026-09-28',
      to: '2026-10-28',
    });
  });

  it('charts long periods by month', () => {
    expect(defaultGranularity({ from: '2026-08-29', to: '2026-11-27' })).toBe(
      'day',
    );
    expect(defaultGranularity({ from: '2025-11-27', to: '2026-11-27' })).toBe(
      'month',
    );
  });

  it('says why a custom period cannot be used', () => {
    expect(invalidPeriodReason({ from: '2026-11-01', to: '2026-11-02' })).toBe(
      undefined,
    );
    expect(invalidPeriodReason({ from: '2026-02-30', to: '2026-03-02' })).toBe(
      'Enter both days as YYYY-MM-DD.',
    );
    expect(invalidPeriodReason({ from: '2026-11-02', to: '2026-11-02' })).toBe(
      'The first day must not be after the last day.',
    );
    expect(invalidPeriodReason({ from: '2020-01-01', to: '2026-01-01' })).toBe(
      'A period may span at most 732 days.',
    );
    expect(isDay('2026-11-31')).toBe(false);
  });

  it('shows a half-open period with its last day included', () => {
    expect(formatPeriod('2026-10-28', '2026-11-27')).toBe(
      '2026-10-28 – 2026-11-26',
    );
  });
});
