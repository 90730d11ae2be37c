import { sortedMedian, spreadAround } from './robustBaseline';

/**
 * The detector's own past prediction errors (actual − prediction, before the typical-error
 * correction), for days that were judged and not unusual.
 *
 * Why: a MAD of the two dozen errors one 28-day window holds varies by about a quarter from
 * window to window, and a spread estimated a quarter too small lets 1–2 % of ordinary days
 * pass a z of 3 instead of the 0.3 % a z of 3 means. Scoring by the errors of the last
 * `spreadDays` days (84 by default: twelve weeks; Azure trains on 60 days, domain.md §4)
 * keeps the score honest. The typical error is still taken from the last `windowDays` only,
 * so a change in trend is followed.
 */
export class ErrorHistory {
  private readonly days: number[] = [];
  private readonly errors: number[] = [];
  private readonly values: Float64Array;
  private readonly scratch: Float64Array;

  constructor(private readonly spreadDays: number) {
    this.values = new Float64Array(spreadDays);
    this.scratch = new Float64Array(spreadDays);
  }

  add(dayNumber: number, error: number): void {
    this.days.push(dayNumber);
    this.errors.push(error);
  }

  /**
   * Typical error of the `windowDays` before `dayNumber` and spread of the `spreadDays`
   * before it; undefined while fewer than `minimum` errors are known.
   */
  estimate(
    dayNumber: number,
    windowDays: number,
    minimum: number,
  ): { typicalError: number; spread: number; errorCount: number } | undefined {
    while (this.days.length > 0 && this.days[0] < dayNumber - this.spreadDays) {
      this.days.shift();
      this.errors.shift();
    }
    const count = this.days.length;
    if (count < minimum) return undefined;
    let recent = 0;
    for (let i = 0; i < count; i++) {
      if (this.days[i] >= dayNumber - windowDays) {
        this.scratch[recent++] = this.errors[i];
      }
    }
    if (recent === 0) return undefined;
    const typicalError = sortedMedian(this.scratch, recent);
    for (let i = 0; i < count; i++) this.values[i] = this.errors[i];
    return {
      typicalError,
      spread: spreadAround(this.values, count, typicalError, this.scratch),
      errorCount: count,
    };
  }
}
