import {
  LicensedFactRow,
  detectLicenses,
} from '../../licenses/costDataLicenses';
import { CostDataLicenseSettings } from '../../licenses/licenseConfig';

/** A Usage cost fact as price reading needs it. */
export interface PriceRow {
  day: string;
  providerName: string | null;
  regionId: string | null;
  resourceId: string | null;
  resourceType: string | null;
  currency: string;
  /** Exact decimal strings. */
  effectiveCost: string;
  consumedQuantity: string;
  skuId: string | null;
  skuPriceDetails: string | null;
  tags: string | null;
}

/** A row's SkuPriceDetails as an object; empty when absent or not JSON. */
export function priceDetailsOf(row: PriceRow): Record<string, unknown> {
  if (!row.skuPriceDetails) return {};
  try {
    const parsed = JSON.parse(row.skuPriceDetails);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

/** The instance type a row names in SkuPriceDetails, as license counting reads it. */
export function instanceTypeOf(row: PriceRow): string | null {
  const details = priceDetailsOf(row);
  for (const field of ['InstanceType', 'x_InstanceType']) {
    const value = details[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

/**
 * The products whose license the row's price includes, detected as the license position
 * detects them (product tags, SKU patterns, `license included` wording).
 */
export function licenseIncludedProductsOf(
  row: PriceRow,
  settings: CostDataLicenseSettings,
): string[] {
  const fact: LicensedFactRow = {
    day: row.day,
    resourceId: row.resourceId,
    resourceName: null,
    providerName: row.providerName,
    resourceType: row.resourceType,
    skuId: row.skuId,
    skuPriceDetails: row.skuPriceDetails,
    tags: row.tags,
    entityRef: null,
  };
  return detectLicenses(fact, settings)
    .filter(d => d.model === 'license-included')
    .map(d => d.productId);
}
