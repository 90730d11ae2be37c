import { addDays, CostPeriod, todayUtc } from '../../lib';

/**
 * Periods of the FinOps page: the last 30 days (the backend's default) or one calendar month.
 * Months are what finance reports and chargeback use, so the KPIs of a month line up with them.
 * All periods are half-open `[from, to)` days in UTC, like the API.
 */

/** `30d` or a month `YYYY-MM`. */
export type FinopsPeriodChoice = string;

export const LAST_30_DAYS = '30d';

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first day of the month `months` after the month of `day` (negative for before). */
export function monthStart(day: string, months = 0): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + months;
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}

/** The month `YYYY-MM` a day is in. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Whether a choice read from a link is one the picker offers on `today`. */
export function isFinopsPeriodChoice(
  value: string | null | undefined,
  today: string,
): value is FinopsPeriodChoice {
  if (value === LAST_30_DAYS) return true;
  return Boolean(value && MONTH_PATTERN.test(value) && `${value}-01` <= today);
}

/**
 * The period of a choice on `today`. A month not over yet ends today, exclusive, as the
 * backend's default period does, so a partial day is never shown as a whole one.
 */
export function finopsPeriod(
  choice: FinopsPeriodChoice,
  today: string = todayUtc(),
): CostPeriod {
  if (choice === LAST_30_DAYS || !MONTH_PATTERN.test(choice)) {
    return { from: addDays(today, -30), to: today };
  }
  const from = `${choice}-01`;
  const end = monthStart(from, 1);
  return { from, to: end < today ? end : today };
}

/** The months the picker offers, newest first: this month and the `count − 1` before it. */
export function recentMonths(today: string, count = 12): string[] {
  return Array.from({ length: count }, (_, i) =>
    monthOf(monthStart(today, -i)),
  );
}

/**
 * The six monthly periods of the KPI trend, oldest first, ending with the month the period's
 * last day is in. Months after today are left out; the current month ends today.
 */
export function trendMonths(
  period: CostPeriod,
  today: string = todayUtc(),
  count = 6,
): Array<CostPeriod & { month: string }> {
  const lastDay = addDays(period.to, -1);
  return Array.from({ length: count }, (_, i) => {
    const from = monthStart(lastDay, i - count + 1);
    const next = monthStart(from, 1);
    return { month: monthOf(from), from, to: next < today ? next : today };
  }).filter(month => month.from < today);
}

/** `November 2026` for `2026-11`, in the user's language. */
export function monthLabel(month: string): string {
  return new Intl.DateTimeFormat(undefined, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}
