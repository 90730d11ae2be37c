import { Knex } from 'knex';
import { allocationKeyOf } from '../../database/allocationKey';

/** A cost fact with the seller columns marketplace and SaaS tests vary. */
export interface SellerFact {
  day: string;
  publisherName: string | null;
  invoiceIssuerName: string | null;
  providerName?: string | null;
  serviceName?: string;
  chargeCategory?: string;
  commitmentDiscountStatus?: string | null;
  resourceId?: string | null;
  skuId?: string | null;
  tags?: Record<string, string> | null;
  currency?: string;
  effectiveCost: string;
  billedCost?: string;
}

/** Inserts facts straight into the facts table, as an ingestion would have stored them. */
export async function insertSellerFacts(knex: Knex, facts: SellerFact[]) {
  const rows = facts.map(f => {
    const row = {
      source_id: 'test',
      ingestion_id: 'ingestion-1',
      file_key: 'file.csv',
      billing_period_start: `${f.day.slice(0, 7)}-01`,
      day: f.day,
      billing_account_id: 'billing-1',
      sub_account_id: null,
      provider_name: f.providerName === undefined ? 'AWS' : f.providerName,
      publisher_name: f.publisherName,
      invoice_issuer_name: f.invoiceIssuerName,
      service_name: f.serviceName ?? 'Lumenwatch Observability Cloud',
      service_category: 'Business Applications',
      resource_id: f.resourceId ?? null,
      resource_name: null,
      charge_category: f.chargeCategory ?? 'Usage',
      commitment_discount_status: f.commitmentDiscountStatus ?? null,
      sku_id: f.skuId ?? null,
      tags: f.tags ? JSON.stringify(f.tags) : null,
      currency: f.currency ?? 'USD',
      billed_cost: f.billedCost ?? f.effectiveCost,
      effective_cost: f.effectiveCost,
      list_cost: '0',
      contracted_cost: '0',
      consumed_quantity: '1',
      row_count: 1,
    };
    return { ...row, allocation_key: allocationKeyOf(row) };
  });
  await knex('finops_itam_cost_facts').insert(rows);
}
