import { DateTime } from 'luxon';

export type BudgetPeriod = 'month' | 'quarter' | 'year';

const MONTHS: Record<BudgetPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** Fiscal calendar settings: the month (1–12) the fiscal year starts in; 1 is the calendar year. */
export interface FiscalCalendar {
  fiscalYearStartMonth: number;
}

export const CALENDAR_YEAR: FiscalCalendar = { fiscalYearStartMonth: 1 };

/** A `YYYY-MM-DD` day as a UTC date, or undefined when it is not a real day. */
export function parseBudgetDay(day: string): DateTime | undefined {
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    return undefined;
  }
  const date = DateTime.fromISO(day, { zone: 'utc' });
  return date.isValid ? date : undefined;
}

function dayOf(day: string): DateTime {
  const date = parseBudgetDay(day);
  if (!date) throw new TypeError(`${JSON.stringify(day)} is not a day`);
  return date;
}

const format = (date: DateTime) => date.toISODate()!;

/** The first day after the period: periods are half-open, `[start, end)`. */
export function periodEnd(period: BudgetPeriod, start: string): string {
  return format(dayOf(start).plus({ months: MONTHS[period] }));
}

/** The period's last day. */
export function periodLastDay(period: BudgetPeriod, start: string): string {
  return format(
    dayOf(start).plus({ months: MONTHS[period] }).minus({ days: 1 }),
  );
}

/** Days in the period (28–31, 90–92, 365–366). */
export function periodDays(period: BudgetPeriod, start: string): number {
  const from = dayOf(start);
  return Math.round(
    from.plus({ months: MONTHS[period] }).diff(from, 'days').days,
  );
}

/** Days of the period from its start through `through`, both included, within 0 … its length. */
export function elapsedDays(
  period: BudgetPeriod,
  start: string,
  through: string,
): number {
  const days = Math.round(dayOf(through).diff(dayOf(start), 'days').days) + 1;
  return Math.min(Math.max(days, 0), periodDays(period, start));
}

/**
 * Why `start` cannot begin a period, or undefined when it can: every period starts on the
 * 1st, quarters on the first month of a fiscal quarter, years on the fiscal year's first month.
 */
export function periodStartProblem(
  period: BudgetPeriod,
  start: string,
  calendar: FiscalCalendar = CALENDAR_YEAR,
): string | undefined {
  const date = dayOf(start);
  if (date.day !== 1) {
    return `must be the first day of a month for a ${period} budget`;
  }
  const monthsIntoYear = monthsIntoFiscalYear(date, calendar);
  if (period === 'quarter' && monthsIntoYear % 3 !== 0) {
    return `must be the first day of a fiscal quarter (quarters start in ${quarterStartMonths(
      calendar,
    ).join(', ')})`;
  }
  if (period === 'year' && monthsIntoYear !== 0) {
    return `must be the first day of the fiscal year (${monthName(
      calendar.fiscalYearStartMonth,
    )} 1)`;
  }
  return undefined;
}

/** The start of the period of this length that contains `day`. */
export function periodContaining(
  period: BudgetPeriod,
  day: string,
  calendar: FiscalCalendar = CALENDAR_YEAR,
): string {
  const date = dayOf(day).startOf('month');
  const monthsBack = monthsIntoFiscalYear(date, calendar) % MONTHS[period];
  return format(date.minus({ months: monthsBack }));
}

/**
 * The fiscal quarter of a day. A fiscal year is named by the calendar year it ends in (a year
 * starting in April 2026 is FY2027), the usual convention; with January starts the two agree.
 */
export function fiscalQuarter(
  day: string,
  calendar: FiscalCalendar = CALENDAR_YEAR,
): { fiscalYear: number; quarter: number; start: string; end: string } {
  const start = periodContaining('quarter', day, calendar);
  const yearStart = dayOf(periodContaining('year', day, calendar));
  return {
    fiscalYear: yearStart.plus({ months: 11 }).year,
    quarter: Math.floor(monthsIntoFiscalYear(dayOf(start), calendar) / 3) + 1,
    start,
    end: periodEnd('quarter', start),
  };
}

function monthsIntoFiscalYear(
  date: DateTime,
  calendar: FiscalCalendar,
): number {
  return (date.month - calendar.fiscalYearStartMonth + 12) % 12;
}

function quarterStartMonths(calendar: FiscalCalendar): string[] {
  return [0, 3, 6, 9].map(offset =>
    monthName(((calendar.fiscalYearStartMonth - 1 + offset) % 12) + 1),
  );
}

function monthName(month: number): string {
  return DateTime.utc(2000, month, 1).setLocale('en-US').toFormat('LLLL');
}
