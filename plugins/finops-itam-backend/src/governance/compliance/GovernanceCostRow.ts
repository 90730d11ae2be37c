/**
 * One cost row as the compliance report reads it: a FOCUS charge already allocated, with
 * its amortized cost (`EffectiveCost`) as an exact decimal string in its own currency.
 */
export interface GovernanceCostRow {
  /** FOCUS `ProviderName` (1.3: `HostProviderName`), e.g. `AWS` or `Microsoft`. */
  providerName: string;
  /** Null for charges with no region (global services, support, tax). */
  regionId: string | null;
  resourceId: string | null;
  resourceName: string | null;
  /** FOCUS `Tags`, keys as the export wrote them. */
  tags: Record<string, string>;
  /** The owning group found by allocation; null when the row is unallocated. */
  ownerRef: string | null;
  /** For unallocated rows, the owner allocation would suggest (e.g. from a similar tag). */
  suggestedOwnerRef: string | null;
  /** ISO 4217 code of `effectiveCost`. */
  currency: string;
  effectiveCost: string;
  /** The seller: FOCUS `PublisherName` (1.3: `ServiceProviderName`); null when not given. */
  publisherName: string | null;
  /** FOCUS `InvoiceIssuerName`; null when not given. */
  invoiceIssuerName: string | null;
  /** The license product the row is a charge of, when known. */
  productId: string | null;
}
