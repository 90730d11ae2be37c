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
import {
  DailyRequirement,
  entityRequirementOn,
  poolsVms,
  productPeak,
} from './dailyRequirement';
import { annualCostOf } from './listPriceBasis';

/** Code-unit order, so answers do not depend on the server's locale. */
export function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Entitlements in force on a day. */
export const isActiveOn = (e: LicenseEntitlement, day: string) =>
  e.termStart <= day && day <= e.termEnd;

export function statusOf(position: number): LicensePositionStatus {
  if (position < 0) return 'shortage';
  return position > 0 ? 'surplus' : 'compliant';
}

/**
 * Least-squares slope of a daily series, in units per day; 0 with fewer than two days.
 * The trend behind `projectedAtTrueUp`: a straight line through the daily requirement of
 * the cost history, extended from today to the true-up date.
 */
export function dailySlope(
  series: Array<{ day: string; value: number }>,
): number {
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
  /** Requirement per product and day (`dailyRequirement`), covering at least the window. */
  daily: DailyRequirement;
  /** The evaluation window: complete days up to the latest complete day of cost data. */
  window: { from: string; to: string };
  today: string;
}

/**
 * The effective license position of every product with an entitlement or a consumption.
 * `required` is the product's concurrent peak: the highest daily requirement over the
 * evaluation window, with its breakdown on that day; `requiredNow` the latest complete day.
 */
export function computePosition(input: PositionInput): LicensePositionEntry[] {
  const ids = new Set([
    ...input.entitlements.map(e => e.productId),
    ...input.consumptions.map(c => c.productId),
  ]);
  const entries: LicensePositionEntry[] = [];
  for (const productId of [...ids].sort()) {
    const product = input.products.get(productId);
    if (!product) continue; // reported as unknown products instead
    const entitlements = input.entitlements.filter(
      e => e.productId === productId,
    );
    const active = entitlements.filter(e => isActiveOn(e, input.today));
    const consumptions = input.consumptions.filter(
      c => c.productId === productId,
    );
    const entitled = active.reduce((s, e) => s + e.quantity, 0);
    const peak = productPeak(input.daily.get(productId), input.window);
    const { required, licenseIncludedRequired, byolRequired } = peak;
    const needed = required - licenseIncludedRequired;
    const position = entitled - needed;
    const shortage = Math.max(0, -position);
    const exposure = annualCostOf(product.listPrice, shortage);
    const trueUpDate =
      entitlements
        .map(e => e.trueUpDate)
        .filter((d): d is string => !!d && d >= input.today)
        .sort()[0] ?? null;
    let projectedAtTrueUp: number | null = null;
    if (trueUpDate) {
      // The daily series extended from its last day (the latest complete one) to the true-up.
      const slope = dailySlope(peak.series);
      projectedAtTrueUp = Math.max(
        0,
        Math.ceil(needed + slope * daysBetween(input.window.to, trueUpDate)),
      );
    }
    entries.push({
      productId,
      productName: product.name,
      metric: product.metric,
      entitled,
      required,
      requiredNow: peak.requiredNow,
      peakDay: peak.peakDay,
      byolRequired,
      licenseIncludedRequired,
      position,
      status: statusOf(position),
      exposure,
      trueUpDate,
      projectedAtTrueUp,
      shelfware: Math.max(0, position),
      unknownSizeResources: consumptions.filter(c =>
        c.flags.some(f => f.kind === 'unknown-size'),
      ).length,
      licenseEntityRef:
        entitlements.length > 0 ? licenseResourceEntityRef(productId) : null,
    });
  }
  return entries;
}

/** What the catalog module needs to emit a `software-license` Resource per entitled product. */
export function computeCatalogProducts(
  input: Pick<PositionInput, 'products' | 'entitlements' | 'consumptions'> & {
    position: LicensePositionEntry[];
    knownEntityRefs: Set<string>;
  },
): LicenseCatalogProduct[] {
  const byProduct = new Map(input.position.map(p => [p.productId, p]));
  const withEntitlement = [
    ...new Set(input.entitlements.map(e => e.productId)),
  ].sort();
  return withEntitlement.flatMap(productId => {
    const product = input.products.get(productId);
    const entry = byProduct.get(productId);
    if (!product || !entry) return [];
    const owner = [...input.entitlements]
      .filter(e => e.productId === productId)
      .sort((a, b) => (a.id < b.id ? -1 : 1))[0].owner;
    const consumers = [
      ...new Set(
        input.consumptions
          .filter(
            c =>
              c.productId === productId &&
              c.entityRef &&
              input.knownEntityRefs.has(c.entityRef),
          )
          .map(c => c.entityRef!),
      ),
    ].sort();
    return [
      {
        productId,
        productName: product.name,
        publisher: product.publisher,
        metric: product.metric,
        owner,
        entitled: entry.entitled,
        required: entry.required,
        consumers,
      },
    ];
  });
}

export interface ReharvestInput {
  consumptions: Consumption[];
  products: Map<string, LicenseProduct>;
  /** Requirement per product and day, covering the resources' last days and the window's end. */
  daily: DailyRequirement;
  window: { from: string; to: string };
  /** Lowercase refs of catalog entities and their lifecycle. */
  lifecycles: Map<string, string | undefined>;
  today: string;
  latestCostDay: string | null;
  inactiveSeatDays: number;
  absentAfterDays: number;
}

/**
 * Licenses that could be reclaimed: consumption of deprecated components and of entities
 * gone from the catalog, seats unused for `inactiveSeatDays`, and deployments missing from
 * cost data for `absentAfterDays` whose licenses were freed. License-included use releases
 * nothing and is left out.
 *
 * A deployment that stopped frees licenses only when its entity's requirement fell back: an
 * instance an autoscaling group replaced stopped too, but its successor took its licenses.
 * The freed quantity of an entity (its requirement on the deployment's last day minus its
 * requirement on the latest complete day) goes to its stopped deployments, latest first.
 * Deployments of deprecated or missing entities count while they still run.
 */
export function computeReharvest(input: ReharvestInput): ReharvestCandidate[] {
  const candidates: ReharvestCandidate[] = [];
  const seatCutoff = addDays(input.today, -input.inactiveSeatDays);
  const absentCutoff = input.latestCostDay
    ? addDays(input.latestCostDay, -input.absentAfterDays)
    : null;
  const stopped: Consumption[] = [];
  for (const c of input.consumptions.filter(needsEntitlement)) {
    const base = {
      productId: c.productId,
      entityRef: c.entityRef,
      resourceId: c.resource?.resourceId ?? null,
      quantity: c.counted,
    };
    const what = c.resource
      ? ` (${c.resource.resourceName ?? c.resource.key})`
      : '';
    const running = !c.resource || c.resource.lastSeen >= input.window.to;
    if (running && c.entityRef && input.lifecycles.has(c.entityRef)) {
      if (input.lifecycles.get(c.entityRef) === 'deprecated') {
        candidates.push({
          ...base,
          reason: 'deprecated-component',
          detail: `${c.entityRef} is deprecated${what}`,
        });
        continue;
      }
    } else if (running && c.entityRef) {
      candidates.push({
        ...base,
        reason: 'entity-missing',
        detail: `${c.entityRef} is no longer in the catalog${what}`,
      });
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
    if (c.resource && absentCutoff && c.resource.lastSeen < absentCutoff)
      stopped.push(c);
  }
  candidates.push(...freedByStoppedDeployments(stopped, input));
  return candidates
    .filter(c => c.quantity > 0)
    .sort(
      (a, b) =>
        compare(a.productId, b.productId) || compare(a.detail, b.detail),
    );
}

const round = (n: number) => Math.round(n * 100) / 100;

function freedByStoppedDeployments(
  stopped: Consumption[],
  input: ReharvestInput,
): ReharvestCandidate[] {
  const left = new Map<string, number>();
  const candidates: ReharvestCandidate[] = [];
  const latestFirst = [...stopped].sort(
    (a, b) =>
      compare(b.resource!.lastSeen, a.resource!.lastSeen) ||
      compare(a.resource!.key, b.resource!.key),
  );
  for (const c of latestFirst) {
    const resource = c.resource!;
    const days = input.daily.get(c.productId);
    const key = JSON.stringify([c.productId, c.model, c.entityRef]);
    let freed = left.get(key);
    if (freed === undefined) {
      const then = entityRequirementOn(
        days,
        resource.lastSeen,
        c.model,
        c.entityRef,
      );
      const now = entityRequirementOn(
        days,
        input.window.to,
        c.model,
        c.entityRef,
      );
      freed = Math.max(0, then - now);
    }
    // A pooled VM holds a fraction of a subscription; others hold what they were counted.
    const held = poolsVms(input.products.get(c.productId)) ? freed : c.counted;
    const quantity = round(Math.min(held, freed));
    left.set(key, freed - quantity);
    if (quantity <= 0) continue;
    candidates.push({
      productId: c.productId,
      entityRef: c.entityRef,
      resourceId: resource.resourceId,
      quantity,
      reason: 'resource-absent',
      detail: `${
        resource.resourceName ?? resource.key
      } absent from cost data since ${resource.lastSeen}`,
    });
  }
  return candidates;
}
