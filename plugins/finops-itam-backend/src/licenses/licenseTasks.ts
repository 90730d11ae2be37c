import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { FinopsItamTask } from '../feature/FinopsItamFeature';
import { EntitlementSourceRunner } from './EntitlementSourceRunner';
import { LicenseConfig } from './licenseConfig';
import { LicenseService } from './LicenseService';
import { SeatSourceRunner } from './SeatSourceRunner';

export const LICENSE_COST_TASK_ID = 'finops-itam-license-cost';
export const entitlementSourceTaskId = (sourceId: string) =>
  `finops-itam-entitlement-source-${sourceId}`;
export const seatSourceTaskId = (sourceId: string) =>
  `finops-itam-seat-source-${sourceId}`;

/**
 * One global task per entitlement source and per seat source, and the global task that
 * recomputes daily license cost.
 */
export function licenseTasks(options: {
  config: Pick<
    LicenseConfig,
    'entitlementSources' | 'seatSources' | 'costSchedule'
  >;
  runner: EntitlementSourceRunner;
  seatRunner: SeatSourceRunner;
  licenses: Pick<LicenseService, 'recomputeCost'>;
  logger: LoggerService;
}): FinopsItamTask[] {
  const { config, runner, seatRunner, licenses, logger } = options;
  const costTask: FinopsItamTask = {
    id: LICENSE_COST_TASK_ID,
    ...config.costSchedule,
    scope: 'global',
    fn: async () => {
      const rows = await licenses.recomputeCost();
      logger.info(`License cost recomputed: ${rows} daily cost row(s)`);
    },
  };
  const entitlementTasks = config.entitlementSources.map(
    (source): FinopsItamTask => ({
      id: entitlementSourceTaskId(source.id),
      ...source.schedule,
      scope: 'global',
      fn: async () => {
        await runner.run(source);
      },
    }),
  );
  const seatTasks = config.seatSources.map(
    (source): FinopsItamTask => ({
      id: seatSourceTaskId(source.id),
      ...source.schedule,
      scope: 'global',
      fn: async () => {
        await seatRunner.run(source);
      },
    }),
  );
  return [costTask, ...entitlementTasks, ...seatTasks];
}

/** Asks the scheduler to run the license cost task now; failures are only logged. */
export function licenseCostTrigger(
  scheduler: SchedulerService,
  logger: LoggerService,
) {
  return () => {
    scheduler
      .triggerTask(LICENSE_COST_TASK_ID)
      .catch(error =>
        logger.warn(`Could not trigger ${LICENSE_COST_TASK_ID}: ${error}`),
      );
  };
}
