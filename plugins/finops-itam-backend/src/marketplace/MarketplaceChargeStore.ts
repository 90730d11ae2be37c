/**
 * Marketplace candidates of a period summed per seller, issuer, provider, currency,
 * resource, owner and product columns: rows whose seller and invoice issuer are both given
 * and spelled differently. Whether they really differ (`AWS` vs `Amazon Web Services`) is
 * decided by the caller, which knows the providers' aliases.
 */
export interface MarketplaceCharge {
  publisherName: string;
  invoiceIssuerName: string;
  providerName: string | null;
  hostProviderName: string | null;
  currency: string;
  resourceId: string | null;
  /** The allocated owner; null when allocation left the rows unallocated. */
  ownerRef: string | null;
  tags: string | null;
  skuId: string | null;
  skuPriceDetails: string | null;
  /** Σ EffectiveCost (amortized), exact. */
  effectiveCost: string;
  /** Σ BilledCost (cash), exact. */
  billedCost: string;
}

/** Reads marketplace charges from the allocated cost facts. */
export interface MarketplaceChargeStore {
  /** Charges in the half-open period `[from, to)`. */
  marketplaceCharges(from: string, to: string): Promise<MarketplaceCharge[]>;
}
