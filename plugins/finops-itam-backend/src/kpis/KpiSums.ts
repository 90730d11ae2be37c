import { ExactSum } from '../money';
import { KpiRow } from './KpiRow';

/** The columns the KPI formulas group by, as the facts and the rollup name them. */
export const KPI_DIMENSIONS = [
  'currency',
  'charge_category',
  'charge_class',
  'pricing_category',
  'commitment_discount_id',
  'commitment_discount_status',
  'commitment_discount_category',
  'commitment_discount_type',
  'commitment_discount_unit',
  'commitment_program_eligibility_details',
  'service_category',
  'provider_name',
  'billing_account_id',
] as const;

/** The amounts the formulas sum; any may be unknown (NULL) on a fact or a rollup row. */
export const KPI_AMOUNTS = [
  'effective_cost',
  'billed_cost',
  'list_cost',
  'contracted_cost',
  'commitment_discount_quantity',
] as const;

export type KpiDimension = (typeof KPI_DIMENSIONS)[number];
export type KpiAmount = (typeof KPI_AMOUNTS)[number];

/** One record of KPI sums: the dimensions, the owner, the amounts (decimal text or null). */
export type KpiRecord = Record<KpiDimension, string | null> & {
  owner_ref: string | null;
} & Record<KpiAmount, string | number | null>;

interface Entry {
  record: KpiRecord;
  sums: Array<ExactSum | null>;
}

/**
 * Exact sums of KPI records per dimensions, owner and which amounts are unknown: a record
 * with an unknown ListCost never lands in the sum of one with a known ListCost, so a sum is
 * either exact or unknown, never a partial sum passed off as whole. The `group` part of the
 * key lets a caller keep days or months apart.
 */
export class KpiSums {
  private readonly entries = new Map<string, Entry & { group: string }>();

  add(record: KpiRecord, group = ''): void {
    const key = JSON.stringify([
      group,
      record.owner_ref,
      ...KPI_DIMENSIONS.map(column => record[column]),
      ...KPI_AMOUNTS.map(column => record[column] === null),
    ]);
    const entry = this.entries.get(key);
    if (entry) {
      KPI_AMOUNTS.forEach((column, i) => {
        entry.sums[i]?.add(String(record[column]));
      });
      return;
    }
    this.entries.set(key, {
      group,
      record,
      sums: KPI_AMOUNTS.map(column =>
        record[column] === null
          ? null
          : new ExactSum().add(String(record[column])),
      ),
    });
  }

  /** The summed records with their group, amounts as plain decimal strings or null. */
  records(): Array<{ group: string; record: KpiRecord }> {
    return [...this.entries.values()].map(({ group, record, sums }) => ({
      group,
      // Only the columns of a record: rows read with a day carry it in the group instead.
      record: {
        ...Object.fromEntries(
          KPI_DIMENSIONS.map(column => [column, record[column]]),
        ),
        owner_ref: record.owner_ref,
        ...Object.fromEntries(
          KPI_AMOUNTS.map((column, i) => [
            column,
            sums[i] === null ? null : sums[i]!.toString(),
          ]),
        ),
      } as KpiRecord,
    }));
  }
}

/** A plain decimal string of a driver's amount, or null (PostgreSQL pads numeric scale). */
function amount(value: string | number | null): string | null {
  if (value === null) return null;
  return ExactSum.of(value).toString();
}

/**
 * A summed record as the formulas read it. The eligibility column's three states become
 * KpiRow's: NULL (the export had no such column) → undefined, `''` (empty cell) → null.
 */
export function toKpiRow(record: KpiRecord): KpiRow {
  return {
    currency: record.currency!,
    chargeCategory: record.charge_category!,
    chargeClass: record.charge_class,
    pricingCategory: record.pricing_category,
    commitmentDiscountId: record.commitment_discount_id,
    commitmentDiscountStatus: record.commitment_discount_status,
    commitmentDiscountCategory: record.commitment_discount_category,
    commitmentDiscountType: record.commitment_discount_type,
    commitmentDiscountUnit: record.commitment_discount_unit,
    commitmentDiscountQuantity: amount(record.commitment_discount_quantity),
    commitmentProgramEligibilityDetails: eligibilityOf(
      record.commitment_program_eligibility_details,
    ),
    serviceCategory: record.service_category,
    providerName: record.provider_name,
    billingAccountId: record.billing_account_id,
    ownerRef: record.owner_ref,
    effectiveCost: amount(record.effective_cost) ?? '0',
    billedCost: amount(record.billed_cost),
    listCost: amount(record.list_cost),
    contractedCost: amount(record.contracted_cost),
  };
}

function eligibilityOf(stored: string | null): string | null | undefined {
  if (stored === null) return undefined;
  return stored === '' ? null : stored;
}
