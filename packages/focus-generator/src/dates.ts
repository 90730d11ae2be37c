/**
 * UTC calendar arithmetic on day numbers (days since 1970-01-01). Dates only ever come from
 * explicit inputs, never from the clock, so output stays reproducible.
 */

const DAY_MS = 86_400_000;

/** Day number of a `YYYY-MM-DD` date; throws on anything else. */
export function parseDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`Expected a date as YYYY-MM-DD, got "${text}"`);
  const [year, month, day] = [+match[1], +match[2], +match[3]];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new Error(`"${text}" is not a calendar date`);
  }
  return ms / DAY_MS;
}

export function dayOf(year: number, month: number, day = 1): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Year, month (1–12), day of month and weekday (0 = Sunday) of a day number. */
export function calendar(dayNumber: number) {
  const date = new Date(dayNumber * DAY_MS);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatDay(dayNumber: number): string {
  const { year, month, day } = calendar(dayNumber);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** FOCUS timestamp as the AWS and Microsoft exports write it: `2026-10-01T00:00:00Z`. */
export function timestamp(dayNumber: number, hour = 0): string {
  return `${formatDay(dayNumber)}T${pad(hour)}:00:00Z`;
}

/** A calendar month as a billing period. */
export interface Month {
  year: number;
  month: number;
  /** Day number of the 1st. */
  start: number;
  /** Day number of the 1st of the next month (exclusive end). */
  end: number;
  days: number;
  /** `YYYY-MM`, used as the file name. */
  label: string;
}

export function monthOf(year: number, month: number): Month {
  const normalized = new Date(Date.UTC(year, month - 1, 1));
  const y = normalized.getUTCFullYear();
  const m = normalized.getUTCMonth() + 1;
  const start = dayOf(y, m);
  const end = dayOf(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1);
  return {
    year: y,
    month: m,
    start,
    end,
    days: end - start,
    label: `${y}-${pad(m)}`,
  };
}

/** The `count` months ending with the month that holds `dayNumber`, oldest first. */
export function monthsEndingAt(dayNumber: number, count: number): Month[] {
  const { year, month } = calendar(dayNumber);
  const months: Month[] = [];
  for (let back = count - 1; back >= 0; back--) {
    months.push(monthOf(year, month - back));
  }
  return months;
}
