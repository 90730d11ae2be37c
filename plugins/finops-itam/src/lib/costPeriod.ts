import { CostGranularity } from '@finops-itam/plugin-finops-itam-common';

/**
 * Periods of the Cost tab. Like the backend, a period is half-open `[from, to)` of
 * `YYYY-MM-DD` days in UTC, so "the last 30 days" ends yesterday and `to` is today.
 */

/** A half-open period of days. */
export interface CostPeriod {
  from: string;
  to: string;
}

/** Relative periods the picker offers; a shared link keeps meaning "the last N" when opened later. */
export type CostPeriodPreset = '30d' | '90d' | '12m';

export const COST_PERIOD_PRESETS: ReadonlyArray<{
  preset: CostPeriodPreset;
  label: string;
}> = [
  { preset: '30d', label: 'Last 30 days' },
  { preset: '90d', label: 'Last 90 days' },
  { preset: '12m', label: 'Last 12 months' },
];

/** The backend refuses longer periods. */
export const MAX_PERIOD_DAYS = 732;

/** Above this many days, months read better than days in the chart. */
const LONGEST_DAILY_PERIOD = 92;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whether `value` is a real calendar day written `YYYY-MM-DD` (so not `2026-02-30`). */
export function isDay(value: string | null | undefined): value is string {
  if (!value || !DAY_PATTERN.test(value)) {
    return false;
  }
  const date = parseDay(value);
  return !Number.isNaN(date.getTime()) && formatDay(date) === value;
}

/** Today in UTC, the day the backend's default period ends before. */
export function todayUtc(now: Date = new Date()): string {
  return formatDay(now);
}

export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return formatDay(date);
}

/** Same day of the month `months` later, clamped to the month's end (31 March − 1 month = 28/29 February). */
export function addMonths(day: string, months: number): string {
  const date = parseDay(day);
  const target = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1),
  );
  const lastDayOfTarget = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDayOfTarget));
  return formatDay(target);
}

/** Number of days in `[from, to)`. */
export function daysIn(period: CostPeriod): number {
  return Math.round(
    (parseDay(period.to).getTime() - parseDay(period.from).getTime()) /
      MS_PER_DAY,
  );
}

/** The period a preset stands for on `today`: it always ends yesterday, like the backend default. */
export function presetPeriod(
  preset: CostPeriodPreset,
  today: string,
): CostPeriod {
  switch (preset) {
    case '90d':
      return { from: addDays(today, -90), to: today };
    case '12m':
      return { from: addMonths(today, -12), to: today };
    case '30d':
    default:
      return { from: addDays(today, -30), to: today };
  }
}

/** The same-length period just before, which the headline compares against. */
export function previousPeriod(period: CostPeriod): CostPeriod {
  return { from: addDays(period.from, -daysIn(period)), to: period.from };
}

/** Days for up to about three months, months beyond. */
export function defaultGranularity(period: CostPeriod): CostGranularity {
  return daysIn(period) > LONGEST_DAILY_PERIOD ? 'month' : 'day';
}

/** Why a custom period cannot be asked for, or undefined when it can. */
export function invalidPeriodReason(period: {
  from?: string | null;
  to?: string | null;
}): string | undefined {
  if (!isDay(period.from) || !isDay(period.to)) {
    return 'Enter both days as YYYY-MM-DD.';
  }
  if (period.from >= period.to) {
    return 'The first day must not be after the last day.';
  }
  if (daysIn({ from: period.from, to: period.to }) > MAX_PERIOD_DAYS) {
    return `A period may span at most ${MAX_PERIOD_DAYS} days.`;
  }
  return undefined;
}

/** The last day of a half-open `[from, to)` period. */
export function lastDayOf(to: string): string {
  return isDay(to) ? addDays(to, -1) : to;
}

/** A half-open period as people read it, with both ends included: `2026-10-28 – 2026-11-26`. */
export function formatPeriod(from: string, to: string): string {
  return `${from} – ${lastDayOf(to)}`;
}
