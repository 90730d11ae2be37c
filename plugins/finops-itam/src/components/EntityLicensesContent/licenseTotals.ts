import { Decimal } from 'decimal.js';
import {
  EntityLicenseUsage,
  LicenseMoney,
} from '@finops-itam/plugin-finops-itam-common';

/**
 * The entity's monthly license cost, one total per currency: amounts are added exactly with
 * decimal.js and never across currencies, since the API does not convert them.
 */
export function monthlyCostByCurrency(
  products: EntityLicenseUsage[],
): LicenseMoney[] {
  const totals = new Map<string, Decimal>();
  for (const { monthlyCost } of products) {
    if (monthlyCost) {
      const sum = totals.get(monthlyCost.currency) ?? new Decimal(0);
      totals.set(monthlyCost.currency, sum.plus(monthlyCost.amount));
    }
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
