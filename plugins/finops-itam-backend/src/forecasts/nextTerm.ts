import { addDays, daysBetween } from '../licenses/days';

/**
 * How a term repeats: whole calendar months when it is (2026-01-01 to 2026-12-31 renews
 * 2027-01-01 to 2027-12-31 whatever the leap days), otherwise its length in days.
 */
export type TermLength = { months: number } | { days: number };

const DAYS_IN_MONTH = (year: number, monthIndex: number) =>
  new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/** `day` plus whole months, kept in its month's end (Jan 31 + 1 month is Feb 28 or 29). */
export function addMonths(day: string, months: number): string {
  const year = Number(day.slice(0, 4));
  const monthIndex = Number(day.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = ((monthIndex % 12) + 12) % 12;
  const dayOfMonth = Math.min(
    Number(day.slice(8, 10)),
    DAYS_IN_MONTH(targetYear, targetMonth),
  );
  return new Date(Date.UTC(targetYear, targetMonth, dayOfMonth))
    .toISOString()
    .slice(0, 10);
}

/** The length of the term from `termStart` to `termEnd`, both included. */
export function termLength(termStart: string, termEnd: string): TermLength {
  const next = addDays(termEnd, 1);
  const months =
    (Number(next.slice(0, 4)) - Number(termStart.slice(0, 4))) * 12 +
    (Number(next.slice(5, 7)) - Number(termStart.slice(5, 7)));
  if (months > 0 && addMonths(termStart, months) === next) return { months };
  return { days: daysBetween(termStart, termEnd) + 1 };
}

/** `day` moved by one term length. */
export function shiftByTerm(day: string, length: TermLength): string {
  return 'months' in length
    ? addMonths(day, length.months)
    : addDays(day, length.days);
}
