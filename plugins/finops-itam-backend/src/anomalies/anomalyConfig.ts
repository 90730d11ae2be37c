import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, JsonObject } from '@backstage/config';
import { z } from 'zod';
import { readScheduleWithDefaults } from '../sources/config';
import { COST_ANOMALY_DEFAULTS } from './costAnomalyOptions';

const KEY = 'finopsItam.anomalies';

/** Daily, a while after start-up so the first allocation run has finished. */
const DEFAULT_SCHEDULE = {
  frequency: { hours: 24 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 10 },
};

const decimal = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'must be a decimal amount of 0 or more like "50.00"');
const whole = (min: number) =>
  z.number().int(`must be a whole number`).min(min, `must be at least ${min}`);

/** The settings people write under `finopsItam.anomalies` (see config.d.ts). */
const anomalySettingsSchema = z
  .object({
    enabled: z.boolean().default(true),
    lagDays: whole(0).default(COST_ANOMALY_DEFAULTS.lagDays),
    minHistoryDays: whole(1).default(COST_ANOMALY_DEFAULTS.minHistoryDays),
    threshold: z
      .number()
      .positive('must be above 0')
      .default(COST_ANOMALY_DEFAULTS.zThreshold),
    minImpactPercent: z
      .number()
      .min(0, 'must be 0 or more')
      .default(COST_ANOMALY_DEFAULTS.minImpactPercent),
    minImpact: z.record(decimal).default({}),
    increasesOnly: z.boolean().default(false),
    lookbackDays: whole(1).default(30),
    entityKinds: z
      .array(z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'must be a kind'))
      .min(1, 'must name at least one kind')
      .default(['component']),
    digest: z.boolean().default(false),
    debounceMinutes: z.number().min(0, 'must be 0 or more').default(15),
    licenses: z
      .object({
        consumptionJumpPercent: z.number().min(0).optional(),
        consumptionJumpAbsolute: z.number().min(0).optional(),
        allowedProducts: z.array(z.string()).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

/** `finopsItam.anomalies`, checked, with defaults filled in. */
export interface AnomalyConfig
  extends Omit<z.output<typeof anomalySettingsSchema>, 'entityKinds'> {
  /** Lowercase kinds whose entities' cost is watched. */
  entityKinds: string[];
  /** Products nobody may run: `finopsItam.licenses.unauthorizedProducts` and `finopsItam.policies.blockedProducts`. */
  blockedProducts: string[];
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Reads the anomaly settings; a mistake throws naming the key and stops start-up. */
export function readAnomalyConfig(config: Config): AnomalyConfig {
  const { schedule: _schedule, ...given } =
    config.getOptionalConfig(KEY)?.get<JsonObject>() ?? {};
  const parsed = anomalySettingsSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue => `${[KEY, ...issue.path].join('.')} ${issue.message}`,
    );
    throw new Error(`Invalid ${KEY}: ${problems.join('; ')}`);
  }
  if (parsed.data.minHistoryDays > COST_ANOMALY_DEFAULTS.windowDays) {
    throw new Error(
      `Invalid ${KEY}.minHistoryDays: at most ${COST_ANOMALY_DEFAULTS.windowDays}, the days a day is compared with`,
    );
  }
  return {
    ...parsed.data,
    entityKinds: parsed.data.entityKinds.map(kind =>
      kind.toLocaleLowerCase('en-US'),
    ),
    blockedProducts: [
      ...(config.getOptionalStringArray(
        'finopsItam.licenses.unauthorizedProducts',
      ) ?? []),
      ...(config.getOptionalStringArray(
        'finopsItam.policies.blockedProducts',
      ) ?? []),
    ],
    schedule: readScheduleWithDefaults(
      config.getOptionalConfig(`${KEY}.schedule`),
      `${KEY}.schedule`,
      DEFAULT_SCHEDULE,
    ),
  };
}
