import { LicenseIncludedPrice } from '../checks/licenseIncludedPremium';
import { ObservedUnitPrice } from '../checks/types';

/** Which instance prices to read, and over which days. */
export interface ObservedPriceQuery {
  /** The instance types a plan names, with the provider it names for each. */
  instanceTypes: Array<{ provider: string; instanceType: string }>;
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Day after the last, `YYYY-MM-DD` (exclusive). */
  to: string;
}

/** Which products' license-included premiums to read, and over which days. */
export interface LicenseIncludedPriceQuery {
  productIds: string[];
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Day after the last, `YYYY-MM-DD` (exclusive). */
  to: string;
}

/** Prices the organisation already pays, read from its cost data. */
export interface ObservedPriceStore {
  /**
   * The price per instance-hour of each requested type, per region and currency it was
   * billed in over the days, from rows that include no license; types not billed then are
   * absent (never a price of 0).
   */
  recentPrices(query: ObservedPriceQuery): Promise<ObservedUnitPrice[]>;
  /**
   * What license-included instances cost per vCPU-hour above the same types without the
   * license, per product, provider, region and currency; products never billed
   * license-included (next to the same type without it) are absent.
   */
  licenseIncludedPrices(
    query: LicenseIncludedPriceQuery,
  ): Promise<LicenseIncludedPrice[]>;
}
