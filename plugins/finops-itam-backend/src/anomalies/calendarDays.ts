/**
 * `YYYY-MM-DD` days as whole day numbers since 1970-01-01 (UTC), and back.
 *
 * Why not luxon here: detection turns every day of every entity's history into a number
 * (5,000 entities × 400 days a run), and luxon's parser costs microseconds a call, seconds
 * in all. `Date.UTC` arithmetic on whole days is exact and has no time zone to get wrong.
 */
const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` day; throws on anything that is not a real day. */
export function dayNumber(day: string, what = 'day'): number {
  const match = typeof day === 'string' ? DAY.exec(day) : null;
  const time = match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
    : NaN;
  // Date.UTC rolls 2026-02-30 over to March 2, month 13 into January and reads year 0027 as
  // 1927: a real day keeps its year, month and day of the month.
  const date = new Date(time);
  if (
    Number.isNaN(time) ||
    date.getUTCFullYear() !== Number(match![1]) ||
    date.getUTCMonth() + 1 !== Number(match![2]) ||
    date.getUTCDate() !== Number(match![3])
  ) {
    throw new TypeError(
      `${what} ${JSON.stringify(day)} is not a day like 2026-11-01`,
    );
  }
  return time / DAY_MS;
}

export function dayFromNumber(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 Monday … 7 Sunday (day 0, 1970-01-01, was a Thursday). */
export function isoWeekday(number: number): number {
  return ((((number + 3) % 7) + 7) % 7) + 1;
}
