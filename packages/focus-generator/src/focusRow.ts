import { csvField } from './csvWriter';
import {
  FOCUS_COLUMNS,
  FocusColumn,
  FocusRow,
  rowValues,
} from './focusColumns';
import { BillingPeriod, Charge, Commitment, RowSubject } from './model';
import { Decimal, formatDecimal } from './money';

/** Tags as the exports write them: a JSON object string, or the provider's empty form. */
export function tagsCell(subject: RowSubject): string {
  return subject.tags
    ? JSON.stringify(subject.tags)
    : subject.account.emptyTags;
}

const optional = (value: Decimal | undefined) =>
  value === undefined ? '' : formatDecimal(value);

/**
 * FOCUS 1.1 CommitmentDiscountQuantity: hours for a usage commitment (a reservation), the
 * amount of the commitment for a spend one (a savings plan or prepaid credit), which on
 * covered and unused rows is their effective cost and on the purchase its fee.
 */
function commitmentQuantity(charge: Charge): Decimal | undefined {
  const commitment = charge.commitment;
  if (!commitment) return undefined;
  if (commitment.category === 'Usage') return charge.commitmentHours;
  return charge.category === 'Purchase'
    ? charge.billedCost
    : charge.effectiveCost;
}

/** FOCUS 1.1 CommitmentDiscountUnit: Hours, or the commitment's currency. */
function commitmentUnit(commitment: Commitment): string {
  return commitment.category === 'Usage'
    ? 'Hours'
    : commitment.account.currency;
}

/** Columns that change from row to row: period, amounts, quantities and commitment state. */
const CHARGE_COLUMNS = [
  'BilledCost',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeDescription',
  'ChargeFrequency',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'CommitmentDiscountCategory',
  'CommitmentDiscountId',
  'CommitmentDiscountName',
  'CommitmentDiscountQuantity',
  'CommitmentDiscountStatus',
  'CommitmentDiscountType',
  'CommitmentDiscountUnit',
  'ConsumedQuantity',
  'ConsumedUnit',
  'ContractedCost',
  'ContractedUnitPrice',
  'EffectiveCost',
  'InvoiceId',
  'ListCost',
  'ListUnitPrice',
  'PricingCategory',
  'PricingQuantity',
  'PricingUnit',
] as const satisfies readonly FocusColumn[];

type ChargeColumn = (typeof CHARGE_COLUMNS)[number];

// Both records are complete and disjoint by type, so together they fill every column.
type SubjectCells = Record<
  Exclude<FocusColumn, ChargeColumn>,
  string | undefined
>;
type ChargeCells = Record<ChargeColumn, string | undefined>;

/** Columns that depend only on what is charged: the same on every row of a resource and SKU. */
function subjectColumns(subject: RowSubject): SubjectCells {
  const { account, sku } = subject;
  return {
    AvailabilityZone: subject.availabilityZone,
    BillingAccountId: account.id,
    BillingAccountName: account.name,
    BillingCurrency: account.currency,
    ChargeClass: '',
    InvoiceIssuerName: account.invoiceIssuerName,
    ProviderName: subject.seller?.providerName ?? account.providerName,
    PublisherName: subject.seller?.publisherName ?? account.publisherName,
    RegionId: subject.region?.id,
    RegionName: subject.region?.name,
    ResourceId: subject.resourceId,
    ResourceName: subject.resourceName,
    ResourceType: subject.resourceType,
    ServiceCategory: subject.serviceCategory,
    ServiceName: subject.serviceName,
    ServiceSubcategory: subject.serviceSubcategory,
    SkuId: sku?.skuId,
    SkuMeter: sku?.skuMeter,
    SkuPriceDetails: sku?.priceDetails ? JSON.stringify(sku.priceDetails) : '',
    SkuPriceId: sku?.skuPriceId,
    SubAccountId: subject.subAccount.id,
    SubAccountName: subject.subAccount.name,
    Tags: tagsCell(subject),
    x_Operation: sku?.operation,
    x_UsageType: sku?.usageType,
  };
}

function chargeColumns(
  subject: RowSubject,
  charge: Charge,
  period: BillingPeriod,
  invoiceId: string,
): ChargeCells {
  const commitment = charge.commitment;
  return {
    BilledCost: formatDecimal(charge.billedCost),
    BillingPeriodEnd: period.end,
    BillingPeriodStart: period.start,
    ChargeCategory: charge.category,
    ChargeDescription: charge.description ?? subject.chargeDescription,
    ChargeFrequency: charge.frequency,
    ChargePeriodEnd: charge.periodEnd,
    ChargePeriodStart: charge.periodStart,
    CommitmentDiscountCategory: commitment?.category,
    CommitmentDiscountId: commitment?.id,
    CommitmentDiscountName: commitment?.name,
    CommitmentDiscountQuantity: optional(commitmentQuantity(charge)),
    CommitmentDiscountStatus: charge.commitmentStatus,
    CommitmentDiscountType: commitment?.type,
    CommitmentDiscountUnit: commitment && commitmentUnit(commitment),
    ConsumedQuantity: optional(charge.consumedQuantity),
    ConsumedUnit: charge.consumedQuantity
      ? subject.sku?.consumedUnit
      : undefined,
    ContractedCost: formatDecimal(charge.contractedCost),
    ContractedUnitPrice: optional(charge.contractedUnitPrice),
    EffectiveCost: formatDecimal(charge.effectiveCost),
    InvoiceId: invoiceId,
    ListCost: formatDecimal(charge.listCost),
    ListUnitPrice: optional(charge.listUnitPrice),
    PricingCategory: charge.pricingCategory,
    PricingQuantity: optional(charge.pricingQuantity),
    PricingUnit: charge.pricingQuantity ? subject.sku?.pricingUnit : undefined,
  };
}

const IS_CHARGE_COLUMN = FOCUS_COLUMNS.map(column =>
  (CHARGE_COLUMNS as readonly FocusColumn[]).includes(column),
);

/** Turns what is charged (subject) and how much (charge) into one FOCUS 1.2 row. */
export function buildRow(
  subject: RowSubject,
  charge: Charge,
  period: BillingPeriod,
  invoiceId: string,
): FocusRow {
  return {
    ...subjectColumns(subject),
    ...chargeColumns(subject, charge, period, invoiceId),
  };
}

/**
 * Encodes rows to CSV lines, keeping the encoded subject columns of each subject: at a million
 * rows, re-serialising the same tags and ARNs on every row would dominate the run time.
 */
export class RowEncoder {
  private readonly encodedSubjects = new WeakMap<RowSubject, string[]>();

  encode(
    subject: RowSubject,
    charge: Charge,
    period: BillingPeriod,
    invoiceId: string,
  ): string {
    let fixed = this.encodedSubjects.get(subject);
    if (!fixed) {
      fixed = rowValues(subjectColumns(subject)).map(csvField);
      this.encodedSubjects.set(subject, fixed);
    }
    const changing = chargeColumns(subject, charge, period, invoiceId);
    // Array.join builds one flat string; `+=` would build a rope that is slow to flatten later.
    const cells = new Array<string>(FOCUS_COLUMNS.length);
    for (let i = 0; i < cells.length; i++) {
      cells[i] = IS_CHARGE_COLUMN[i]
        ? csvField(changing[FOCUS_COLUMNS[i] as ChargeColumn] ?? '')
        : fixed[i];
    }
    return cells.join(',');
  }
}
