import { addDays, addMonths, todayUtc } from '../../lib';

/** The periods the anomaly list can be filtered to, newest anomalies in each. */
export const ANOMALY_PERIODS = [
  { id: '30d', label: 'Last 30 days' },
  { id: '90d', label: 'Last 90 days' },
  { id: '12m', label: 'Last 12 months' },
] as const;

export type AnomalyPeriodId = (typeof ANOMALY_PERIODS)[number]['id'];

export function isAnomalyPeriod(
  value: string | null,
): value is AnomalyPeriodId {
  return ANOMALY_PERIODS.some(period => period.id === value);
}

/** The days `[from, to)` of a period ending today (anomalies can start today). */
export function anomalyPeriodDays(
  period: AnomalyPeriodId,
  today: string = todayUtc(),
): { from: string; to: string } {
  const to = addDays(today, 1);
  switch (period) {
    case '30d':
      return { from: addDays(to, -30), to };
    case '12m':
      return { from: addMonths(to, -12), to };
    default:
      return { from: addDays(to, -90), to };
  }
}
