import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader, JsonObject } from '@backstage/config';
import { SOURCE_ID_PATTERN } from '../sources/config';
import { metricNameProblem } from './metricValidation';

/** A configured metric source: which metric its CSV files hold, where they are, when to read. */
export interface MetricSourceConfig {
  id: string;
  metric: string;
  location: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Hourly; metrics are small files, so a short timeout. */
const DEFAULT_SCHEDULE = {
  frequency: { hours: 1 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 15 },
};

const URL_SCHEME = /^([a-z][a-z0-9+.-]+):\/\//i;

function readSchedule(
  source: Config,
  key: string,
): SchedulerServiceTaskScheduleDefinition {
  // Defaults fill each field left out, so `frequency` alone is a complete schedule.
  const data = {
    ...DEFAULT_SCHEDULE,
    ...(source.getOptionalConfig('schedule')?.get<JsonObject>() ?? {}),
  };
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      new ConfigReader(data, 'app-config', undefined, `${key}.schedule`),
    );
  } catch (error) {
    throw new Error(
      `Invalid ${key}.schedule: ${
        error instanceof Error ? error.message : error
      }`,
    );
  }
}

/**
 * Reads and checks `finopsItam.metricSources` at start, so a mistake stops the backend with
 * the offending key named instead of surfacing in a scheduled run.
 */
export function readMetricSourcesConfig(config: Config): MetricSourceConfig[] {
  const entries =
    config.getOptionalConfigArray('finopsItam.metricSources') ?? [];
  const seen = new Set<string>();
  return entries.map((source, index) => {
    const key = `finopsItam.metricSources[${index}]`;
    const id = source.getString('id');
    if (!SOURCE_ID_PATTERN.test(id)) {
      throw new Error(
        `${key}.id "${id}" is not lowercase kebab-case (like "shop-orders")`,
      );
    }
    if (seen.has(id)) {
      throw new Error(`${key}.id "${id}" is used by another metric source`);
    }
    seen.add(id);
    const metric = source.getString('metric');
    const problem = metricNameProblem(metric);
    if (problem) {
      throw new Error(`${key}.metric: ${problem}`);
    }
    const location = source.getString('location').trim();
    const scheme = URL_SCHEME.exec(location)?.[1].toLowerCase();
    if (scheme && scheme !== 'http' && scheme !== 'https') {
      throw new Error(
        `${key}.location "${location}" uses ${scheme}://, but only local paths and http(s) URLs ` +
          `read through the Backstage URL reader are supported`,
      );
    }
    return { id, metric, location, schedule: readSchedule(source, key) };
  });
}
