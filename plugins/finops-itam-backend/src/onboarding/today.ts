import { DateTime } from 'luxon';

/** The calendar day of `at` in UTC, `YYYY-MM-DD`: go-live dates are UTC days. */
export function todayUtc(at: Date): string {
  return DateTime.fromJSDate(at, { zone: 'utc' }).toISODate()!;
}
