import {
  LicenseEntitlement,
  LicensePayment,
} from '@finops-itam/plugin-finops-itam-common';
import { Money, MoneyValue, splitAmount, sumAmounts } from '../money';

type Costed = Pick<LicenseEntitlement, 'cost' | 'quantity'>;

/** The whole cost of an entitlement's term. */
export function termCost(entitlement: Costed): string {
  const amount = new Money(entitlement.cost.amount);
  return (
    entitlement.cost.per === 'unit'
      ? amount.times(entitlement.quantity)
      : amount
  ).toFixed();
}

/**
 * Why a payment schedule does not fit its entitlement, or null: the payments must add up to
 * the term cost exactly, or the billed and amortized bases would disagree on what was spent.
 */
export function paymentScheduleProblem(
  payments: LicensePayment[],
  entitlement: Costed,
): string | null {
  const paid = sumAmounts(payments.map(p => p.amount));
  const cost = termCost(entitlement);
  if (new Money(paid).eq(cost)) return null;
  const how =
    entitlement.cost.per === 'unit'
      ? ` (${entitlement.cost.amount} per unit × ${entitlement.quantity})`
      : '';
  return `sum to ${paid} ${entitlement.cost.currency}, but the term cost is ${cost}${how}: the payments must add up to it exactly`;
}

/**
 * What an entitlement is paid, and when, for the billed (cash) basis: its payment schedule,
 * or the whole term cost on the term's first day. None when the cloud bill carries the cost
 * (`sourceCharge`): the bill's own row is counted there, never a second time here.
 */
export function paymentsOf(entitlement: LicenseEntitlement): LicensePayment[] {
  if (entitlement.sourceCharge) return [];
  return (
    entitlement.payments ?? [
      { date: entitlement.termStart, amount: termCost(entitlement) },
    ]
  );
}

/** True when the entitlement's cost comes from its own terms, not from the cloud bill. */
export const costsFromEntitlement = (entitlement: LicenseEntitlement) =>
  !entitlement.sourceCharge;

/** One stored daily share of an entitlement's amortized cost. */
export interface AmortizedShare {
  entityRef: string;
  amount: string;
}

/** One entity's part of a payment. */
export interface PaymentPart {
  entityRef: string;
  amount: string;
}

/** The day whose split a payment follows: its date, moved into the term when outside it. */
export function shareDayOf(
  entitlement: LicenseEntitlement,
  date: string,
): string {
  if (date < entitlement.termStart) return entitlement.termStart;
  return date > entitlement.termEnd ? entitlement.termEnd : date;
}

/**
 * Splits a payment between entities as the entitlement's amortized cost is split on the
 * payment's share day (same consumers, same shelfware to the owner), exactly: the parts sum
 * to the payment. Without a split that day (a day license cost has not been computed for
 * yet, e.g. a scheduled payment in the future), the owner group carries the whole payment.
 */
export function splitPayment(
  payment: LicensePayment,
  owner: string,
  dayShares: AmortizedShare[],
): PaymentPart[] {
  const weights = new Map<string, MoneyValue>();
  for (const share of dayShares) {
    weights.set(
      share.entityRef,
      (weights.get(share.entityRef) ?? new Money(0)).plus(share.amount),
    );
  }
  const shares = [...weights]
    .filter(([, weight]) => weight.gt(0))
    .map(([target, weight]) => ({ target, weight: weight.toFixed() }));
  if (shares.length === 0)
    return [{ entityRef: owner, amount: payment.amount }];
  return splitAmount(payment.amount, shares).map(part => ({
    entityRef: part.target,
    amount: part.amount,
  }));
}
