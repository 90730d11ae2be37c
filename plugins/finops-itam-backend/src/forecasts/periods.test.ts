import { periodAfter, periodContaining } from './periods';

describe('periodContaining', () => {
  it('finds calendar months, including February of a leap year', () => {
    expect(periodContaining('2028-02-10', 'month')).toEqual({
      kind: 'month',
      start: '2028-02-01',
      end: '2028-02-29',
    });
    expect(periodContaining('2026-12-31', 'month').end).toBe('2026-12-31');
  });

  it('finds quarters and years of the calendar year by default', () => {
    expect(periodContaining('2026-05-15', 'quarter')).toMatchObject({
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(periodContaining('2026-05-15', 'year')).toMatchObject({
      start: '2026-01-01',
      end: '2026-12-31',
    });
  });

  it('finds fiscal quarters and years that start in another month', () => {
    // A fiscal year from April: 2026-02-10 is in Q4 of the year that began 2025-04-01.
    expect(periodContaining('2026-02-10', 'quarter', 4)).toMatchObject({
      start: '2026-01-01',
      end: '2026-03-31',
    });
    expect(periodContaining('2026-02-10', 'year', 4)).toMatchObject({
      start: '2025-04-01',
      end: '2026-03-31',
    });
    // From July: August is in Q1, December in Q2, the year runs to the next June.
    expect(periodContaining('2026-08-01', 'quarter', 7)).toMatchObject({
      start: '2026-07-01',
      end: '2026-09-30',
    });
    expect(periodContaining('2026-12-31', 'quarter', 7)).toMatchObject({
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect(periodContaining('2026-07-01', 'year', 7)).toMatchObject({
      start: '2026-07-01',
      end: '2027-06-30',
    });
    // From February: quarters are Feb–Apr, May–Jul, Aug–Oct, Nov–Jan.
    expect(periodContaining('2027-01-20', 'quarter', 2)).toMatchObject({
      start: '2026-11-01',
      end: '2027-01-31',
    });
  });

  it('steps to the next period across a year end', () => {
    const q = periodContaining('2026-11-30', 'quarter', 1);
    expect(periodAfter(q)).toMatchObject({
      start: '2027-01-01',
      end: '2027-03-31',
    });
  });

  it('refuses a day that is not one', () => {
    expect(() => periodContaining('2026-02-30', 'month')).toThrow(
      'is not a YYYY-MM-DD day',
    );
  });

  it('refuses a fiscal year start that is not a month', () => {
    expect(() => periodContaining('2026-01-01', 'year', 13)).toThrow(
      'fiscal year start month must be 1 to 12',
    );
  });
});
