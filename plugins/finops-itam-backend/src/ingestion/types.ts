/** One day of one resource's charges of one kind, summed exactly. Amounts are decimal strings. */
export interface CostFact {
  fileKey: string;
  billingPeriodStart: string;
  day: string;
  billingAccountId: string;
  subAccountId: string | null;
  providerName: string | null;
  publisherName: string | null;
  /** FOCUS 1.3 HostProviderName: where the resource runs; "Not Applicable" for software. */
  hostProviderName: string | null;
  invoiceIssuerName: string | null;
  serviceName: string | null;
  serviceCategory: string | null;
  regionId: string | null;
  resourceId: string | null;
  resourceName: string | null;
  resourceType: string | null;
  chargeCategory: string;
  chargeClass: string | null;
  pricingCategory: string | null;
  commitmentDiscountId: string | null;
  commitmentDiscountStatus: string | null;
  skuId: string | null;
  skuPriceDetails: string | null;
  /** JSON object text as in the file; keys are trimmed when stored. */
  tags: string | null;
  currency: string;
  billedCost: string;
  effectiveCost: string;
  /** Null when a row of the fact left it empty or unreadable (stored as unknown). */
  listCost: string | null;
  contractedCost: string | null;
  consumedQuantity: string;
  rowCount: number;
}

/** BilledCost and EffectiveCost of one billing account, billing period and currency. */
export interface FileTotal {
  billingAccountId: string;
  billingPeriodStart: string;
  currency: string;
  billedCost: string;
  effectiveCost: string;
}

/**
 * What the rejected rows of a delivery would have carried, keyed as the file wrote them (an
 * empty key value reads `(empty)`). Absolute sums measure the money at stake: a refund and a
 * charge of the same size do not cancel out.
 */
export interface RejectedTotal {
  billingAccountId: string;
  billingPeriodStart: string;
  currency: string;
  rows: number;
  billedCost: string;
  effectiveCost: string;
  billedCostAbsolute: string;
  effectiveCostAbsolute: string;
  /** Rejected rows whose BilledCost or EffectiveCost cannot be read: their money is unknown. */
  unreadableCostRows: number;
}
