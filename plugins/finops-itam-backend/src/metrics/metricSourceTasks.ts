import { LoggerService } from '@backstage/backend-plugin-api';
import { FinopsItamTask } from '../feature/FinopsItamFeature';
import { MetricSourceConfig } from './metricSourcesConfig';
import { MetricSourceRunner } from './MetricSourceRunner';

export const metricSourceTaskId = (sourceId: string) =>
  `finops-itam-metric-source-${sourceId}`;

/**
 * One task per configured metric source. Always global scope, whatever the config says: one
 * replica reads each file, so two replicas never write the same entity-days at once.
 */
export function metricSourceTasks(options: {
  runner: Pick<MetricSourceRunner, 'run'>;
  sources: MetricSourceConfig[];
  logger: LoggerService;
}): FinopsItamTask[] {
  const { runner, sources, logger } = options;
  return sources.map(
    (source): FinopsItamTask => ({
      id: metricSourceTaskId(source.id),
      ...source.schedule,
      scope: 'global',
      fn: async () => {
        const result = await runner.run(source.id);
        const log =
          result.status === 'succeeded' || result.status === 'skipped'
            ? logger.info
            : logger.warn;
        log.call(
          logger,
          `Metric source ${source.id} ${result.status}: ${result.message}`,
        );
      },
    }),
  );
}
