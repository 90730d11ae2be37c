import {
  elapsedDays,
  fiscalQuarter,
  periodContaining,
  periodDays,
  periodEnd,
  periodLastDay,
  periodStartProblem,
} from './budgetPeriods';

const APRIL = { fiscalYearStartMonth: 4 };

describe('budget periods', () => {
  it('ends months, quarters and years on the right day, leap years included', () => {
    expect(periodEnd('month', '2028-02-01')).toBe('2028-03-01');
    expect(periodLastDay('month', '2028-02-01')).toBe('2028-02-29');
    expect(periodDays('month', '2028-02-01')).toBe(29);
    expect(periodLastDay('quarter', '2027-01-01')).toBe('2027-03-31');
    expect(periodDays('quarter', '2027-01-01')).toBe(90);
    expect(periodDays('quarter', '2027-07-01')).toBe(92);
    expect(periodLastDay('year', '2027-04-01')).toBe('2028-03-31');
    expect(periodDays('year', '2027-04-01')).toBe(366);
  });

  it('counts elapsed days including the first and the day given, within the period', () => {
    expect(elapsedDays('quarter', '2027-01-01', '2026-12-31')).toBe(0);
    expect(elapsedDays('quarter', '2027-01-01', '2027-01-01')).toBe(1);
    expect(elapsedDays('quarter', '2027-01-01', '2027-03-31')).toBe(90);
    expect(elapsedDays('quarter', '2027-01-01', '2027-06-30')).toBe(90);
  });

  it('accepts only starts that begin a period of the fiscal calendar', () => {
    expect(periodStartProblem('month', '2027-02-01')).toBeUndefined();
    expect(periodStartProblem('month', '2027-02-15')).toBe(
      'must be the first day of a month for a month budget',
    );
    expect(periodStartProblem('quarter', '2027-04-01')).toBeUndefined();
    expect(periodStartProblem('quarter', '2027-02-01')).toBe(
      'must be the first day of a fiscal quarter (quarters start in January, April, July, October)',
    );
    expect(periodStartProblem('year', '2027-01-01')).toBeUndefined();
    // A fiscal year starting in April: quarters start in April, July, October and January.
    expect(periodStartProblem('quarter', '2027-01-01', APRIL)).toBeUndefined();
    expect(periodStartProblem('quarter', '2027-03-01', APRIL)).toMatch(
      /April, July, October, January/,
    );
    expect(periodStartProblem('year', '2027-04-01', APRIL)).toBeUndefined();
    expect(periodStartProblem('year', '2027-01-01', APRIL)).toBe(
      'must be the first day of the fiscal year (April 1)',
    );
  });

  it('finds the fiscal quarter and period of a day', () => {
    expect(fiscalQuarter('2027-02-14', APRIL)).toEqual({
      fiscalYear: 2027,
      quarter: 4,
      start: '2027-01-01',
      end: '2027-04-01',
    });
    expect(fiscalQuarter('2027-04-01', APRIL)).toMatchObject({
      fiscalYear: 2028,
      quarter: 1,
    });
    expect(fiscalQuarter('2027-02-14')).toMatchObject({
      fiscalYear: 2027,
      quarter: 1,
      start: '2027-01-01',
    });
    expect(periodContaining('year', '2027-02-14', APRIL)).toBe('2026-04-01');
    expect(periodContaining('quarter', '2027-12-31', APRIL)).toBe('2027-10-01');
    expect(periodContaining('month', '2027-12-31')).toBe('2027-12-01');
  });
});
