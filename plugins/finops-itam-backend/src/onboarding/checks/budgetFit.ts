import {
  OnboardingCheck,
  OnboardingCostEstimate,
} from '@finops-itam/plugin-finops-itam-common';
import { Money } from '../../money';
import { failed, passed, plural, warned } from './checkResult';
import { CheckContext, OnboardingPlan } from './types';

const ID = 'budget-fit';

/** Spending above this share of the budget warns: little room is left. */
const WARN_SHARE = '0.9';

/**
 * `budget-fit`: the estimate plus what the owner's forecast already spends, against the
 * owner's monthly budget, in the budget's currency only (never converted).
 */
export function checkBudgetFit(
  plan: OnboardingPlan,
  estimate: OnboardingCostEstimate,
  budget: CheckContext['budget'],
): OnboardingCheck {
  if (budget === undefined || budget === null) {
    return warned(
      ID,
      `No budget for ${plan.owner}, so the estimate cannot be checked against one.`,
      `Set a budget for ${plan.owner}.`,
      budget === undefined
        ? ['no budgets feature is installed']
        : [`${plan.owner} has no budget`],
    );
  }
  const { currency } = budget;
  const details = [
    `${budget.description}: ${budget.monthlyAmount} ${currency} a month; forecast ${budget.monthlyForecast} ${currency} a month`,
  ];
  const others = estimate.totals.filter(t => t.currency !== currency);
  for (const t of others) {
    details.push(
      `${t.amount} ${t.currency} of the estimate is not in ${currency}: not converted, not counted`,
    );
  }
  const unpricedNote =
    estimate.unpriced > 0
      ? ` ${plural(estimate.unpriced, 'estimate line')} without a price ${
          estimate.unpriced === 1 ? 'is' : 'are'
        } not counted.`
      : '';
  if (unpricedNote) details.push(unpricedNote.trim());
  const total = estimate.totals.find(t => t.currency === currency);
  if (!total) {
    return warned(
      ID,
      `The budget of ${plan.owner} is in ${currency}, and nothing in the estimate is priced in ${currency}.`,
      `Price the plan in ${currency}, or set a budget in the estimate’s currency.`,
      details,
    );
  }
  const spend = new Money(budget.monthlyForecast).plus(total.amount);
  const amount = new Money(budget.monthlyAmount);
  const sum = `${budget.monthlyForecast} forecast + ${
    total.amount
  } for this request = ${spend.toFixed(2)} ${currency} a month`;
  details.push(sum);
  const otherCurrencies =
    others.length > 0
      ? ` The part priced in ${others
          .map(t => t.currency)
          .join(', ')} is not counted (never converted).`
      : '';
  if (spend.gt(amount)) {
    return failed(
      ID,
      `${sum}, over the budget of ${budget.monthlyAmount} ${currency} by ${spend
        .minus(amount)
        .toFixed(2)}.${otherCurrencies}`,
      `Raise the budget of ${plan.owner} or fund the workload elsewhere, or make the plan cheaper.`,
      details,
    );
  }
  if (spend.gt(amount.times(WARN_SHARE)) || others.length > 0) {
    const room = amount.minus(spend).toFixed(2);
    return warned(
      ID,
      others.length > 0
        ? `${sum}, within the budget of ${budget.monthlyAmount} ${currency}.${otherCurrencies}${unpricedNote}`
        : `${sum}, within 10 % of the budget of ${budget.monthlyAmount} ${currency} (${room} left).${unpricedNote}`,
      others.length > 0
        ? `Price the whole plan in ${currency}, or check the other currency against its own budget.`
        : `Plan for the small margin: raise the budget of ${plan.owner} or make the plan cheaper.`,
      details,
    );
  }
  return passed(
    ID,
    `${sum}, within the budget of ${budget.monthlyAmount} ${currency}.${unpricedNote}`,
    details,
  );
}
