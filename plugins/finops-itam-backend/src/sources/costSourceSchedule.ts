import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { FinopsItamCostSource } from '@finops-itam/plugin-finops-itam-node';
import { DEFAULT_SCHEDULE } from './config';

/** When a source runs: its own schedule, or the default of configured sources. */
export function costSourceSchedule(
  source: FinopsItamCostSource,
): SchedulerServiceTaskScheduleDefinition {
  return source.schedule ?? DEFAULT_SCHEDULE;
}
