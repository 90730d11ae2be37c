import {
  LicenseEntitlement,
  LicensePositionEntry,
} from '@finops-itam/plugin-finops-itam-common';
import { Money, MoneyValue, parseDecimal, splitEvenly } from '../money';
import { addDays, eachDay } from '../licenses/days';
import { compare } from '../licenses/licensePosition';
import {
  costsFromEntitlement,
  paymentsOf,
  termCost,
} from '../licenses/licensePayments';
import { currencyScale } from './currencyScale';
import { shiftByTerm, termLength } from './nextTerm';

/** Licenses an approved onboarding request holds for a workload not in cost data yet. */
export interface ApprovedReservation {
  requestId: string;
  entityRef: string;
  productId: string;
  quantity: number;
  /** The first day the workload uses the licenses (the request's planned start). */
  from: string;
}

/**
 * Why a license amount is in the forecast:
 * - `term`: the rest of an entitlement's current term;
 * - `renewal`: the term after the current one, at the entitlement's cost for a term;
 * - `true-up`: buying the position's shortage at the true-up date;
 * - `reservation`: licenses held by an approved onboarding request.
 */
export type LicenseAmountReason =
  | 'term'
  | 'renewal'
  | 'true-up'
  | 'reservation';

/** A license amount known in advance, on a day. */
export interface KnownLicenseAmount {
  day: string;
  amount: string;
  currency: string;
  reason: LicenseAmountReason;
  productId: string;
  /** The entitlement it comes from or is priced by. */
  entitlementId: string;
  /** The entitlement's owner group: who carries the amount when no entity's share is known. */
  owner: string;
  /** The onboarding request, for a reservation. */
  requestId?: string;
}

/** A change that could not be priced, and why, so a reader knows the forecast lacks it. */
export interface UnpricedLicenseChange {
  reason: 'true-up' | 'reservation';
  productId: string;
  requestId?: string;
  problem: string;
}

export interface KnownLicenseAmountsInput {
  entitlements: readonly LicenseEntitlement[];
  positions: readonly LicensePositionEntry[];
  reservations: readonly ApprovedReservation[];
  /** The forecast's days, both included: amounts outside them are left out. */
  from: string;
  to: string;
  /**
   * `billed`: each amount on the day it is paid (payment schedule, true-up date, the
   * reservation's first day). `amortized`: each spread evenly over the days it pays for (its
   * term; a true-up or reservation from its day to the entitlement's term end), as the
   * license cost of actual days is.
   */
  basis: 'billed' | 'amortized';
}

export interface KnownLicenseAmounts {
  amounts: KnownLicenseAmount[];
  unpriced: UnpricedLicenseChange[];
}

/**
 * The license part of a forecast: what entitlements will cost on the forecast days, from
 * their terms, not extrapolated from history. The cloud model must therefore be fitted on
 * cloud cost without this license cost, or it would be counted twice.
 *
 * - Every entitlement whose cost is its own (not a charge on the cloud bill, which the cloud
 *   part already forecasts) and in force up to the forecast costs its current term, then renews at term end for the same
 *   cost and length, term after term, unless another entitlement of the same product and
 *   owner starts the day after it ends (that one is the renewal, already known).
 * - A product short at a true-up date in the forecast pays the shortage (−position) times the
 *   unit price of the entitlement that has that true-up date (else the latest one of the
 *   product), less the licenses that reservations pay for in this forecast: the position
 *   counts reserved licenses as required, and each license is paid once.
 * - Each approved reservation pays its quantity times the product's unit price on its first
 *   day; with no entitlement of the product to price it, it is listed in `unpriced`.
 *
 * Amounts are exact: payments as given, a term spread over its days with the parts summing to
 * it exactly, prices times quantities rounded to the currency's minor unit.
 */
export function knownLicenseAmounts(
  input: KnownLicenseAmountsInput,
): KnownLicenseAmounts {
  const amounts: KnownLicenseAmount[] = [];
  const unpriced: UnpricedLicenseChange[] = [];
  const inRange = (day: string) => day >= input.from && day <= input.to;

  for (const entitlement of input.entitlements) {
    if (!costsFromEntitlement(entitlement)) continue;
    // Ended before the forecast with no renewal recorded: it lapsed, nothing more to pay.
    if (entitlement.termEnd < addDays(input.from, -1)) continue;
    amounts.push(...termAmounts(entitlement, input, inRange));
  }

  const reservedByProduct = new Map<string, number>();
  for (const reservation of input.reservations) {
    const priced = priceOf(
      input.entitlements,
      reservation.productId,
      reservation.from,
    );
    if (!priced) {
      unpriced.push({
        reason: 'reservation',
        productId: reservation.productId,
        requestId: reservation.requestId,
        problem: `no entitlement of ${reservation.productId} to take a unit price from`,
      });
      continue;
    }
    const parts = spreadOrOnDay(
      priced.entitlement,
      priced.unitPrice.times(reservation.quantity),
      reservation.from,
      input.basis,
      inRange,
    );
    if (parts.length === 0) continue;
    // Only licenses this forecast pays for as a reservation are kept out of the true-up.
    reservedByProduct.set(
      reservation.productId,
      (reservedByProduct.get(reservation.productId) ?? 0) +
        reservation.quantity,
    );
    amounts.push(
      ...parts.map(a => ({
        ...a,
        reason: 'reservation' as const,
        requestId: reservation.requestId,
      })),
    );
  }

  for (const position of input.positions) {
    if (position.position >= 0 || !position.trueUpDate) continue;
    if (!inRange(position.trueUpDate)) continue;
    const quantity = Math.max(
      0,
      -position.position - (reservedByProduct.get(position.productId) ?? 0),
    );
    if (quantity === 0) continue;
    const priced = priceOf(
      input.entitlements,
      position.productId,
      position.trueUpDate,
    );
    if (!priced) {
      unpriced.push({
        reason: 'true-up',
        productId: position.productId,
        problem: `no entitlement of ${position.productId} to take a unit price from`,
      });
      continue;
    }
    amounts.push(
      ...spreadOrOnDay(
        priced.entitlement,
        priced.unitPrice.times(quantity),
        position.trueUpDate,
        input.basis,
        inRange,
      ).map(a => ({ ...a, reason: 'true-up' as const })),
    );
  }

  amounts.sort((a, b) => compare(a.day, b.day));
  return { amounts, unpriced };
}

type Dated = Omit<KnownLicenseAmount, 'reason'>;

/** The current term and its renewals, as far as the forecast goes. */
function termAmounts(
  entitlement: LicenseEntitlement,
  input: KnownLicenseAmountsInput,
  inRange: (day: string) => boolean,
): KnownLicenseAmount[] {
  const out: KnownLicenseAmount[] = [];
  const length = termLength(entitlement.termStart, entitlement.termEnd);
  const renewed = input.entitlements.some(
    other =>
      other !== entitlement &&
      other.productId === entitlement.productId &&
      other.owner === entitlement.owner &&
      other.termStart === addDays(entitlement.termEnd, 1),
  );
  const payments = paymentsOf(entitlement);
  let term = { start: entitlement.termStart, end: entitlement.termEnd };
  let shift = 0;
  for (;;) {
    const reason = shift === 0 ? 'term' : 'renewal';
    const base = {
      currency: entitlement.cost.currency,
      productId: entitlement.productId,
      entitlementId: entitlement.id,
      owner: entitlement.owner,
    };
    if (input.basis === 'billed') {
      for (const payment of payments) {
        let day = payment.date;
        for (let i = 0; i < shift; i++) day = shiftByTerm(day, length);
        if (inRange(day))
          out.push({ ...base, day, amount: payment.amount, reason });
      }
    } else if (term.end >= input.from) {
      for (const part of spreadOver(
        termCost(entitlement),
        term.start,
        term.end,
        base.currency,
      )) {
        if (inRange(part.day)) out.push({ ...base, ...part, reason });
      }
    }
    if (renewed) break;
    const next = addDays(term.end, 1);
    if (next > input.to) break;
    term = { start: next, end: addDays(shiftByTerm(next, length), -1) };
    shift++;
  }
  return out;
}

/** A price-times-quantity amount on its day (billed) or spread to the term end (amortized). */
function spreadOrOnDay(
  entitlement: LicenseEntitlement,
  exact: MoneyValue,
  day: string,
  basis: KnownLicenseAmountsInput['basis'],
  inRange: (day: string) => boolean,
): Dated[] {
  const currency = entitlement.cost.currency;
  const amount = exact
    .toDecimalPlaces(currencyScale(currency), Money.ROUND_HALF_EVEN)
    .toFixed();
  const base = {
    currency,
    productId: entitlement.productId,
    entitlementId: entitlement.id,
    owner: entitlement.owner,
  };
  const parts =
    basis === 'billed' || day > entitlement.termEnd
      ? [{ day, amount }]
      : spreadOver(amount, day, entitlement.termEnd, currency);
  return parts.filter(p => inRange(p.day)).map(p => ({ ...base, ...p }));
}

/** `amount` split evenly over the days from `start` to `end`, summing to it exactly. */
function spreadOver(
  amount: string,
  start: string,
  end: string,
  currency: string,
): Array<{ day: string; amount: string }> {
  const scale = Math.max(currencyScale(currency), parseDecimal(amount).places);
  return splitEvenly(amount, eachDay(start, end), scale).map(part => ({
    day: part.target,
    amount: part.amount,
  }));
}

/**
 * The unit price of a product on a day: per unit as the entitlement states it, or its term
 * cost over its quantity. From the entitlement with a true-up on that day, else one in force
 * that day, else the one ending last.
 */
function priceOf(
  entitlements: readonly LicenseEntitlement[],
  productId: string,
  day: string,
): { entitlement: LicenseEntitlement; unitPrice: MoneyValue } | null {
  const candidates = entitlements
    .filter(e => e.productId === productId && e.quantity > 0)
    .sort((a, b) => compare(b.termEnd, a.termEnd));
  const entitlement =
    candidates.find(e => e.trueUpDate === day) ??
    candidates.find(e => e.termStart <= day && day <= e.termEnd) ??
    candidates[0];
  if (!entitlement) return null;
  const unitPrice =
    entitlement.cost.per === 'unit'
      ? new Money(entitlement.cost.amount)
      : new Money(entitlement.cost.amount).dividedBy(entitlement.quantity);
  return { entitlement, unitPrice };
}
