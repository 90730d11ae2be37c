import {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader, JsonObject } from '@backstage/config';
import { FinopsItamTask } from '../feature/FinopsItamFeature';
import { AllocationService } from './AllocationService';
import { DEFAULT_ANSWER_CACHE_MEGABYTES } from './AnswerCache';
import { AllocationFallbackRule, readAllocationFallbackRules } from './rules';
import { SharedCostConfig, readSharedCostConfig } from './shared';

export const ALLOCATION_TASK_ID = 'finops-itam-allocation';

const DEFAULT_SCHEDULE = {
  frequency: { minutes: 15 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 30 },
};

/** Allocation settings from app-config. */
export interface AllocationConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  fallbackRules: AllocationFallbackRule[];
  sharedCost: SharedCostConfig;
  /** `finopsItam.costAnswerCacheMegabytes`: the answer cache of `GET .../cost`. */
  costAnswerCacheMegabytes: number;
}

/**
 * Reads `finopsItam.allocation` and `finopsItam.sharedCostPools` at start, throwing with
 * the offending key so a config mistake stops the backend rather than misallocating.
 */
export function readAllocationConfig(config: Config): AllocationConfig {
  const key = 'finopsItam.allocation.schedule';
  const given = config.getOptionalConfig(key);
  // Defaults fill each field left out, so `frequency` alone is a complete schedule.
  const data = { ...DEFAULT_SCHEDULE, ...(given?.get<JsonObject>() ?? {}) };
  let schedule: SchedulerServiceTaskScheduleDefinition;
  try {
    schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(
      new ConfigReader(data, 'app-config', undefined, key),
    );
  } catch (error) {
    throw new Error(
      `Invalid ${key}: ${error instanceof Error ? error.message : error}`,
    );
  }
  const fallbackRules = readAllocationFallbackRules(
    config.getOptional<unknown[]>('finopsItam.allocation.fallbackRules') ?? [],
  );
  const cacheKey = 'finopsItam.costAnswerCacheMegabytes';
  const costAnswerCacheMegabytes =
    config.getOptionalNumber(cacheKey) ?? DEFAULT_ANSWER_CACHE_MEGABYTES;
  if (
    !Number.isFinite(costAnswerCacheMegabytes) ||
    costAnswerCacheMegabytes < 0
  ) {
    throw new Error(
      `Invalid ${cacheKey}: must be 0 (off) or a positive number of megabytes`,
    );
  }
  return {
    schedule,
    fallbackRules,
    sharedCost: readSharedCostConfig(config),
    costAnswerCacheMegabytes,
  };
}

/** The global allocation task: one replica re-allocates what the catalog or ingestion changed. */
export function allocationTask(options: {
  allocation: Pick<AllocationService, 'run'>;
  schedule: SchedulerServiceTaskScheduleDefinition;
  logger: LoggerService;
}): FinopsItamTask {
  const { allocation, schedule, logger } = options;
  return {
    id: ALLOCATION_TASK_ID,
    ...schedule,
    scope: 'global',
    fn: async () => {
      const result = await allocation.run();
      logger.info(`${result.message} in ${result.durationMs} ms`);
    },
  };
}
