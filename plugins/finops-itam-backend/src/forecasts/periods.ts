import { addDays } from '../licenses/days';

/** The budget periods of issue 16. */
export type PeriodKind = 'month' | 'quarter' | 'year';

/** A period as its first and last day, both `YYYY-MM-DD` and both included. */
export interface Period {
  kind: PeriodKind;
  start: string;
  end: string;
}

const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** First day of month `monthIndex` (0-based, any integer: Date.UTC carries into years). */
function monthStart(year: number, monthIndex: number): string {
  return new Date(Date.UTC(year, monthIndex, 1)).toISOString().slice(0, 10);
}

function checkFiscalStart(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(
      `fiscal year start month must be 1 to 12, got ${month}`,
    );
  }
}

/**
 * The month, quarter or year that contains `day`. Quarters and years are fiscal: they start
 * in `fiscalYearStartMonth` (1 = January, the calendar year; 4 = April, as in the UK and
 * Japan; 7 = July, as in Australia; 10 = October, as the US federal year).
 */
export function periodContaining(
  day: string,
  kind: PeriodKind,
  fiscalYearStartMonth = 1,
): Period {
  checkFiscalStart(fiscalYearStartMonth);
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1;
  const length = MONTHS[kind];
  // Months since the start of the fiscal year containing the day, then back to a multiple
  // of the period's length.
  const intoYear = (month - (fiscalYearStartMonth - 1) + 12) % 12;
  const first = month - (intoYear % length);
  const start = monthStart(year, first);
  return {
    kind,
    start,
    end: addDays(monthStart(year, first + length), -1),
  };
}

/** The period right after `period`. */
export function periodAfter(period: Period, fiscalYearStartMonth = 1): Period {
  return periodContaining(
    addDays(period.end, 1),
    period.kind,
    fiscalYearStartMonth,
  );
}
