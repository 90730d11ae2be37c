import { Money } from '../money';
import { Budget } from './budgetSchema';
import { BudgetStatusResult } from './budgetStatus';

export type BudgetThresholdKind =
  | 'actual-above'
  | 'forecast-above'
  | 'forecast-below';

/** A threshold a budget has crossed, to tell its owner group about. */
export interface BudgetAlert {
  /**
   * One per budget, period and threshold. Used as the notification's scope, so sending it
   * again updates the same notification instead of adding one.
   */
  scope: string;
  budgetId: string;
  entityRef: string;
  periodStart: string;
  threshold: BudgetThresholdKind;
  /** The threshold in percent of the budget. */
  percent: number;
  /** The actual (actual-above) or the forecast (the others) that crossed it. */
  amount: string;
  currency: string;
  /** Actual overspend is `high` (issue 16); a projection is `normal`. */
  severity: 'high' | 'normal';
}

/**
 * Thresholds the budget has crossed that nobody was told about yet: `notified` holds the
 * scopes sent in earlier runs, so each budget, period and threshold is told once.
 */
export function budgetAlerts(
  budget: Budget,
  status: BudgetStatusResult,
  notified: ReadonlySet<string>,
): BudgetAlert[] {
  if (!status.comparable) return [];
  const amount = new Money(budget.amount);
  const share = (value: string, percent: number) =>
    new Money(value).times(100).cmp(amount.times(percent));
  const { thresholds } = budget;
  const crossed: Array<
    Omit<
      BudgetAlert,
      'scope' | 'budgetId' | 'entityRef' | 'periodStart' | 'currency'
    >
  > = [];
  if (share(status.actual, thresholds.actualAbove) > 0) {
    crossed.push({
      threshold: 'actual-above',
      percent: thresholds.actualAbove,
      amount: status.actual,
      severity: 'high',
    });
  }
  const forecast = status.forecast?.expected;
  if (forecast !== undefined && share(forecast, thresholds.forecastAbove) > 0) {
    crossed.push({
      threshold: 'forecast-above',
      percent: thresholds.forecastAbove,
      amount: forecast,
      severity: 'normal',
    });
  }
  if (forecast !== undefined && share(forecast, thresholds.forecastBelow) < 0) {
    crossed.push({
      threshold: 'forecast-below',
      percent: thresholds.forecastBelow,
      amount: forecast,
      severity: 'normal',
    });
  }
  return crossed
    .map(alert => ({
      ...alert,
      scope: `finops-itam:budget:${budget.id}:${budget.start}:${alert.threshold}`,
      budgetId: budget.id,
      entityRef: budget.entityRef,
      periodStart: budget.start,
      currency: budget.currency,
    }))
    .filter(alert => !notified.has(alert.scope));
}
