import { Decimal } from 'decimal.js';
import {
  EntityLicenseUsage,
  LicenseMoney,
} from '@finops-itam/plugin-finops-itam-common';

/**
 * A product's monthly cost share in every currency it is bought in; from a backend that only
 * sends `monthlyCost`, that one amount.
 */
export function monthlyCostsOf(product: EntityLicenseUsage): LicenseMoney[] {
  if (product.monthlyCosts) {
    return product.monthlyCosts;
  }
  return product.monthlyCost ? [product.monthlyCost] : [];
}

/**
 * The entity's monthly license cost, one total per currency: amounts are added exactly with
 * decimal.js and never across currencies, since the API does not convert them.
 */
export function monthlyCostByCurrency(
  products: EntityLicenseUsage[],
): LicenseMoney[] {
  const totals = new Map<string, Decimal>();
  for (const cost of products.flatMap(monthlyCostsOf)) {
    const sum = totals.get(cost.currency) ?? new Decimal(0);
    totals.set(cost.currency, sum.plus(cost.amount));
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({ currency, amount: amount.toFixed() }));
}

/** Whether a product needs attention: short of entitlements or carrying any flag. */
export function needsAttention(product: EntityLicenseUsage): boolean {
  return !product.covered || product.flags.length > 0;
}

/** Products that need attention first, then by name, so problems are seen without scrolling. */
export function sortForReading(
  products: EntityLicenseUsage[],
): EntityLicenseUsage[] {
  return [...products].sort(
    (a, b) =>
      Number(a.covered) - Number(b.covered) ||
      b.flags.length - a.flags.length ||
      a.productName.localeCompare(b.productName),
  );
}
