import { DayRange } from '../../database/CostReportStore';

/**
 * Amortized cost of one combination of the columns the compliance report judges: facts of
 * the same resource, place, seller, tags and allocation summed exactly in one currency.
 */
export interface GovernanceCostGroup {
  /** FOCUS `ProviderName` (from 1.3 `ServiceProviderName` when `ProviderName` is absent). */
  providerName: string | null;
  /** FOCUS 1.3 `HostProviderName`: where the resource runs; `Not Applicable` for software. */
  hostProviderName: string | null;
  publisherName: string | null;
  invoiceIssuerName: string | null;
  regionId: string | null;
  resourceId: string | null;
  resourceName: string | null;
  /** FOCUS `Tags` as stored (a JSON object), or null. */
  tags: string | null;
  /** The entity allocation placed the facts on; null when unallocated or in a shared pool. */
  allocatedEntityRef: string | null;
  currency: string;
  /** Exact sum of `EffectiveCost`, a plain decimal string. */
  effectiveCost: string;
}

/** Reads the allocated cost facts of a period for the compliance report. */
export interface GovernanceCostReader {
  /** One group per distinct combination, over the days `[from, to)`. */
  costGroups(days: DayRange): Promise<GovernanceCostGroup[]>;
}
