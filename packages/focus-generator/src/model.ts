import type { Decimal } from './money';

/**
 * The shapes the catalogs are written in: who is billed (accounts), what is charged (cost
 * lines: one resource and one SKU), and the commitments that cover some of those lines.
 */

export type ProviderKey = 'aws' | 'azure' | 'gcp' | 'marketplace';

export interface BillingAccount {
  id: string;
  name: string;
  currency: string;
  providerName: string;
  publisherName: string;
  invoiceIssuerName: string;
  /** Prefix of invoice ids, so ids look like the provider's own. */
  invoicePrefix: string;
  /** How the provider writes a resource without tags: AWS writes `{}`, Azure an empty cell. */
  emptyTags: '' | '{}';
  /** Sales tax or VAT rate on the month's billed cost, e.g. "0.0725". */
  taxRate: string;
  taxDescription: string;
}

export interface SubAccount {
  id: string;
  name: string;
}

export interface Region {
  id: string;
  name: string;
}

export interface Sku {
  skuId: string;
  skuPriceId: string;
  skuMeter: string;
  listUnitPrice: Decimal;
  pricingUnit: string;
  consumedUnit: string;
  /** `x_UsageType` */
  usageType: string;
  /** `x_Operation` */
  operation: string;
  /** FOCUS 1.1+ `SkuPriceDetails`; CoreCount and InstanceType are what license counting reads. */
  priceDetails?: Record<string, string | number>;
}

/** How much of a line is used per day. */
export interface UsageModel {
  /** Pricing quantity on a normal day at the start of the window. */
  perDay: number;
  /**
   * fixed: always-on capacity (instance hours), the same every day.
   * traffic: follows shoppers (weekends and November/December higher).
   * steady: slow growth with a little noise (storage, logs).
   * batch: noisy jobs.
   */
  pattern: 'fixed' | 'traffic' | 'steady' | 'batch';
  /** Compound growth per month, e.g. 0.03. */
  monthlyGrowth?: number;
  /** Relative day-to-day noise, e.g. 0.05. */
  noise?: number;
  /** Decimal places of the quantity. */
  decimals?: number;
  /** Rows per charge period in bench mode: hourly like CUR, or one per day (storage). */
  granularity?: 'hourly' | 'daily';
}

/** A day range where a line's usage is multiplied, relative to the last day of the window. */
export interface Spike {
  /** Days before the last day of the window the spike starts. */
  daysBeforeEnd: number;
  days: number;
  factor: number;
}

/** What a row is about: the static columns shared by every row of a resource and SKU. */
export interface RowSubject {
  account: BillingAccount;
  subAccount: SubAccount;
  region?: Region;
  availabilityZone?: string;
  serviceName: string;
  serviceCategory: string;
  serviceSubcategory: string;
  resourceId?: string;
  resourceName?: string;
  resourceType?: string;
  sku?: Sku;
  chargeDescription: string;
  /** Absent: the resource is untagged. */
  tags?: Record<string, string>;
  /** Marketplace: the vendor that sells, when it differs from the invoice issuer. */
  seller?: { providerName: string; publisherName: string };
}

/** One resource charged for one SKU: each charge period gives one usage row. */
export interface CostLine extends RowSubject {
  /** Stable name for the line's random stream. */
  key: string;
  provider: ProviderKey;
  resourceId: string;
  resourceName: string;
  resourceType: string;
  sku: Sku;
  /** Negotiated discount off list (Azure EA), 0 when prices are list prices. */
  contractedDiscount?: Decimal;
  /** Spot or preemptible: share of the contracted price actually paid. */
  dynamicPriceFactor?: Decimal;
  usage: UsageModel;
  /** Key of the commitment that covers this line first. */
  commitment?: string;
  /** Months before the end of the window the resource was created (absent: always there). */
  sinceMonthsAgo?: number;
  spikes?: Spike[];
  /** Provider-issued sustained-use discount, written as a daily Credit row (GCP). */
  sustainedUseCredit?: Decimal;
}

/** A savings plan, reservation or prepaid SaaS credit, amortized evenly per day. */
export interface Commitment {
  key: string;
  provider: ProviderKey;
  account: BillingAccount;
  subAccount: SubAccount;
  region?: Region;
  id: string;
  name: string;
  category: 'Spend' | 'Usage';
  type: string;
  serviceName: string;
  serviceCategory: string;
  serviceSubcategory: string;
  skuId: string;
  /** Share of the contracted price the commitment charges for covered usage. */
  rate: Decimal;
  /** Amortized commitment per day; the monthly purchase bills days × this. */
  perDay: Decimal;
  /**
   * Usage commitments: the hours committed per day (e.g. 3 VMs × 24), the unit their
   * CommitmentDiscountQuantity counts. Spend commitments count their currency instead.
   */
  hoursPerDay?: Decimal;
  purchaseDescription: string;
  unusedDescription: string;
  /** Marketplace: the vendor the commitment is bought from. */
  seller?: RowSubject['seller'];
}

/** A billing period as it appears on rows. */
export interface BillingPeriod {
  /** YYYY-MM-DD */
  startDay: string;
  start: string;
  end: string;
}

export type ChargeCategory =
  | 'Usage'
  | 'Purchase'
  | 'Tax'
  | 'Credit'
  | 'Adjustment';

/** The amounts and period of one row. */
export interface Charge {
  category: ChargeCategory;
  frequency: 'Usage-Based' | 'Recurring' | 'One-Time';
  periodStart: string;
  periodEnd: string;
  pricingCategory: '' | 'Standard' | 'Dynamic' | 'Committed' | 'Other';
  pricingQuantity?: Decimal;
  consumedQuantity?: Decimal;
  listUnitPrice?: Decimal;
  contractedUnitPrice?: Decimal;
  listCost: Decimal;
  contractedCost: Decimal;
  billedCost: Decimal;
  effectiveCost: Decimal;
  commitment?: Commitment;
  commitmentStatus?: 'Used' | 'Unused';
  /** Hours of a usage commitment this row used, left unused or bought (spend ones: the cost). */
  commitmentHours?: Decimal;
  description?: string;
}
