import { LicenseEntitlement } from '@finops-itam/plugin-finops-itam-common';
import { splitAmount, splitEvenly } from '../allocation/shared/splitAmount';
import { Money } from '../ingestion/money';
import { LicenseDailyCostRow } from './DatabaseLicenseStore';
import { eachDay } from './days';
import { costsFromEntitlement, termCost } from './licensePayments';
import { isActiveOn } from './licensePosition';

/** Requirement of one product per consuming entity; `null` is consumption no entity owns. */
export type ProductRequirements = Map<string | null, number>;

export { termCost };

const SHELFWARE = '\u0000shelfware';
const UNATTRIBUTED = '\u0000unattributed';

/**
 * Daily license cost of every entitlement from its term start to `until`:
 *
 * 1. The term cost is amortized over every day of the term with the exact split of the
 *    allocation engine (largest remainder; leftover units to the earliest days), so the
 *    days of a full term sum to the term cost exactly.
 * 2. Each day's amount is split between consuming entities by their share of the product's
 *    required quantity, limited to what the product's entitlements that day cover; the
 *    unused share goes to the entitlement's owner group as shelfware. Requirement no
 *    entity owns (unallocated resources) is also charged to the owner, not as shelfware.
 *    The parts of a day sum to the day's amount exactly.
 *
 * Shares use the requirement passed in (today's), for every day of the term.
 *
 * An entitlement billed through the cloud bill (`sourceCharge`, a marketplace Purchase row)
 * has no rows of its own: the bill already counts its cost. Its quantity still counts in
 * the entitled quantity of its product's other entitlements.
 */
export function computeLicenseDailyCost(
  entitlements: LicenseEntitlement[],
  requirements: Map<string, ProductRequirements>,
  until: string,
): LicenseDailyCostRow[] {
  const rows: LicenseDailyCostRow[] = [];
  const costed = entitlements.filter(costsFromEntitlement);
  for (const entitlement of costed.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const days = eachDay(entitlement.termStart, entitlement.termEnd);
    const daily = splitEvenly(termCost(entitlement), days);
    const needs = requirements.get(entitlement.productId) ?? new Map();
    const required = [...needs.values()].reduce((s, q) => s + q, 0);
    const siblings = entitlements.filter(e => e.productId === entitlement.productId);
    for (const { target: day, amount } of daily) {
      if (day > until) break;
      const entitled = siblings.filter(e => isActiveOn(e, day)).reduce((s, e) => s + e.quantity, 0);
      const shares = dayShares(needs, required, entitled);
      for (const part of splitAmount(amount, shares)) {
        if (new Money(part.amount).isZero()) continue;
        const shelfware = part.target === SHELFWARE;
        rows.push({
          entitlementId: entitlement.id,
          productId: entitlement.productId,
          entityRef: shelfware || part.target === UNATTRIBUTED ? entitlement.owner : part.target,
          day,
          currency: entitlement.cost.currency,
          amount: part.amount,
          shelfware,
        });
      }
    }
  }
  return mergeSameTarget(rows);
}

/**
 * Integer weights for one day: with R required and E entitled, consumers share min(R, E)
 * of the entitlement in proportion to their requirement and the owner keeps E − min(R, E).
 * Scaled by R so that every weight is a whole number.
 */
function dayShares(needs: ProductRequirements, required: number, entitled: number) {
  if (required === 0) return [{ target: SHELFWARE, weight: '1' }];
  const used = entitled > 0 ? Math.min(required, entitled) : required;
  const shares = [...needs.entries()]
    .filter(([, quantity]) => quantity > 0)
    .map(([ref, quantity]) => ({ target: ref ?? UNATTRIBUTED, weight: String(used * quantity) }));
  const unused = entitled > 0 ? entitled - used : 0;
  if (unused > 0) shares.push({ target: SHELFWARE, weight: String(unused * required) });
  return shares;
}

/** The owner may also consume (or take unattributed use): one row per target, exactly summed. */
function mergeSameTarget(rows: LicenseDailyCostRow[]): LicenseDailyCostRow[] {
  const merged = new Map<string, LicenseDailyCostRow>();
  for (const row of rows) {
    const key = JSON.stringify([row.entitlementId, row.entityRef, row.day, row.shelfware]);
    const earlier = merged.get(key);
    merged.set(key, earlier ? { ...earlier, amount: new Money(earlier.amount).plus(row.amount).toFixed() } : row);
  }
  return [...merged.values()];
}
