import { BillingAccount, Commitment, RowSubject, SubAccount } from './model';

/** What the rows a commitment writes itself (its purchase and unused share) are about. */
export function commitmentSubject(commitment: Commitment): RowSubject {
  return {
    account: commitment.account,
    subAccount: commitment.subAccount,
    region: commitment.region,
    seller: commitment.seller,
    serviceName: commitment.serviceName,
    serviceCategory: commitment.serviceCategory,
    serviceSubcategory: commitment.serviceSubcategory,
    resourceId: commitment.id,
    resourceName: commitment.name,
    resourceType: commitment.type,
    sku: {
      skuId: commitment.skuId,
      skuPriceId: commitment.skuId,
      skuMeter: commitment.name,
      listUnitPrice: commitment.perDay,
      pricingUnit: '',
      consumedUnit: '',
      usageType: commitment.type,
      operation: '',
    },
    chargeDescription: commitment.purchaseDescription,
  };
}

/** The month's sales tax or VAT of one billing account. */
export function taxSubject(
  account: BillingAccount,
  subAccount: SubAccount,
  monthLabel: string,
): RowSubject {
  return {
    account,
    subAccount,
    serviceName: 'Tax',
    serviceCategory: 'Other',
    serviceSubcategory: 'Other (Other)',
    chargeDescription: `${account.taxDescription} for billing period ${monthLabel}`,
  };
}
