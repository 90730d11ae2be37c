import {
  LicenseCatalogProduct,
  LicenseEntitlement,
  LicensePositionEntry,
  LicensePositionStatus,
  LicenseProduct,
  ReharvestCandidate,
  licenseResourceEntityRef,
} from '@finops-itam/plugin-finops-itam-common';
import { Consumption, needsEntitlement } from './licenseConsumption';
import { addDays, daysBetween } from './days';
import { annualCostOf } from './listPriceBasis';

/** Code-unit order, so answers do not depend on the server's locale. */
export function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Entitlements in force on a day. */
export const isActiveOn = (e: LicenseEntitlement, day: string) => e.termStart <= day && day <= e.termEnd;

export function statusOf(position: number): LicensePositionStatus {
  if (position < 0) return 'shortage';
  return position > 0 ? 'surplus' : 'compliant';
}

/**
 * Least-squares slope of a daily series, in units per day; 0 with fewer than two days.
 * The trend behind `projectedAtTrueUp`: a straight line through the daily requirement of
 * the cost history, extended from today to the true-up date.
 */
export function dailySlope(series: Array<{ day: string; value: number }>): number {
  if (series.length < 2) return 0;
  const first = series[0].day;
  const xs = series.map(p => daysBetween(first, p.day));
  const meanX = xs.reduce((s, x) => s + x, 0) / xs.length;
  const meanY = series.reduce((s, p) => s + p.value, 0) / series.length;
  let num = 0;
  let den = 0;
  series.forEach((p, i) => {
    num += (xs[i] - meanX) * (p.value - meanY);
    den += (xs[i] - meanX) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

export interface PositionInput {
  products: Map<string, LicenseProduct>;
  entitlements: LicenseEntitlement[];
  consumptions: Consumption[];
  /** Daily requirement from cost data per product (needing an entitlement), oldest first. */
  trend: Map<string, Array<{ day: string; value: number }>>;
  today: string;
}

/** The effective license position of every product with an entitlement or a consumption. */
export function computePosition(input: PositionInput): LicensePositionEntry[] {
  const ids = new Set([
    ...input.entitlements.map(e => e.productId),
    ...input.consumptions.map(c => c.productId),
  ]);
  const entries: LicensePositionEntry[] = [];
  for (const productId of [...ids].sort()) {
    const product = input.products.get(productId);
    if (!product) continue; // reported as unknown products instead
    const entitlements = input.entitlements.filter(e => e.productId === productId);
    const active = entitlements.filter(e => isActiveOn(e, input.today));
    const consumptions = input.consumptions.filter(c => c.productId === productId);
    const sum = (list: Consumption[]) => list.reduce((s, c) => s + c.counted, 0);
    const entitled = active.reduce((s, e) => s + e.quantity, 0);
    const required = sum(consumptions);
    const licenseIncludedRequired = sum(consumptions.filter(c => c.model === 'license-included'));
    const byolRequired = sum(consumptions.filter(c => c.model === 'byol'));
    const needed = required - licenseIncludedRequired;
    const position = entitled - needed;
    const shortage = Math.max(0, -position);
    const exposure = annualCostOf(product.listPrice, shortage);
    const trueUpDate =
      entitlements.map(e => e.trueUpDate).filter((d): d is string => !!d && d >= input.today).sort()[0] ?? null;
    let projectedAtTrueUp: number | null = null;
    if (trueUpDate) {
      const slope = dailySlope(input.trend.get(productId) ?? []);
      projectedAtTrueUp = Math.max(0, Math.ceil(needed + slope * daysBetween(input.today, trueUpDate)));
    }
    entries.push({
      productId,
      productName: product.name,
      metric: product.metric,
      entitled,
      required,
      byolRequired,
      licenseIncludedRequired,
      position,
      status: statusOf(position),
      exposure,
      trueUpDate,
      projectedAtTrueUp,
      shelfware: Math.max(0, position),
      unknownSizeResources: consumptions.filter(c => c.flags.some(f => f.kind === 'unknown-size')).length,
      licenseEntityRef: entitlements.length > 0 ? licenseResourceEntityRef(productId) : null,
    });
  }
  return entries;
}

/** What the catalog module needs to emit a `software-license` Resource per entitled product. */
export function computeCatalogProducts(
  input: PositionInput & { position: LicensePositionEntry[]; knownEntityRefs: Set<string> },
): LicenseCatalogProduct[] {
  const byProduct = new Map(input.position.map(p => [p.productId, p]));
  const withEntitlement = [...new Set(input.entitlements.map(e => e.productId))].sort();
  return withEntitlement.flatMap(productId => {
    const product = input.products.get(productId);
    const entry = byProduct.get(productId);
    if (!product || !entry) return [];
    const owner = [...input.entitlements].filter(e => e.productId === productId).sort((a, b) => (a.id < b.id ? -1 : 1))[0].owner;
    const consumers = [
      ...new Set(
        input.consumptions
          .filter(c => c.productId === productId && c.entityRef && input.knownEntityRefs.has(c.entityRef))
          .map(c => c.entityRef!),
      ),
    ].sort();
    return [{
      productId,
      productName: product.name,
      publisher: product.publisher,
      metric: product.metric,
      owner,
      entitled: entry.entitled,
      required: entry.required,
      consumers,
    }];
  });
}

export interface ReharvestInput {
  consumptions: Consumption[];
  /** Lowercase refs of catalog entities and their lifecycle. */
  lifecycles: Map<string, string | undefined>;
  today: string;
  latestCostDay: string | null;
  inactiveSeatDays: number;
  absentAfterDays: number;
}

/**
 * Licenses that could be reclaimed: consumption of deprecated components and of entities
 * gone from the catalog, seats unused for `inactiveSeatDays`, and resources missing from
 * cost data for `absentAfterDays`. License-included use releases nothing and is left out.
 */
export function computeReharvest(input: ReharvestInput): ReharvestCandidate[] {
  const candidates: ReharvestCandidate[] = [];
  const seatCutoff = addDays(input.today, -input.inactiveSeatDays);
  const absentCutoff = input.latestCostDay ? addDays(input.latestCostDay, -input.absentAfterDays) : null;
  for (const c of input.consumptions.filter(needsEntitlement)) {
    const base = {
      productId: c.productId,
      entityRef: c.entityRef,
      resourceId: c.resource?.resourceId ?? null,
      quantity: c.counted,
    };
    const what = c.resource ? ` (${c.resource.resourceName ?? c.resource.key})` : '';
    if (c.entityRef && input.lifecycles.has(c.entityRef)) {
      if (input.lifecycles.get(c.entityRef) === 'deprecated') {
        candidates.push({ ...base, reason: 'deprecated-component', detail: `${c.entityRef} is deprecated${what}` });
        continue;
      }
    } else if (c.entityRef) {
      candidates.push({ ...base, reason: 'entity-missing', detail: `${c.entityRef} is no longer in the catalog${what}` });
      continue;
    }
    if (c.seat && (!c.seat.lastActive || c.seat.lastActive < seatCutoff)) {
      candidates.push({
        ...base,
        reason: 'inactive-seat',
        detail: c.seat.lastActive
          ? `seat ${c.seat.user} inactive since ${c.seat.lastActive}`
          : `seat ${c.seat.user} never used`,
      });
      continue;
    }
    if (c.resource && absentCutoff && c.resource.lastSeen < absentCutoff) {
      candidates.push({
        ...base,
        reason: 'resource-absent',
        detail: `${c.resource.resourceName ?? c.resource.key} absent from cost data since ${c.resource.lastSeen}`,
      });
    }
  }
  return candidates
    .filter(c => c.quantity > 0)
    .sort((a, b) => compare(a.productId, b.productId) || compare(a.detail, b.detail));
}
