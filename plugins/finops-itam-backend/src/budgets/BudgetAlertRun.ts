import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationClaimStore } from '../database/NotificationClaimStore';
import { budgetAlerts, BudgetAlert } from './budgetAlerts';
import { BudgetStore, StoredBudget } from './BudgetStore';
import { EvaluatedBudget } from './BudgetService';

export interface BudgetAlertRunOptions {
  store: Pick<BudgetStore, 'sentAlerts' | 'recordSentAlert'>;
  /** Claimed before each send, so that of two runs at once only one tells the owner. */
  claims: Pick<NotificationClaimStore, 'claim' | 'release'>;
  /** Every budget whose period contains today, with its status. */
  evaluate(): Promise<EvaluatedBudget[]>;
  /** The owner group of an entity (a group is its own), or undefined when none is known. */
  ownerOf(entityRef: string): Promise<string | undefined>;
  notifications: Pick<NotificationService, 'send'>;
  logger: LoggerService;
  now?: () => Date;
}

export interface BudgetAlertRunResult {
  budgets: number;
  sent: number;
  failed: number;
}

const THRESHOLD_TEXT: Record<BudgetAlert['threshold'], string> = {
  'actual-above': 'has spent more than',
  'forecast-above': 'is forecast to spend more than',
  'forecast-below': 'is forecast to spend less than',
};

/** The entity's cost page: the Cost tab, or the team cost tab of a group. */
function costTabLink(entityRef: string): string {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  const tab = kind === 'group' ? 'team-cost' : 'cost';
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind,
  )}/${encodeURIComponent(name)}/${tab}`;
}

/**
 * Tells each budget's owner group about thresholds crossed in the current period, once per
 * budget, period and threshold, also when two runs overlap (each crossing is claimed before
 * it is sent): a crossing is recorded as sent only after the notification service took
 * it, so a failed send is tried again on the next run, and a sent one never is. All notifications of a budget's period share one scope, so a later crossing updates
 * the same notification rather than adding one. A failing send is logged and the run goes
 * on with the other budgets.
 */
export class BudgetAlertRun {
  constructor(private readonly options: BudgetAlertRunOptions) {}

  async run(): Promise<BudgetAlertRunResult> {
    const { store, claims, logger } = this.options;
    const evaluated = await this.options.evaluate();
    const sent = await store.sentAlerts(evaluated.map(e => e.budget.id));
    const notified = new Set(
      sent.map(
        s => `finops-itam:budget:${s.budgetId}:${s.periodStart}:${s.threshold}`,
      ),
    );
    const result = { budgets: evaluated.length, sent: 0, failed: 0 };
    for (const { budget, status } of evaluated) {
      if (!status) continue;
      for (const alert of budgetAlerts(budget, status, notified)) {
        const now = this.options.now?.() ?? new Date();
        // Claimed by another run (another replica, or one started by new cost data).
        if (!(await claims.claim(alert.scope, now))) continue;
        try {
          // That run may have told it since this one read what was sent.
          if (await this.told(alert)) continue;
          if (await this.send(budget, alert)) {
            await store.recordSentAlert(
              {
                budgetId: alert.budgetId,
                periodStart: alert.periodStart,
                threshold: alert.threshold,
              },
              now,
            );
            result.sent += 1;
          } else {
            result.failed += 1;
          }
        } finally {
          await claims.release([alert.scope]);
        }
      }
    }
    logger.info(
      `Budget alerts: ${result.budgets} budget(s) checked, ${result.sent} alert(s) sent, ${result.failed} failed (tried again next run)`,
    );
    return result;
  }

  private async told(alert: BudgetAlert): Promise<boolean> {
    const sent = await this.options.store.sentAlerts([alert.budgetId]);
    return sent.some(
      s =>
        s.periodStart === alert.periodStart && s.threshold === alert.threshold,
    );
  }

  private async send(
    budget: StoredBudget,
    alert: BudgetAlert,
  ): Promise<boolean> {
    const { logger } = this.options;
    try {
      const owner = await this.options.ownerOf(budget.entityRef);
      if (!owner) {
        logger.warn(
          `Budget ${budget.id} crossed ${alert.threshold} but ${budget.entityRef} has no owner group to tell`,
        );
        return false;
      }
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: owner },
        payload: {
          title: `Budget ${budget.id}: ${budget.entityRef} ${
            THRESHOLD_TEXT[alert.threshold]
          } ${alert.percent} %`,
          description:
            `${alert.threshold === 'actual-above' ? 'Actual' : 'Forecast'} ` +
            `${alert.amount} ${alert.currency} against a ${budget.period} budget of ` +
            `${budget.amount} ${budget.currency} from ${budget.start} (${budget.scope}).`,
          link: costTabLink(budget.entityRef),
          severity: alert.severity,
          topic: 'finops-itam budgets',
          scope: `finops-itam:budget:${budget.id}:${budget.start}`,
        },
      });
      return true;
    } catch (error) {
      logger.warn(
        `Could not notify about budget ${budget.id} (${alert.threshold}): ${error}`,
      );
      return false;
    }
  }
}
