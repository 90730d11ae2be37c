import { DateTime } from 'luxon';

/**
 * How a term repeats: whole calendar months when it is (2026-01-01 to 2026-12-31 renews
 * 2027-01-01 to 2027-12-31 whatever the leap days), otherwise its length in days.
 */
export type TermLength = { months: number } | { days: number };

const utc = (day: string) => DateTime.fromISO(day, { zone: 'utc' });
const iso = (date: DateTime) => date.toISODate()!;

/** `day` plus whole months, kept in its month's end (Jan 31 + 1 month is Feb 28 or 29). */
export function addMonths(day: string, months: number): string {
  return iso(utc(day).plus({ months }));
}

/** The length of the term from `termStart` to `termEnd`, both included. */
export function termLength(termStart: string, termEnd: string): TermLength {
  const start = utc(termStart);
  const next = utc(termEnd).plus({ days: 1 });
  const months = Math.round(next.diff(start, 'months').months);
  if (months > 0 && start.plus({ months }).equals(next)) return { months };
  return { days: Math.round(next.diff(start, 'days').days) };
}

/** `day` moved by one term length. */
export function shiftByTerm(day: string, length: TermLength): string {
  return iso(utc(day).plus(length));
}
