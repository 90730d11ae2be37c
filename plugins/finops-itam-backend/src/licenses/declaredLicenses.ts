import {
  LicenseProduct,
  UnknownLicenseProductUse,
} from '@finops-itam/plugin-finops-itam-common';
import { licenseUnits } from './countingRules';
import { StoredSeat } from './LicenseStore';
import type { Consumption, Declaration } from './licenseConsumption';

const entityProduct = (entityRef: string, productId: string) =>
  JSON.stringify([entityRef, productId]);

/**
 * The part of a declaration that adds to the requirement, and why.
 *
 * A declaration (`finops-itam.io/licenses`) states what the entity needs in all, including
 * what cloud bills do not show (on premises, say). BYOL use in cost data is part of that
 * need, so the declaration adds only what BYOL does not count on its busiest day; so on
 * the entity's peak day the requirement is the larger of the two. License-included use came
 * with the bill and offsets nothing. A seat import lists every assigned seat of its
 * product, so for the entities it names it replaces the declaration.
 */
function declaredPart(
  declared: number,
  units: string,
  measured: { byol: number; seatImport: boolean },
): { counted: number; rule: string } {
  const base = `declared ${units} in finops-itam.io/licenses`;
  if (measured.seatImport) {
    return {
      counted: 0,
      rule: `${base}; not added, the seat import already counts this product for the entity`,
    };
  }
  if (measured.byol === 0) return { counted: declared, rule: base };
  if (measured.byol >= declared) {
    return {
      counted: 0,
      rule: `${base}; not added, the BYOL use in cost data (${measured.byol} at its peak) covers it`,
    };
  }
  const added = declared - measured.byol;
  return {
    counted: added,
    rule: `${base}; ${measured.byol} of them are the BYOL use in cost data, ${added} added`,
  };
}

/**
 * Each entity's BYOL use of each product in cost data on its busiest day: the requirement is
 * a concurrent peak, so VMs an autoscaling group replaces count once, not once per instance.
 */
function byolPeaks(costData: Consumption[]): Map<string, number> {
  const perDay = new Map<string, Map<string, number>>();
  for (const c of costData) {
    if (c.entityRef === null || c.model !== 'byol' || !c.resource) continue;
    const key = entityProduct(c.entityRef, c.productId);
    let days = perDay.get(key);
    if (!days) perDay.set(key, (days = new Map()));
    for (const day of c.resource.days)
      days.set(day, (days.get(day) ?? 0) + c.counted);
  }
  const peaks = new Map<string, number>();
  for (const [key, days] of perDay)
    peaks.set(key, Math.max(0, ...days.values()));
  return peaks;
}

/**
 * Consumptions of the catalog declarations, given what cost data and seat imports count for
 * the same entities. Declarations of unknown products are reported in `unknown` instead.
 */
export function declarationConsumptions(input: {
  declarations: Declaration[];
  products: Map<string, LicenseProduct>;
  costData: Consumption[];
  seats: StoredSeat[];
  unknown: UnknownLicenseProductUse[];
}): Consumption[] {
  const byol = byolPeaks(input.costData);
  const seatImported = new Set(
    input.seats
      .filter(s => s.entityRef)
      .map(s => entityProduct(s.entityRef!, s.productId)),
  );

  const consumptions: Consumption[] = [];
  for (const declaration of input.declarations) {
    const product = input.products.get(declaration.productId);
    if (!product) {
      input.unknown.push({
        productId: declaration.productId,
        source: 'catalog',
        entityRef: declaration.entityRef,
        resourceId: null,
        resourceName: null,
      });
      continue;
    }
    const key = entityProduct(declaration.entityRef, product.id);
    const { counted, rule } = declaredPart(
      declaration.quantity,
      licenseUnits(product.metric, declaration.quantity),
      { byol: byol.get(key) ?? 0, seatImport: seatImported.has(key) },
    );
    consumptions.push({
      productId: product.id,
      entityRef: declaration.entityRef,
      model: 'declared',
      counted,
      reason: { source: 'catalog', quantity: counted, rule },
      flags: [],
    });
  }
  return consumptions;
}
