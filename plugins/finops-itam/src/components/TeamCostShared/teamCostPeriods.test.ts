import { formatDays, periodRange } from './teamCostPeriods';

describe('periodRange', () => {
  // Late in the evening west of UTC: the UTC date, not the local one, decides.
  const now = new Date('2026-11-27T01:30:00Z');

  it('ends yesterday and starts 30 or 90 days before today', () => {
    expect(periodRange('last-30-days', now)).toEqual({
      from: '2026-10-28',
      to: '2026-11-27',
    });
    expect(periodRange('last-90-days', now)).toEqual({
      from: '2026-08-29',
      to: '2026-11-27',
    });
  });

  it('covers the 12 months up to yesterday', () => {
    expect(periodRange('last-12-months', now)).toEqual({
      from: '2025-11-27',
      to: '2026-11-27',
    });
  });
});

describe('formatDays', () => {
  it('shows the last day included rather than the exclusive end', () => {
    expect(formatDays('2026-10-28', '2026-11-27')).toBe(
      '2026-10-28 – 2026-11-26',
    );
    expect(formatDays('2026-02-01', '2026-03-01')).toBe(
      '2026-02-01 – 2026-02-28',
    );
  });
});
