import { LicenseEntitlement } from '@finops-itam/plugin-finops-itam-common';
import { addDays, daysBetween } from '../../licenses/days';
import { isActiveOn } from '../../licenses/licensePosition';
import { termCost } from '../../licenses/licensePayments';
import { Money, MoneyValue } from '../../money';

/** Months a term covers: whole calendar months when it runs to the day before the same day of a later month, else its days in months of 365/12 days. */
export function termMonths(termStart: string, termEnd: string): MoneyValue {
  const end = addDays(termEnd, 1);
  if (end.slice(8) === termStart.slice(8)) {
    const months =
      (Number(end.slice(0, 4)) - Number(termStart.slice(0, 4))) * 12 +
      (Number(end.slice(5, 7)) - Number(termStart.slice(5, 7)));
    if (months > 0) return new Money(months);
  }
  return new Money(daysBetween(termStart, end)).times(12).div(365);
}

/** What one license of a product costs a month, from the entitlements in force. */
export interface UnitMonthlyCost {
  /** Exact (unrounded) amount per license per month. */
  perLicense: MoneyValue;
  currency: string;
  /** How it was derived, e.g. `entitlement ea-sql: 17016 USD for 24 licenses over 12 months`. */
  basis: string;
}

/**
 * The price per license per month of the product's entitlements in force on `day`: each
 * one's term cost (as the license cost is amortized, `termCost`) spread over its months,
 * summed and divided by their licenses, so a larger entitlement weighs more. Entitlements
 * in another currency than the newest one are left out (never converted), and said so.
 * Null when no entitlement with licenses is in force.
 */
export function entitlementMonthlyUnitCost(
  productId: string,
  entitlements: LicenseEntitlement[],
  day: string,
): UnitMonthlyCost | null {
  const active = entitlements
    .filter(
      e => e.productId === productId && e.quantity > 0 && isActiveOn(e, day),
    )
    .sort(
      (a, b) =>
        b.termStart.localeCompare(a.termStart) || a.id.localeCompare(b.id),
    );
  if (active.length === 0) return null;
  const currency = active[0].cost.currency;
  const used = active.filter(e => e.cost.currency === currency);
  let perMonth = new Money(0);
  let licenses = 0;
  const parts: string[] = [];
  for (const e of used) {
    const months = termMonths(e.termStart, e.termEnd);
    perMonth = perMonth.plus(new Money(termCost(e)).div(months));
    licenses += e.quantity;
    parts.push(
      `entitlement ${e.id}: ${termCost(e)} ${currency} for ${
        e.quantity
      } licenses over ${months.toDecimalPlaces(2).toFixed()} months`,
    );
  }
  const skipped = active.filter(e => e.cost.currency !== currency);
  if (skipped.length > 0) {
    parts.push(
      `left out (other currency, not converted): ${skipped
        .map(e => `${e.id} (${e.cost.currency})`)
        .join(', ')}`,
    );
  }
  const perLicense = perMonth.div(licenses);
  return {
    perLicense,
    currency,
    basis: `${parts.join('; ')} → ${perLicense
      .toDecimalPlaces(2)
      .toFixed(2)} ${currency} per license a month`,
  };
}
