import { DateTime } from 'luxon';
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
  const date = DateTime.fromISO(day, { zone: 'utc' });
  if (!date.isValid) {
    throw new RangeError(`${JSON.stringify(day)} is not a YYYY-MM-DD day`);
  }
  const length = MONTHS[kind];
  // Months since the start of the fiscal year containing the day, then back to a multiple
  // of the period's length.
  const intoYear = (date.month - fiscalYearStartMonth + 12) % 12;
  const start = date.startOf('month').minus({ months: intoYear % length });
  return {
    kind,
    start: start.toISODate()!,
    end: start.plus({ months: length }).minus({ days: 1 }).toISODate()!,
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
