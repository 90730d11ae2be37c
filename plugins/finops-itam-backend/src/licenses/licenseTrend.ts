import { LicenseProduct } from '@finops-itam/plugin-finops-itam-common';
import { LicensedResource } from './costDataLicenses';
import { eachDay } from './days';
import { Consumption, needsEntitlement } from './licenseConsumption';

export type LicenseTrend = Map<string, Array<{ day: string; value: number }>>;

/**
 * Requirement per day, counted with the same rules as today's, for each product from the
 * first day it appears in the cost window to the latest cost day. Starting at the first
 * appearance keeps days before any data from reading as a ramp up from zero.
 *
 * Built from today's cost-data consumptions instead of recounting every day: a VM's count
 * depends only on its own size, so each is added to the days it was billed; subscriptions,
 * whose count depends on how many VMs of an entity share them, are counted per day and
 * group. The work is one pass over resource-days, not days × resources.
 */
export function licenseTrend(input: {
  resources: LicensedResource[];
  consumptions: Consumption[];
  products: Map<string, LicenseProduct>;
  latestDay: string | null;
}): LicenseTrend {
  const trend: LicenseTrend = new Map();
  if (!input.latestDay || input.resources.length === 0) return trend;
  const firstSeen = new Map<string, string>();
  for (const resource of input.resources) {
    let first: string | undefined;
    for (const day of resource.days)
      if (first === undefined || day < first) first = day;
    for (const productId of resource.detections.keys()) {
      const earlier = firstSeen.get(productId);
      if (!earlier || first! < earlier) firstSeen.set(productId, first!);
    }
  }

  const totals = new Map<string, Map<string, number>>();
  const add = (day: string, productId: string, value: number) => {
    let ofDay = totals.get(day);
    if (!ofDay) totals.set(day, (ofDay = new Map()));
    ofDay.set(productId, (ofDay.get(productId) ?? 0) + value);
  };
  // Subscription VMs per day and (product, entity, model), as costDataConsumptions groups them.
  const subscriptionVms = new Map<
    string,
    { productId: string; perLicense: number; vms: number }
  >();
  for (const c of input.consumptions) {
    if (!c.resource || !needsEntitlement(c)) continue;
    const product = input.products.get(c.productId);
    if (product?.metric === 'subscription') {
      for (const day of c.resource.days) {
        const key = JSON.stringify([day, c.productId, c.entityRef, c.model]);
        const group = subscriptionVms.get(key) ?? {
          productId: c.productId,
          perLicense: Math.max(1, product.rule.vmsPerLicense ?? 1),
          vms: 0,
        };
        group.vms += 1;
        subscriptionVms.set(key, group);
      }
    } else {
      for (const day of c.resource.days) add(day, c.productId, c.counted);
    }
  }
  for (const [key, group] of subscriptionVms) {
    add(
      JSON.parse(key)[0],
      group.productId,
      Math.ceil(group.vms / group.perLicense),
    );
  }

  const start = [...firstSeen.values()].sort()[0];
  for (const productId of firstSeen.keys()) trend.set(productId, []);
  for (const day of eachDay(start, input.latestDay)) {
    for (const [productId, first] of firstSeen) {
      if (day >= first)
        trend
          .get(productId)!
          .push({ day, value: totals.get(day)?.get(productId) ?? 0 });
    }
  }
  return trend;
}
