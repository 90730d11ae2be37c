import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  SOURCE_ID_PATTERN,
  readScheduleWithDefaults,
  readSourceLocation,
} from '../sources/config';
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
    return {
      id,
      metric,
      location: readSourceLocation(source, key),
      schedule: readScheduleWithDefaults(
        source.getOptionalConfig('schedule'),
        `${key}.schedule`,
        DEFAULT_SCHEDULE,
      ),
    };
  });
}
