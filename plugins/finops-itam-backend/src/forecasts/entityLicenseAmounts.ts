import type { LicenseSnapshot } from '../licenses/LicenseService';
import {
  ExactSum,
  Money,
  SplitShare,
  parseDecimal,
  splitAmount,
} from '../money';
import { currencyScale } from './currencyScale';
import {
  ApprovedReservation,
  KnownLicenseAmount,
  UnpricedLicenseChange,
  knownLicenseAmounts,
} from './knownLicenseAmounts';

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
    const split = splitByRunningTotal(list, productId =>
      mergeShares([
        ...(consumers.get(productId) ?? []),
        { target: owner, weight: weight(unused.get(productId) ?? 0) },
      ]),
    );
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

/** Weights of one target added up, zero weights left out: a split takes each target once. */
function mergeShares(shares: readonly SplitShare[]): SplitShare[] {
  const sums = new Map<string, ExactSum>();
  for (const share of shares) {
    if (parseDecimal(share.weight).units <= 0n) continue;
    const sum = sums.get(share.target) ?? new ExactSum();
    sums.set(share.target, sum.add(share.weight));
  }
  return [...sums].map(([target, sum]) => ({ target, weight: sum.toString() }));
}

/**
 * Splits each stream of amounts (one entitlement's term, renewal, true-up) by the product's
 * weights through its running total: day by day the total so far is split exactly (largest
 * remainder) and each entity gets the growth of its part. Every day's parts sum to the day's
 * amount and every entity's total stays within a cent of its exact share. Splitting each
 * day's few cents on its own would hand the leftover cent to the same entity every day (a
 * 1.5 % bias on a small share over a year). A product without weights goes whole to the
 * entitlement's owner, as unused licenses do in the daily license cost.
 */
function splitByRunningTotal(
  amounts: readonly KnownLicenseAmount[],
  sharesOf: (productId: string) => SplitShare[],
): Map<string, KnownLicenseAmount[]> {
  const byEntity = new Map<string, KnownLicenseAmount[]>();
  const give = (entityRef: string, amount: KnownLicenseAmount) => {
    const list = byEntity.get(entityRef) ?? [];
    list.push(amount);
    byEntity.set(entityRef, list);
  };
  const streams = new Map<string, KnownLicenseAmount[]>();
  for (const amount of amounts) {
    const key = JSON.stringify([
      amount.entitlementId,
      amount.reason,
      amount.requestId ?? null,
      amount.productId,
      amount.currency,
    ]);
    const stream = streams.get(key) ?? [];
    stream.push(amount);
    streams.set(key, stream);
  }
  for (const stream of streams.values()) {
    const shares = sharesOf(stream[0].productId);
    if (shares.length === 0) {
      for (const amount of stream) give(amount.owner, amount);
      continue;
    }
    const scale = Math.max(
      currencyScale(stream[0].currency),
      ...stream.map(a => parseDecimal(a.amount).places),
    );
    const running = new ExactSum();
    const before = new Map<string, string>();
    for (const amount of [...stream].sort((a, b) =>
      a.day < b.day ? -1 : Number(a.day > b.day),
    )) {
      running.add(amount.amount);
      for (const part of splitAmount(running.toString(), shares, scale)) {
        const growth = new Money(part.amount).minus(
          before.get(part.target) ?? '0',
        );
        before.set(part.target, part.amount);
        if (!growth.isZero()) {
          give(part.target, { ...amount, amount: growth.toFixed() });
        }
      }
    }
  }
  return byEntity;
}
