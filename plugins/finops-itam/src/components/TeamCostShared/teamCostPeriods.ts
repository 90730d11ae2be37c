/** The periods a team's cost can be shown for, all ending yesterday (UTC). */
export type TeamCostPeriod = 'last-30-days' | 'last-90-days' | 'last-12-months';

export const TEAM_COST_PERIODS: Array<{ id: TeamCostPeriod; label: string }> = [
  { id: 'last-30-days', label: 'Last 30 days' },
  { id: 'last-90-days', label: 'Last 90 days' },
  { id: 'last-12-months', label: 'Last 12 months' },
];

export function periodLabel(period: TeamCostPeriod): string {
  return TEAM_COST_PERIODS.find(p => p.id === period)?.label ?? period;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The half-open `[from, to)` days of a period. `to` is today in UTC, so the period ends
 * yesterday like the backend's default: today's cost data is never complete.
 */
export function periodRange(
  period: TeamCostPeriod,
  now: Date = new Date(),
): { from: string; to: string } {
  const to = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()),
  );
  const from = new Date(to);
  if (period === 'last-12-months') {
    from.setUTCFullYear(from.getUTCFullYear() - 1);
  } else {
    from.setUTCDate(from.getUTCDate() - (period === 'last-90-days' ? 90 : 30));
  }
  return { from: isoDay(from), to: isoDay(to) };
}

/** A half-open period as people read it, both ends included: `2026-10-28 – 2026-11-26`. */
export function formatDays(from: string, to: string): string {
  const last = new Date(`${to}T00:00:00Z`);
  if (Number.isNaN(last.getTime())) {
    return `${from} – ${to}`;
  }
  last.setUTCDate(last.getUTCDate() - 1);
  return `${from} – ${isoDay(last)}`;
}
