import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { MetricSourceConfig } from './metricSourcesConfig';
import { MetricSourceRunner } from './MetricSourceRunner';

export const metricSourceTaskId = (sourceId: string) =>
  `finops-itam-metric-source-${sourceId}`;

/**
 * One task per configured metric source. Always global scope, whatever the config says: one
 * replica reads each file, so two replicas never write the same entity-days at once.
 */
export async function scheduleMetricSourceTasks(options: {
  scheduler: Pick<SchedulerService, 'scheduleTask'>;
  runner: Pick<MetricSourceRunner, 'run'>;
  sources: MetricSourceConfig[];
  logger: LoggerService;
}): Promise<void> {
  const { scheduler, runner, sources, logger } = options;
  for (const source of sources) {
    await scheduler.scheduleTask({
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
    });
  }
}
