import { LoggerService } from '@backstage/backend-plugin-api';
import { FinopsItamTask } from './FinopsItamFeature';

/**
 * The task with one log line per run: when it ran and how long it took, or why it failed.
 * Operators see how long each job takes, and with several replicas the lines show which
 * replica ran which run (`yarn test:reliability` reads them to show that no job runs twice
 * at once).
 */
export function loggedTask(
  task: FinopsItamTask,
  logger: LoggerService,
): FinopsItamTask {
  return {
    ...task,
    fn: async abortSignal => {
      const started = new Date();
      const ran = () => {
        const ended = new Date();
        return `from ${started.toISOString()} to ${ended.toISOString()} (${
          ended.getTime() - started.getTime()
        } ms)`;
      };
      try {
        await task.fn(abortSignal);
        logger.info(`Scheduled task ${task.id} ran ${ran()}`);
      } catch (error) {
        logger.warn(`Scheduled task ${task.id} failed, ran ${ran()}: ${error}`);
        throw error;
      }
    },
  };
}
