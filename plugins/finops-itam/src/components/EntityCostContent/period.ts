/** The last day of a half-open `[from, to)` period of `YYYY-MM-DD` days. */
export function lastDayOf(to: string): string {
  const date = new Date(`${to}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    return to;
  }
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** A half-open period as people read it, with both ends included: `2026-10-28 – 2026-11-26`. */
export function formatPeriod(from: string, to: string): string {
  return `${from} – ${lastDayOf(to)}`;
}
