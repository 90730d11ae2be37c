import { LicenseEntitlement } from '@finops-itam/plugin-finops-itam-common';
import { Money, splitAmount, splitEvenly } from '../money';
import { LicenseDailyCostRow } from './LicenseStore';
import { eachDay } from './days';
import { costsFromEntitlement, termCost } from './licensePayments';
import { isActiveOn } from './licensePosition';

/** The requirement needing entitlements of one product on one day, as the shares table stores it. */
export interface DayShares {
  /** The product's requirement that day. */
  productRequired: number;
  /** Entities' whole-number weights on one scale; `null` is consumption no entity owns. */
  entities: Array<{ entityRef: string | null; weight: number }>;
}

/** The shares of a product on a day; undefined when nothing needed it that day. */
export type SharesLookup = (
  productId: string,
  day: string,
) => DayShares | undefined;

export { termCost };

const SHELFWARE = '\u0000shelfware';
const UNATTRIBUTED = '\u0000unattributed';

/**
 * Daily license cost of entitlements, for the days `includeDay` selects up to `until`:
 *
 * 1. The term cost is amortized over every day of the term with the exact split of the
 *    allocation engine (largest remainder; leftover units to the earliest days), so the
 *    days of a full term sum to the term cost exactly.
 * 2. Each day's amount is split between consuming entities by THAT day's requirement shares
 *    (`sharesOf`), limited to what the product's entitlements that day cover; the unused
 *    share goes to the entitlement's owner group as shelfware. Requirement no entity owns
 *    (unallocated resources) is also charged to the owner, not as shelfware. The parts of a
 *    day sum to the day's amount exactly.
 *
 * An entitlement billed through the cloud bill (`sourceCharge`, a marketplace Purchase row)
 * has no rows of its own: the bill already counts its cost. Its quantity still counts in
 * the entitled quantity of its product's other entitlements.
 */
export function computeLicenseDailyCost(
  entitlements: LicenseEntitlement[],
  sharesOf: SharesLookup,
  until: string,
  includeDay: (productId: string, day: string) => boolean = () => true,
): LicenseDailyCostRow[] {
  const rows: LicenseDailyCostRow[] = [];
  const costed = entitlements.filter(costsFromEntitlement);
  for (const entitlement of costed.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const days = eachDay(entitlement.termStart, entitlement.termEnd);
    const daily = splitEvenly(termCost(entitlement), days);
    const siblings = entitlements.filter(
      e => e.productId === entitlement.productId,
    );
    for (const { target: day, amount } of daily) {
      if (day > until) break;
      if (!includeDay(entitlement.productId, day)) continue;
      const entitled = siblings
        .filter(e => isActiveOn(e, day))
        .reduce((s, e) => s + e.quantity, 0);
      const shares = dayShares(sharesOf(entitlement.productId, day), entitled);
      for (const part of splitAmount(amount, shares)) {
        if (new Money(part.amount).isZero()) continue;
        const shelfware = part.target === SHELFWARE;
        rows.push({
          entitlementId: entitlement.id,
          productId: entitlement.productId,
          entityRef:
            shelfware || part.target === UNATTRIBUTED
              ? entitlement.owner
              : part.target,
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
 * of the entitlement in proportion to their weights and the owner keeps E − min(R, E).
 * Scaled by the sum of the weights, so that every weight stays a whole number.
 */
function dayShares(day: DayShares | undefined, entitled: number) {
  const required = day?.productRequired ?? 0;
  if (!day || required === 0) return [{ target: SHELFWARE, weight: '1' }];
  const used = entitled > 0 ? Math.min(required, entitled) : required;
  const total = day.entities.reduce((s, e) => s + e.weight, 0);
  const shares = day.entities
    .filter(e => e.weight > 0)
    .map(e => ({
      target: e.entityRef ?? UNATTRIBUTED,
      weight: String(used * e.weight),
    }));
  const unused = entitled > 0 ? entitled - used : 0;
  if (unused > 0)
    shares.push({ target: SHELFWARE, weight: String(unused * total) });
  return shares;
}

/** The owner may also consume (or take unattributed use): one row per target, exactly summed. */
function mergeSameTarget(rows: LicenseDailyCostRow[]): LicenseDailyCostRow[] {
  const merged = new Map<string, LicenseDailyCostRow>();
  for (const row of rows) {
    const key = JSON.stringify([
      row.entitlementId,
      row.entityRef,
      row.day,
      row.shelfware,
    ]);
    const earlier = merged.get(key);
    merged.set(
      key,
      earlier
        ? {
            ...earlier,
            amount: new Money(earlier.amount).plus(row.amount).toFixed(),
          }
        : row,
    );
  }
  return [...merged.values()];
}
