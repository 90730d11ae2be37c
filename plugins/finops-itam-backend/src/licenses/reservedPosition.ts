import {
  LicensePositionEntry,
  LicenseProduct,
} from '@finops-itam/plugin-finops-itam-common';
import type { LicenseReservation } from '../feature/hooks';
import { Consumption } from './licenseConsumption';
import { compare, statusOf } from './licensePosition';
import { annualCostOf } from './listPriceBasis';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The reservations still waiting for their workload: one whose entity already uses the
 * product (in cost data, a seat import or a declaration) is dropped, because that use is
 * counted in the position and counting the reservation too would count it twice.
 */
export function pendingReservations(
  reservations: LicenseReservation[],
  consumptions: Consumption[],
): LicenseReservation[] {
  const using = new Set(
    consumptions
      .filter(c => c.entityRef !== null)
      .map(c => JSON.stringify([c.productId, c.entityRef])),
  );
  return reservations.filter(
    r =>
      r.quantity > 0 &&
      !using.has(JSON.stringify([r.productId, lower(r.entityRef)])),
  );
}

/** An entry for a product that only reservations name: nothing entitled, nothing used yet. */
function emptyEntry(product: LicenseProduct): LicensePositionEntry {
  return {
    productId: product.id,
    productName: product.name,
    metric: product.metric,
    entitled: 0,
    required: 0,
    requiredNow: 0,
    peakDay: null,
    byolRequired: 0,
    licenseIncludedRequired: 0,
    position: 0,
    status: 'compliant',
    exposure: null,
    trueUpDate: null,
    projectedAtTrueUp: null,
    shelfware: 0,
    unknownSizeResources: 0,
    licenseEntityRef: null,
  };
}

/**
 * The position with what approved onboarding requests hold: `reserved` is taken from the
 * free quantity after edition conversions, so a reservation can turn a surplus into a
 * shortage (with its exposure) before the workload is deployed. A product only reservations
 * name still gets an entry; reservations of products nobody defined are left out (the
 * onboarding feature refuses them when the request is filed). A non-compliant product stays
 * non-compliant whatever the numbers.
 */
export function applyReservations(
  position: LicensePositionEntry[],
  input: {
    products: Map<string, LicenseProduct>;
    consumptions: Consumption[];
    reservations: LicenseReservation[];
  },
): LicensePositionEntry[] {
  const pending = pendingReservations(input.reservations, input.consumptions);
  if (pending.length === 0) return position;
  const byProduct = new Map<string, LicenseReservation[]>();
  for (const r of pending) {
    if (!input.products.has(r.productId)) continue;
    byProduct.set(r.productId, [...(byProduct.get(r.productId) ?? []), r]);
  }
  const entries = new Map(position.map(e => [e.productId, e]));
  for (const productId of byProduct.keys()) {
    if (!entries.has(productId)) {
      entries.set(productId, emptyEntry(input.products.get(productId)!));
    }
  }
  return [...entries.values()]
    .sort((a, b) => compare(a.productId, b.productId))
    .map(entry => {
      const held = byProduct.get(entry.productId);
      if (!held) return entry;
      const reservations = mergeByRequest(held);
      const reserved = reservations.reduce((sum, r) => sum + r.quantity, 0);
      const value = entry.position - reserved;
      return {
        ...entry,
        reserved,
        reservations,
        position: value,
        status:
          entry.status === 'non-compliant' ? entry.status : statusOf(value),
        exposure: annualCostOf(
          input.products.get(entry.productId)!.listPrice,
          Math.max(0, -value),
        ),
        shelfware: Math.max(0, value),
      };
    });
}

/** One line per request and entity, whatever number of deployments the request plans. */
function mergeByRequest(
  reservations: LicenseReservation[],
): NonNullable<LicensePositionEntry['reservations']> {
  const merged = new Map<
    string,
    { requestId: string; entityRef: string; quantity: number }
  >();
  for (const r of reservations) {
    const entityRef = lower(r.entityRef);
    const key = JSON.stringify([r.requestId, entityRef]);
    const line = merged.get(key);
    if (line) line.quantity += r.quantity;
    else
      merged.set(key, {
        requestId: r.requestId,
        entityRef,
        quantity: r.quantity,
      });
  }
  return [...merged.values()].sort(
    (a, b) =>
      compare(a.requestId, b.requestId) || compare(a.entityRef, b.entityRef),
  );
}
