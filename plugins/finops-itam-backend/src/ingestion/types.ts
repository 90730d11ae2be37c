/** One day of one resource's charges of one kind, summed exactly. Amounts are decimal strings. */
export interface CostFact {
  fileKey: string;
  billingPeriodStart: string;
  day: string;
  billingAccountId: string;
  subAccountId: string | null;
  providerName: string | null;
  publisherName: string | null;
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
  listCost: string;
  contractedCost: string;
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
