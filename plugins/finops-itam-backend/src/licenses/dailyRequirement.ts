import { LicenseProduct } from '@finops-itam/plugin-finops-itam-common';
import { addDays, eachDay } from './days';
import { HostDayCounter } from './dedicatedHosts';
import { Consumption, needsEntitlement } from './licenseConsumption';

/** One entity's part of a product's requirement on one day, per consumption model. */
export interface RequirementShare {
  entityRef: string | null;
  model: Consumption['model'];
  /** The entity's requirement that day; fractional for products pooled across the organisation. */
  required: number;
  /**
   * Whole-number weight for exact cost splits: the weights of one product-day and model
   * group (needing an entitlement, or license-included) are proportional to `required`.
   */
  weight: number;
}

/** A product's requirement on one day. */
export interface ProductDay {
  /** Everything but license-included: what entitlements must cover. */
  needed: number;
  licenseIncluded: number;
  byol: number;
  /** Per entity and model, keyed by {@link shareKey}. */
  shares: Map<string, RequirementShare>;
}

/** Product id → day (`YYYY-MM-DD`) → requirement; days without any requirement are absent. */
export type DailyRequirement = Map<string, Map<string, ProductDay>>;

export const shareKey = (model: string, entityRef: string | null) =>
  `${model}\u0000${entityRef ?? ''}`;

/**
 * Products whose subscriptions cover several VMs (`rule.vmsPerLicense`, RHEL: 2) pool their
 * VMs across the whole organisation each day, whoever runs them: 3 VMs in 3 components
 * need 2 subscriptions, not 3.
 */
export const poolsVms = (product: LicenseProduct | undefined) =>
  product?.metric === 'subscription' &&
  product.rule.vmsPerLicense !== undefined;

interface Bucket {
  entityRef: string | null;
  model: Consumption['model'];
  /** Licenses counted per deployment (or declared, or seats). */
  quantity: number;
  /** VMs of a pooled product, counted together at product level. */
  vms: number;
}

/**
 * The requirement of every product on each day from `from` to `to`: the sum over the
 * deployments billed that day of what each needs under the product's counting rule, plus
 * declarations and seats (which have no dates, so they count every day). A deployment counts
 * on the days it was billed and only those, so instances an autoscaling group replaces add up
 * to what runs at once, not to everything ever seen. Pooled products ({@link poolsVms}) are
 * counted per day over all their VMs and shared between entities by VM.
 */
export function dailyRequirement(input: {
  consumptions: Consumption[];
  products: Map<string, LicenseProduct>;
  from: string;
  to: string;
  /** Days outside `from`–`to` to compute too, e.g. the last days of stopped deployments. */
  extraDays?: ReadonlySet<string>;
}): DailyRequirement {
  const { from, to } = input;
  const extra = input.extraDays ?? new Set<string>();
  const buckets = new Map<string, Map<string, Map<string, Bucket>>>();
  const allDays = from <= to ? eachDay(from, to) : [];
  const productBuckets = (productId: string) => {
    let ofProduct = buckets.get(productId);
    if (!ofProduct) buckets.set(productId, (ofProduct = new Map()));
    return ofProduct;
  };
  const bucketOf = (
    ofProduct: Map<string, Map<string, Bucket>>,
    day: string,
    key: string,
    c: Consumption,
  ) => {
    let ofDay = ofProduct.get(day);
    if (!ofDay) ofProduct.set(day, (ofDay = new Map()));
    let bucket = ofDay.get(key);
    if (!bucket)
      ofDay.set(
        key,
        (bucket = {
          entityRef: c.entityRef,
          model: c.model,
          quantity: 0,
          vms: 0,
        }),
      );
    return bucket;
  };
  // VMs on a dedicated host that licenses the product are counted on the host, day by day.
  const hosts = new HostDayCounter<Consumption>();
  // One pass over resource-days: the lookups that do not depend on the day are made once.
  for (const c of input.consumptions) {
    const product = input.products.get(c.productId);
    if (!product) continue;
    // A software charge runs nowhere: it is listed, never counted.
    if (c.resource?.softwareCharge) continue;
    if (hosts.addBilledDays(product, c, from, to)) continue;
    const pooled = Boolean(c.resource) && poolsVms(product);
    if (!pooled && c.counted === 0) continue;
    const ofProduct = productBuckets(c.productId);
    const key = shareKey(c.model, c.entityRef);
    for (const day of c.resource ? c.resource.days : allDays) {
      if ((day < from || day > to) && !extra.has(day)) continue;
      const bucket = bucketOf(ofProduct, day, key, c);
      if (pooled) bucket.vms += 1;
      else bucket.quantity += c.counted;
    }
  }
  for (const { consumption: c, day, quantity } of hosts.shares()) {
    if (quantity > 0)
      bucketOf(
        productBuckets(c.productId),
        day,
        shareKey(c.model, c.entityRef),
        c,
      ).quantity += quantity;
  }

  const result: DailyRequirement = new Map();
  for (const [productId, days] of buckets) {
    const per = Math.max(
      1,
      input.products.get(productId)?.rule.vmsPerLicense ?? 1,
    );
    const ofProduct = new Map<string, ProductDay>();
    for (const [day, ofDay] of days) ofProduct.set(day, settleDay(ofDay, per));
    result.set(productId, ofProduct);
  }
  return result;
}

/** Totals and shares of one product-day; pooled VMs round up once, at product level. */
function settleDay(ofDay: Map<string, Bucket>, per: number): ProductDay {
  const vms = { needed: 0, included: 0 };
  let neededQuantity = 0;
  let includedQuantity = 0;
  let byolQuantity = 0;
  let byolVms = 0;
  for (const b of ofDay.values()) {
    if (b.model === 'license-included') {
      vms.included += b.vms;
      includedQuantity += b.quantity;
    } else {
      vms.needed += b.vms;
      neededQuantity += b.quantity;
    }
    if (b.model === 'byol') {
      byolQuantity += b.quantity;
      byolVms += b.vms;
    }
  }
  const pool = {
    needed: Math.ceil(vms.needed / per),
    included: Math.ceil(vms.included / per),
  };
  const shares = new Map<string, RequirementShare>();
  for (const [key, b] of ofDay) {
    const side = b.model === 'license-included' ? 'included' : 'needed';
    const poolVms = vms[side];
    // Scaled by the pool's VMs so that a VM's fraction of the pool stays a whole number.
    const scale = poolVms > 0 ? poolVms : 1;
    const required =
      b.quantity + (b.vms > 0 ? (pool[side] * b.vms) / poolVms : 0);
    if (required === 0) continue;
    shares.set(key, {
      entityRef: b.entityRef,
      model: b.model,
      required,
      weight: b.quantity * scale + pool[side] * b.vms,
    });
  }
  return {
    needed: neededQuantity + pool.needed,
    licenseIncluded: includedQuantity + pool.included,
    byol: byolQuantity + Math.ceil(byolVms / per),
    shares,
  };
}

/** The evaluation window: `days` complete days up to the latest complete day of cost data. */
export function evaluationWindow(
  today: string,
  latestCostDay: string | null,
  days: number,
): { from: string; to: string } {
  const yesterday = addDays(today, -1);
  const to =
    latestCostDay && latestCostDay < yesterday ? latestCostDay : yesterday;
  return { from: addDays(to, -(days - 1)), to };
}

/** What a product needed over the evaluation window. */
export interface ProductPeak {
  /** Highest daily requirement (license-included included) and its breakdown on that day. */
  required: number;
  byolRequired: number;
  licenseIncludedRequired: number;
  /** The day of the peak of what entitlements must cover (the latest such day); null without any. */
  peakDay: string | null;
  /** Requirement on the latest complete day. */
  requiredNow: number;
  /** Daily requirement needing an entitlement, from the product's first day in the window. */
  series: Array<{ day: string; value: number }>;
}

const EMPTY_DAY: ProductDay = {
  needed: 0,
  licenseIncluded: 0,
  byol: 0,
  shares: new Map(),
};

/**
 * A product's peak over the window. The peak day is the day entitlements must cover the
 * most (the latest of equal days), or, for a product only ever license-included, the day
 * with the most license-included use; `required`, `byolRequired` and
 * `licenseIncludedRequired` are that day's, so the position adds up on one day.
 */
export function productPeak(
  days: Map<string, ProductDay> | undefined,
  window: { from: string; to: string },
): ProductPeak {
  const windowDays = eachDay(window.from, window.to);
  let peakDay: string | null = null;
  let peak = EMPTY_DAY;
  const series: Array<{ day: string; value: number }> = [];
  for (const day of windowDays) {
    const d = days?.get(day) ?? EMPTY_DAY;
    if (series.length > 0 || d.needed > 0)
      series.push({ day, value: d.needed });
    const better =
      d.needed > peak.needed ||
      (d.needed === peak.needed && d.needed > 0) ||
      (peak.needed === 0 &&
        d.needed === 0 &&
        d.licenseIncluded > 0 &&
        d.licenseIncluded >= peak.licenseIncluded);
    if (better) {
      peak = d;
      peakDay = day;
    }
  }
  const now = days?.get(window.to) ?? EMPTY_DAY;
  return {
    required: peak.needed + peak.licenseIncluded,
    byolRequired: peak.byol,
    licenseIncludedRequired: peak.licenseIncluded,
    peakDay,
    requiredNow: now.needed + now.licenseIncluded,
    series,
  };
}

/** Rounded for display: pooled shares are fractions of a license. */
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * What a set of entities (one, or the members of a System or Domain) needed of a product
 * under some models: their highest combined daily requirement over the window. Their own
 * peak day rather than their share on the product's peak day, because that is what their
 * deployments needed at once.
 */
export function entitiesPeak(
  days: Map<string, ProductDay> | undefined,
  models: ReadonlySet<Consumption['model']>,
  entityRefs: ReadonlySet<string>,
  window: { from: string; to: string },
): number {
  if (!days) return 0;
  let peak = 0;
  for (const day of eachDay(window.from, window.to)) {
    const d = days.get(day);
    if (!d) continue;
    let sum = 0;
    for (const share of d.shares.values()) {
      if (
        models.has(share.model) &&
        share.entityRef !== null &&
        entityRefs.has(share.entityRef)
      )
        sum += share.required;
    }
    if (sum > peak) peak = sum;
  }
  return round(peak);
}

/** One entity's requirement of a product under one model on a day. */
export function entityRequirementOn(
  days: Map<string, ProductDay> | undefined,
  day: string,
  model: Consumption['model'],
  entityRef: string | null,
): number {
  return days?.get(day)?.shares.get(shareKey(model, entityRef))?.required ?? 0;
}

/**
 * Requirement share rows needing an entitlement, as the daily shares table stores them: per
 * product, day and entity (models summed), with the product's requirement that day.
 */
export function neededShares(daily: DailyRequirement): Array<{
  productId: string;
  day: string;
  entityRef: string | null;
  required: number;
  weight: number;
  productRequired: number;
}> {
  const rows = [];
  for (const [productId, days] of daily) {
    for (const [day, d] of days) {
      if (d.needed === 0) continue;
      const byEntity = new Map<
        string,
        { entityRef: string | null; required: number; weight: number }
      >();
      for (const share of d.shares.values()) {
        if (!needsEntitlement({ model: share.model } as Consumption)) continue;
        const key = share.entityRef ?? '';
        const row = byEntity.get(key) ?? {
          entityRef: share.entityRef,
          required: 0,
          weight: 0,
        };
        row.required += share.required;
        row.weight += share.weight;
        byEntity.set(key, row);
      }
      for (const row of byEntity.values())
        rows.push({ productId, day, ...row, productRequired: d.needed });
    }
  }
  return rows;
}
