import type { LicenseSnapshot } from '../licenses/LicenseService';
import { ExactSum, SplitShare, parseDecimal, splitAmount } from '../money';
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

/** The known license amounts of some days, ready to be attributed to any entities. */
export interface LicenseAmountsByEntity {
  /**
   * The amounts of these lowercase entity refs together (an entity and its rollup's
   * members), per stream and day: the members' parts are added, not listed one by one.
   */
  amountsFor(entityRefs: ReadonlySet<string>): KnownLicenseAmount[];
  unpriced: UnpricedLicenseChange[];
}

/** One entitlement's amounts of one kind (its term, renewals, a true-up) over the days. */
interface Stream {
  template: KnownLicenseAmount;
  scale: number;
  total: string;
  /** The day amounts, one per day, as the weights an entity's part is spread by. */
  days: SplitShare[];
  /** The product's weights, the owner's unused licenses included; empty: all the owner's. */
  shares: SplitShare[];
  /** Each target's part of the total, split once on first use. */
  parts?: Map<string, string>;
}

/**
 * The license part of the entities' forecasts for the days `from`..`to` (amortized, as the
 * actual license cost is, or billed on payment days), attributed the way the daily license
 * cost is:
 *
 * - an entitlement's term, renewal and true-up amounts are split between the entities that
 *   consume the product, by what each counts towards the requirement now (the license
 *   engine's consumptions); the licenses nobody uses (entitled − required) weigh for the
 *   entitlement's owner group, as shelfware does in the daily license cost; a product nobody
 *   uses is all the owner's;
 * - a reservation of an approved onboarding request is the requesting workload's own.
 *
 * Each stream's total is split between its entities exactly (largest remainder), and each
 * entity's part is spread over the stream's days in proportion to the day amounts, so an
 * entity's amounts sum to its exact share. (Splitting every day's few cents on its own would
 * hand the leftover cent to the same entity each day, 1.5 % off a small share in a year.)
 * Parts are computed for the entities asked about only: all entities' days would be
 * hundreds of thousands of amounts.
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
    reservations.map(r => [
      r.requestId,
      r.entityRef.toLocaleLowerCase('en-US'),
    ]),
  );
  const reserved = new Map<string, KnownLicenseAmount[]>();
  const streamAmounts = new Map<string, KnownLicenseAmount[]>();
  for (const amount of amounts) {
    const requester = amount.requestId
      ? reservedFor.get(amount.requestId)
      : undefined;
    if (amount.reason === 'reservation' && requester) {
      reserved.set(requester, [...(reserved.get(requester) ?? []), amount]);
      continue;
    }
    const key = JSON.stringify([
      amount.entitlementId,
      amount.reason,
      amount.requestId ?? null,
      amount.productId,
      amount.owner,
      amount.currency,
    ]);
    const list = streamAmounts.get(key) ?? [];
    list.push(amount);
    streamAmounts.set(key, list);
  }

  const consumers = consumerWeights(facts);
  const unused = unusedLicenses(facts);
  const streams: Stream[] = [...streamAmounts.values()].map(list => {
    const template = list[0];
    const byDay = new Map<string, ExactSum>();
    const total = new ExactSum();
    for (const amount of list) {
      byDay.set(
        amount.day,
        (byDay.get(amount.day) ?? new ExactSum()).add(amount.amount),
      );
      total.add(amount.amount);
    }
    return {
      template,
      scale: Math.max(
        currencyScale(template.currency),
        ...list.map(a => parseDecimal(a.amount).places),
      ),
      total: total.toString(),
      days: [...byDay]
        .sort(([a], [b]) => (a < b ? -1 : Number(a > b)))
        .map(([day, sum]) => ({ target: day, weight: sum.toString() })),
      shares: mergeShares([
        ...(consumers.get(template.productId) ?? []),
        {
          target: template.owner,
          weight: weight(unused.get(template.productId) ?? 0),
        },
      ]),
    };
  });

  return {
    unpriced,
    amountsFor(entityRefs) {
      const out: KnownLicenseAmount[] = [];
      for (const ref of entityRefs) out.push(...(reserved.get(ref) ?? []));
      for (const stream of streams) out.push(...partOf(stream, entityRefs));
      return out.sort((a, b) => (a.day < b.day ? -1 : Number(a.day > b.day)));
    },
  };
}

/**
 * The entities' amounts of a stream: their parts of the total added up (one spread for a
 * team rather than one per member), spread like the stream's days.
 */
function partOf(
  stream: Stream,
  entityRefs: ReadonlySet<string>,
): KnownLicenseAmount[] {
  const { template } = stream;
  const part = new ExactSum();
  if (stream.shares.length === 0) {
    if (entityRefs.has(template.owner.toLocaleLowerCase('en-US'))) {
      part.add(stream.total);
    }
  } else {
    stream.parts ??= new Map(
      splitAmount(stream.total, stream.shares, stream.scale).map(p => [
        p.target.toLocaleLowerCase('en-US'),
        p.amount,
      ]),
    );
    for (const ref of entityRefs) {
      const mine = stream.parts.get(ref);
      if (mine !== undefined) part.add(mine);
    }
  }
  const total = part.toString();
  if (total === '0') return [];
  const days = stream.days.filter(d => parseDecimal(d.weight).units > 0n);
  if (days.length === 0) return [];
  return splitAmount(total, days, stream.scale)
    .filter(p => parseDecimal(p.amount).units !== 0n)
    .map(p => ({ ...template, day: p.target, amount: p.amount }));
}

/** A count as a plain decimal weight (never exponent notation). */
function weight(quantity: number): string {
  return quantity.toFixed(6);
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
