/**
 * The first day (UTC, YYYY-MM-DD) of the month `months` before `now`: facts of earlier days
 * are dropped. Whole months, so a chart never starts with a half-deleted month.
 */
export function retentionCutoff(now: Date, months: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1))
    .toISOString()
    .slice(0, 10);
}
