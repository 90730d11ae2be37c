import { DateTime } from 'luxon';

/** A `YYYY-MM-DD` day as a UTC luxon date; throws on anything that is not a real day. */
export function parseDay(day: string, what = 'day'): DateTime {
  const date =
    typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day)
      ? DateTime.fromISO(day, { zone: 'utc' })
      : null;
  if (!date?.isValid) {
    throw new TypeError(
      `${what} ${JSON.stringify(day)} is not a day like 2026-11-01`,
    );
  }
  return date;
}

export function formatDay(date: DateTime): string {
  return date.toISODate()!;
}

export function addDays(day: string, days: number): string {
  return formatDay(parseDay(day).plus({ days }));
}
