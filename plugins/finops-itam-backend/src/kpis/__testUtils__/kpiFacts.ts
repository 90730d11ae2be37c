import { Knex } from 'knex';

/** A cost fact with the columns the KPIs read and its owner; the rest get fixed values. */
export interface KpiTestFact {
  day: string;
  currency?: string;
  providerName?: string;
  billingAccountId?: string;
  serviceCategory?: string | null;
  chargeCategory?: string;
  pricingCategory?: string | null;
  commitmentDiscountId?: string | null;
  commitmentDiscountStatus?: string | null;
  commitmentDiscountCategory?: string | null;
  commitmentDiscountType?: string | null;
  commitmentDiscountQuantity?: string | null;
  commitmentDiscountUnit?: string | null;
  /** Stored as given: NULL (no such column in the export), '' (empty cell) or JSON. */
  commitmentProgramEligibilityDetails?: string | null;
  effectiveCost: string;
  billedCost?: string;
  /** Defaults to the effective cost; null is unknown. */
  listCost?: string | null;
  contractedCost?: string | null;
  /** The entity the allocation gave the fact to. */
  ownerRef?: string | null;
  /** The shared pool the fact belongs to. */
  poolId?: string | null;
}

let inserted = 0;

/**
 * Inserts facts as ingestion stores them, each with an allocation key of its own that a
 * finished allocation run gave to `ownerRef` or `poolId` (unallocated when neither).
 */
export async function insertKpiFacts(
  knex: Knex,
  facts: readonly KpiTestFact[],
): Promise<void> {
  for (const f of facts) {
    const i = inserted++;
    const key = `kpi-test-${i}`;
    const billingAccountId = f.billingAccountId ?? 'acct-1';
    const chargeCategory = f.chargeCategory ?? 'Usage';
    await knex('finops_itam_allocation_keys').insert({
      key,
      billing_account_id: billingAccountId,
      charge_category: chargeCategory,
      resource_id: `resource-${i}`,
      allocated_entity_ref: f.ownerRef ?? null,
      shared_pool_id: f.poolId ?? null,
      allocation_rule: f.ownerRef ? 'tags' : null,
      allocated: true,
    });
    await knex('finops_itam_cost_facts').insert({
      source_id: 'test',
      ingestion_id: 'ingestion-1',
      file_key: 'file.csv',
      billing_period_start: `${f.day.slice(0, 7)}-01`,
      day: f.day,
      billing_account_id: billingAccountId,
      provider_name: f.providerName ?? 'AWS',
      service_name: 'Some service',
      service_category:
        f.serviceCategory === undefined ? 'Compute' : f.serviceCategory,
      resource_id: `resource-${i}`,
      charge_category: chargeCategory,
      pricing_category:
        f.pricingCategory === undefined ? 'Standard' : f.pricingCategory,
      commitment_discount_id: f.commitmentDiscountId ?? null,
      commitment_discount_status: f.commitmentDiscountStatus ?? null,
      commitment_discount_category: f.commitmentDiscountCategory ?? null,
      commitment_discount_type: f.commitmentDiscountType ?? null,
      commitment_discount_quantity: f.commitmentDiscountQuantity ?? null,
      commitment_discount_unit: f.commitmentDiscountUnit ?? null,
      commitment_program_eligibility_details:
        f.commitmentProgramEligibilityDetails ?? null,
      currency: f.currency ?? 'USD',
      billed_cost: f.billedCost ?? f.effectiveCost,
      effective_cost: f.effectiveCost,
      list_cost: f.listCost === undefined ? f.effectiveCost : f.listCost,
      contracted_cost:
        f.contractedCost === undefined ? f.effectiveCost : f.contractedCost,
      consumed_quantity: '1',
      row_count: 1,
      allocation_key: key,
      allocated_at: new Date(),
    });
  }
}

/** Raises the cost data version, as every write of cost data does. */
export async function bumpVersion(knex: Knex): Promise<void> {
  await knex('finops_itam_data_versions')
    .where('name', 'cost')
    .update({ version: knex.raw('version + 1') });
}
