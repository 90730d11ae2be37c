import type { LicenseSnapshot } from '../licenses/LicenseService';
import { SplitShare } from '../money';
import {
  ApprovedReservation,
  KnownLicenseAmount,
  UnpricedLicenseChange,
  knownLicenseAmounts,
} from './knownLicenseAmounts';
import { splitKnownAmounts } from './splitKnownAmounts';

/** The snapshot parts the license part of a forecast reads. */
export type LicenseFacts = Pick<
  LicenseSnapshot,
  'entitlements' | 'position' | 'consumptions'
>;

/** Every entity's part of the known license amounts of some days. */
export interface LicenseAmountsByEntity {
  byEntity: Map<string, KnownLicenseAmount[]>;
  unpriced: UnpricedLicenseChange[];
}

/**
 * The license part of every entity's forecast for the days `from`..`to` (amortized, as the
 * actual license cost is, or billed on payment days), attributed the way the daily license cost is:
 *
 * - an entitlement's term, renewal and true-up amounts are split between the entities that
 *   consume the product, by what each counts towards the requirement now (the license
 *   engine's consumptions); the licenses nobody uses (entitled − required) weigh for the
 *   entitlement's owner group, as shelfware does in the daily license cost;
 * - a reservation of an approved onboarding request is the requesting workload's own.
 *
 * An entity that neither consumes a product nor owns its entitlements gets none of it.
 */
export function licenseAmountsByEntity(
  facts: LicenseFacts,
  reservations: readonly ApprovedReservation[],
  from: string,
  to: string,
  basis: 'billed' | 'amortized' = 'amortized',
): LicenseAmountsByEntity {
  const { amounts, unpriced } = knownLicenseAmounts({
    entitlements: facts.entitlements,
    positions: facts.position,
    reservations,
    from,
    to,
    basis,
  });
  const reservedFor = new Map(
    reservations.map(r => [r.requestId, r.entityRef]),
  );
  const byEntity = new Map<string, KnownLicenseAmount[]>();
  const give = (entityRef: string, list: readonly KnownLicenseAmount[]) => {
    const mine = byEntity.get(entityRef) ?? [];
    mine.push(...list);
    byEntity.set(entityRef, mine);
  };

  const consumers = consumerWeights(facts);
  const unused = unusedLicenses(facts);
  // Grouped by owner: the unused licenses of a product weigh for the owner of the
  // entitlement the amount comes from.
  const byOwner = new Map<string, KnownLicenseAmount[]>();
  for (const amount of amounts) {
    const requestEntity = amount.requestId
      ? reservedFor.get(amount.requestId)
      : undefined;
    if (amount.reason === 'reservation' && requestEntity) {
      give(requestEntity.toLocaleLowerCase('en-US'), [amount]);
      continue;
    }
    const list = byOwner.get(amount.owner) ?? [];
    list.push(amount);
    byOwner.set(amount.owner, list);
  }
  for (const [owner, list] of byOwner) {
    const split = splitKnownAmounts(list, productId => {
      const shares: SplitShare[] = [...(consumers.get(productId) ?? [])];
      const idle = unused.get(productId) ?? 0;
      if (idle > 0) shares.push({ target: owner, weight: weight(idle) });
      return shares;
    });
    for (const [entityRef, parts] of split) {
      give(entityRef.toLocaleLowerCase('en-US'), parts);
    }
  }
  return { byEntity, unpriced };
}

/** A count as a plain decimal weight (never exponent notation). */
function weight(quantity: number): string {
  return quantity.toFixed(6);
}

/** Per product, each consuming entity's counted quantity. */
function consumerWeights(facts: LicenseFacts): Map<string, SplitShare[]> {
  const sums = new Map<string, Map<string, number>>();
  for (const consumption of facts.consumptions) {
    if (!consumption.entityRef || consumption.counted <= 0) continue;
    const product = sums.get(consumption.productId) ?? new Map();
    product.set(
      consumption.entityRef,
      (product.get(consumption.entityRef) ?? 0) + consumption.counted,
    );
    sums.set(consumption.productId, product);
  }
  return new Map(
    [...sums].map(([productId, entities]) => [
      productId,
      [...entities].map(([target, quantity]) => ({
        target,
        weight: weight(quantity),
      })),
    ]),
  );
}

/** Per product, the entitled licenses nobody requires now. */
function unusedLicenses(facts: LicenseFacts): Map<string, number> {
  return new Map(
    facts.position.map(entry => [
      entry.productId,
      Math.max(0, entry.entitled - entry.required),
    ]),
  );
}
