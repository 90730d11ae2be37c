import { LoggerService } from '@backstage/backend-plugin-api';
import { FinopsItamCostSource } from '@finops-itam/plugin-finops-itam-node';
import { CostStore } from '../database/CostStore';
import { FinopsItamTask } from '../feature/FinopsItamFeature';
import { costSourceSchedule } from './costSourceSchedule';
import { CostSourceRunner } from './CostSourceRunner';
import { retentionCutoff } from './retention';

export const costSourceTaskId = (sourceId: string) =>
  `finops-itam-cost-source-${sourceId}`;

export const RETENTION_TASK_ID = 'finops-itam-cost-retention';

/**
 * One task per source, configured or from a module. Always global scope, whatever the
 * schedule says: with several replicas each delivery must be ingested once, not once per
 * replica.
 */
export function costSourceTasks(options: {
  runner: Pick<CostSourceRunner, 'run'>;
  sources: FinopsItamCostSource[];
  logger: LoggerService;
}): FinopsItamTask[] {
  const { runner, sources, logger } = options;
  return sources.map(source => ({
    id: costSourceTaskId(source.id),
    ...costSourceSchedule(source),
    scope: 'global',
    fn: async () => {
      // Outcomes, failures included, are recorded by the runner; only unexpected errors
      // (the database gone) reach the scheduler, which logs them.
      const result = await runner.run(source.id);
      logger.info(
        `Cost source ${source.id} ${result.status}: ${result.message}`,
      );
    },
  }));
}

/** Daily deletion of facts older than the retention, on one replica. */
export function retentionTask(options: {
  store: Pick<CostStore, 'deleteFactsBefore'>;
  retentionMonths: number;
  logger: LoggerService;
  now?: () => Date;
}): FinopsItamTask {
  const { store, retentionMonths, logger } = options;
  const now = options.now ?? (() => new Date());
  return {
    id: RETENTION_TASK_ID,
    frequency: { days: 1 },
    timeout: { hours: 1 },
    initialDelay: { minutes: 5 },
    scope: 'global',
    fn: async () => {
      const cutoff = retentionCutoff(now(), retentionMonths);
      const deleted = await store.deleteFactsBefore(cutoff);
      logger.info(
        `Deleted ${deleted} cost fact(s) before ${cutoff} (finopsItam.retention.months: ${retentionMonths})`,
      );
    },
  };
}
