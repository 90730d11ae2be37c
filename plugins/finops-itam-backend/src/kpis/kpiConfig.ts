import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, JsonObject } from '@backstage/config';
import { z } from 'zod';
import { readScheduleWithDefaults } from '../sources/config';

const KEY = 'finopsItam.kpis';

/**
 * The FOCUS ServiceCategory values whose on-demand cost a commitment usually covers:
 * reserved instances and savings plans for compute, reserved database capacity. Exports
 * before FOCUS 1.4 say nothing per row, so coverage's denominator needs such a list.
 */
export const DEFAULT_ELIGIBLE_SERVICE_CATEGORIES = ['Compute', 'Databases'];

/**
 * Every few minutes, shortly after start-up: the rollup is rebuilt only when the cost data
 * changed, and until then `GET /kpis` sums the facts (slower, never stale).
 */
const DEFAULT_ROLLUP_SCHEDULE = {
  frequency: { minutes: 5 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 1 },
};

const settingsSchema = z
  .object({
    eligibleServiceCategories: z
      .array(
        z
          .string()
          .trim()
          .min(1, 'must be a FOCUS ServiceCategory such as "Compute"'),
      )
      .default(DEFAULT_ELIGIBLE_SERVICE_CATEGORIES),
  })
  .strict();

/** `finopsItam.kpis`, checked, with defaults filled in. */
export interface KpiConfig {
  eligibleServiceCategories: string[];
  rollupSchedule: SchedulerServiceTaskScheduleDefinition;
}

/** Reads the KPI settings; a mistake throws naming the key and stops start-up. */
export function readKpiConfig(config: Config): KpiConfig {
  const { rollupSchedule: _schedule, ...given } =
    config.getOptionalConfig(KEY)?.get<JsonObject>() ?? {};
  const parsed = settingsSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue => `${[KEY, ...issue.path].join('.')} ${issue.message}`,
    );
    throw new Error(`Invalid ${KEY}: ${problems.join('; ')}`);
  }
  return {
    eligibleServiceCategories: parsed.data.eligibleServiceCategories,
    rollupSchedule: readScheduleWithDefaults(
      config.getOptionalConfig(`${KEY}.rollupSchedule`),
      `${KEY}.rollupSchedule`,
      DEFAULT_ROLLUP_SCHEDULE,
    ),
  };
}
