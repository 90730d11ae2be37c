import { ExactSum, Money } from '../money';
import { periodEnd } from './budgetPeriods';
import { Budget } from './budgetSchema';

export interface UnbudgetedAmount {
  parentId: string;
  currency: string;
  /** The parent's amount. */
  budget: string;
  /** The sum of the child budgets counted. */
  allocated: string;
  /** budget − allocated; negative when the children were given more than the parent. */
  unbudgeted: string;
  /** Ids of the child budgets counted. */
  counted: string[];
  /** Child budgets in the parent's period that could not be counted, and why. */
  excluded: Array<{ id: string; reason: string }>;
}

/**
 * How much of a parent budget (a team's) is not split into its children's budgets (its
 * services'). A child counts when its period lies within the parent's, it is in the same
 * currency and its scope is part of the parent's (an all-in parent takes cloud and licenses
 * children; a cloud parent only cloud ones). Children outside the parent's period are not
 * about it and are ignored; the others that cannot count are listed with the reason.
 */
export function unbudgetedAmount(
  parent: Budget,
  children: readonly Budget[],
): UnbudgetedAmount {
  const parentEnd = periodEnd(parent.period, parent.start);
  const allocated = new ExactSum();
  const counted: string[] = [];
  const excluded: UnbudgetedAmount['excluded'] = [];
  for (const child of children) {
    const childEnd = periodEnd(child.period, child.start);
    if (childEnd <= parent.start || child.start >= parentEnd) continue;
    let reason: string | undefined;
    if (child.start < parent.start || childEnd > parentEnd) {
      reason = `its ${child.period} (${child.start}) reaches outside the parent's ${parent.period} (${parent.start})`;
    } else if (child.currency !== parent.currency) {
      reason = `it is in ${child.currency}, the parent in ${parent.currency}`;
    } else if (parent.scope !== 'all-in' && child.scope !== parent.scope) {
      reason = `its scope ${child.scope} is not part of the parent's ${parent.scope}`;
    }
    if (reason) {
      excluded.push({ id: child.id, reason });
    } else {
      allocated.add(child.amount);
      counted.push(child.id);
    }
  }
  const total = allocated.toString();
  return {
    parentId: parent.id,
    currency: parent.currency,
    budget: new Money(parent.amount).toFixed(),
    allocated: total,
    unbudgeted: new Money(parent.amount).minus(total).toFixed(),
    counted,
    excluded,
  };
}
