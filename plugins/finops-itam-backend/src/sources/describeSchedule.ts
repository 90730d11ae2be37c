import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';

type Frequency = SchedulerServiceTaskScheduleDefinition['frequency'];
type DurationLike = SchedulerServiceTaskScheduleDefinition['timeout'];

const UNITS = [
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'seconds',
  'milliseconds',
] as const;

function describeDuration(duration: DurationLike): string {
  // A luxon Duration (from code) has toISO; config always yields a plain HumanDuration.
  if ('toISO' in duration && typeof duration.toISO === 'function') {
    return duration.toISO() ?? String(duration);
  }
  const parts = UNITS.flatMap(unit => {
    const value = (duration as Partial<Record<(typeof UNITS)[number], number>>)[
      unit
    ];
    if (!value) return [];
    return [`${value} ${value === 1 ? unit.slice(0, -1) : unit}`];
  });
  return parts.length > 0 ? parts.join(' ') : '0 seconds';
}

function describeFrequency(frequency: Frequency): string {
  if ('cron' in frequency) return `cron "${frequency.cron}"`;
  if ('trigger' in frequency) return 'only when triggered';
  return `every ${describeDuration(frequency as DurationLike)}`;
}

/** One line for people, as shown by `GET /sources`: "every 1 hour, timeout 30 minutes". */
export function describeSchedule(
  schedule: SchedulerServiceTaskScheduleDefinition,
): string {
  return `${describeFrequency(schedule.frequency)}, timeout ${describeDuration(
    schedule.timeout,
  )}`;
}
