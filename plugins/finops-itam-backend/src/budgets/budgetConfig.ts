import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  SOURCE_ID_PATTERN,
  readScheduleWithDefaults,
  readSourceLocation,
} from '../sources/config';
import { FiscalCalendar } from './budgetPeriods';
import { Budget } from './budgetSchema';
import { validateBudgets } from './validateBudgets';

/** A budget file read on a schedule; its budgets are replaced whole by each good file. */
export interface BudgetSourceConfig {
  id: string;
  location: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

export interface BudgetSettings {
  calendar: FiscalCalendar;
  /** `finopsItam.budgets`: stored as source `config` at start-up, replacing the previous ones. */
  configBudgets: Budget[];
  sources: BudgetSourceConfig[];
  /** When every budget's status is checked for alerts. */
  alertSchedule: SchedulerServiceTaskScheduleDefinition;
}

/** Budget files are small: hourly, a short timeout, soon after start. */
const SOURCE_SCHEDULE = {
  frequency: { hours: 1 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 30 },
};

/** Hourly: a budget period is a month at least, so an hour's delay tells nobody too late. */
const ALERT_SCHEDULE = {
  frequency: { hours: 1 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 2 },
};

/** Source ids that name how a budget was stored, not a file. */
const RESERVED_SOURCE_IDS = new Set(['config', 'api']);

/**
 * Reads `finopsItam.fiscalYearStartMonth`, `finopsItam.budgets`, `finopsItam.budgetSources`
 * and `finopsItam.budgetAlerts` at start, so a mistake stops the backend naming the key,
 * instead of surfacing in a scheduled run. Inline budgets are checked as one batch (shape,
 * period starts, overlaps); whether their entities exist is only known once the catalog
 * answers, so a budget of an unknown entity shows that as its status message.
 */
export function readBudgetSettings(config: Config): BudgetSettings {
  const month =
    config.getOptionalNumber('finopsItam.fiscalYearStartMonth') ?? 1;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new Error(
      `finopsItam.fiscalYearStartMonth must be a month number from 1 to 12, got ${month}`,
    );
  }
  const calendar = { fiscalYearStartMonth: month };

  const records =
    config.getOptional<unknown[]>('finopsItam.budgets') ?? ([] as unknown[]);
  if (!Array.isArray(records)) {
    throw new Error('finopsItam.budgets must be a list of budget records');
  }
  const checked = validateBudgets(records, { calendar });
  if (!checked.ok) {
    throw new Error(
      `finopsItam.budgets has ${
        checked.problems.length
      } problem(s): ${checked.problems
        .map(p => `finopsItam.budgets[${p.index}].${p.field}: ${p.reason}`)
        .join('; ')}`,
    );
  }

  const seen = new Set<string>();
  const sources = (
    config.getOptionalConfigArray('finopsItam.budgetSources') ?? []
  ).map((source, index) => {
    const key = `finopsItam.budgetSources[${index}]`;
    const id = source.getString('id');
    if (!SOURCE_ID_PATTERN.test(id) || RESERVED_SOURCE_IDS.has(id)) {
      throw new Error(
        `${key}.id "${id}" must be lowercase kebab-case (like "finance-budgets") and not "config" or "api"`,
      );
    }
    if (seen.has(id)) {
      throw new Error(`${key}.id "${id}" is used by another budget source`);
    }
    seen.add(id);
    return {
      id,
      location: readSourceLocation(source, key),
      schedule: readScheduleWithDefaults(
        source.getOptionalConfig('schedule'),
        `${key}.schedule`,
        SOURCE_SCHEDULE,
      ),
    };
  });

  return {
    calendar,
    configBudgets: checked.budgets,
    sources,
    alertSchedule: readScheduleWithDefaults(
      config.getOptionalConfig('finopsItam.budgetAlerts.schedule'),
      'finopsItam.budgetAlerts.schedule',
      ALERT_SCHEDULE,
    ),
  };
}
