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

/** Instance prices the organisation already pays, read from its cost data. */
export interface ObservedPriceStore {
  /**
   * The price per instance-hour of each requested type, per region and currency it was
   * billed in over the days; types not billed then are absent (never a price of 0).
   */
  recentPrices(query: ObservedPriceQuery): Promise<ObservedUnitPrice[]>;
}
