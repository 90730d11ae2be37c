/**
 * The FOCUS columns the finops-itam importer reads, shared with modules that build
 * deliveries (a warehouse source groups its charges by exactly these). Real exports vary
 * in column casing; the importer matches them case-insensitively.
 */

/**
 * Columns a delivery's files must have, or the importer rejects the file whole.
 *
 * @public
 */
export const focusMandatoryColumns = [
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'BillingAccountId',
  'BillingCurrency',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeCategory',
  'ChargeClass',
  'ServiceName',
  'ServiceCategory',
  'InvoiceIssuerName',
] as const;

/**
 * Columns the importer keeps when a file has them.
 *
 * @public
 */
export const focusOptionalColumns = [
  'ProviderName',
  'PublisherName',
  'ServiceProviderName',
  'HostProviderName',
  'SubAccountId',
  'RegionId',
  'ResourceId',
  'ResourceName',
  'ResourceType',
  'PricingCategory',
  'CommitmentDiscountId',
  'CommitmentDiscountStatus',
  // FOCUS 1.0 (category, type) and 1.1 (quantity, unit): what commitment KPIs sum.
  'CommitmentDiscountCategory',
  'CommitmentDiscountType',
  'CommitmentDiscountQuantity',
  'CommitmentDiscountUnit',
  // FOCUS 1.4: which commitment programs could have covered the row (coverage denominator).
  'CommitmentProgramEligibilityDetails',
  'SkuId',
  'SkuPriceDetails',
  'Tags',
  'ConsumedQuantity',
  'ChargeFrequency',
  'InvoiceId',
  // FOCUS 1.3 split cost allocation: the split rows replace their origin charge.
  'AllocatedResourceId',
  'AllocatedResourceName',
  'AllocatedTags',
] as const;

/**
 * A FOCUS column the importer reads.
 *
 * @public
 */
export type FocusColumnName =
  | (typeof focusMandatoryColumns)[number]
  | (typeof focusOptionalColumns)[number];
