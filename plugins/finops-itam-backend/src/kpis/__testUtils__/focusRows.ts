import { KpiRow } from '../KpiRow';

/** An on-demand compute Usage row in USD, owned by team-a; tests override what they need. */
export function usageRow(overrides: Partial<KpiRow> = {}): KpiRow {
  return {
    chargeCategory: 'Usage',
    chargeClass: null,
    pricingCategory: 'Standard',
    serviceCategory: 'Compute',
    providerName: 'AWS',
    billingAccountId: 'acct-1',
    ownerRef: 'group:default/team-a',
    currency: 'USD',
    listCost: '10',
    contractedCost: '10',
    effectiveCost: '10',
    billedCost: '10',
    ...overrides,
  };
}

/** Usage a commitment paid for (status Used). */
export function coveredRow(overrides: Partial<KpiRow> = {}): KpiRow {
  return usageRow({
    pricingCategory: 'Committed',
    commitmentDiscountId: 'ri-1',
    commitmentDiscountStatus: 'Used',
    commitmentDiscountCategory: 'Usage',
    commitmentDiscountType: 'Reserved Instance',
    commitmentDiscountUnit: 'Hours',
    billedCost: '0',
    ...overrides,
  });
}

/** The unused remainder of a commitment: a Usage row with cost and no list price. */
export function unusedRow(overrides: Partial<KpiRow> = {}): KpiRow {
  return coveredRow({
    commitmentDiscountStatus: 'Unused',
    ownerRef: null,
    listCost: '0',
    contractedCost: '0',
    ...overrides,
  });
}

/** The purchase of a commitment: no usage, its cost reaches the covered rows. */
export function purchaseRow(overrides: Partial<KpiRow> = {}): KpiRow {
  return usageRow({
    chargeCategory: 'Purchase',
    pricingCategory: 'Committed',
    commitmentDiscountId: 'ri-1',
    commitmentDiscountStatus: null,
    commitmentDiscountCategory: 'Usage',
    commitmentDiscountType: 'Reserved Instance',
    commitmentDiscountQuantity: '100',
    commitmentDiscountUnit: 'Hours',
    serviceCategory: 'Compute',
    listCost: '100',
    contractedCost: '100',
    effectiveCost: '0',
    billedCost: '100',
    ...overrides,
  });
}
