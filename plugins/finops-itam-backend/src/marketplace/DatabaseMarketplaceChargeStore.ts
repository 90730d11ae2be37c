import { Knex } from 'knex';
import { sumAmountsBy } from '../database/sumAmountsBy';
import { ALLOCATED_FACTS_VIEW } from '../database/tables';
import {
  MarketplaceCharge,
  MarketplaceChargeStore,
} from './MarketplaceChargeStore';

const GROUPS = {
  publisherName: 'publisher_name',
  invoiceIssuerName: 'invoice_issuer_name',
  providerName: 'provider_name',
  hostProviderName: 'host_provider_name',
  currency: 'currency',
  resourceId: 'resource_id',
  ownerRef: 'allocated_entity_ref',
  tags: 'tags',
  skuId: 'sku_id',
  skuPriceDetails: 'sku_price_details',
} as const;

type Group = keyof typeof GROUPS;
const keyOf = (row: Record<Group, string | null>) =>
  JSON.stringify((Object.keys(GROUPS) as Group[]).map(group => row[group]));

/** MarketplaceChargeStore over the plugin database. */
export class DatabaseMarketplaceChargeStore implements MarketplaceChargeStore {
  constructor(private readonly db: Knex) {}

  async marketplaceCharges(
    from: string,
    to: string,
  ): Promise<MarketplaceCharge[]> {
    const candidates = () =>
      this.db(ALLOCATED_FACTS_VIEW)
        .where('day', '>=', from)
        .andWhere('day', '<', to)
        .whereNotNull('publisher_name')
        .whereNotNull('invoice_issuer_name')
        .whereRaw(
          'LOWER(TRIM(publisher_name)) <> LOWER(TRIM(invoice_issuer_name))',
        );
    // Two exact sums over the same groups: amortized and cash are never added.
    const [effective, billed] = await Promise.all([
      sumAmountsBy(this.db, candidates(), GROUPS, 'effective_cost'),
      sumAmountsBy(this.db, candidates(), GROUPS, 'billed_cost'),
    ]);
    const billedByKey = new Map(billed.map(row => [keyOf(row), row.amount]));
    return effective.map(row => ({
      publisherName: row.publisherName!,
      invoiceIssuerName: row.invoiceIssuerName!,
      providerName: row.providerName,
      hostProviderName: row.hostProviderName,
      currency: row.currency!,
      resourceId: row.resourceId,
      ownerRef: row.ownerRef,
      tags: row.tags,
      skuId: row.skuId,
      skuPriceDetails: row.skuPriceDetails,
      effectiveCost: row.amount,
      billedCost: billedByKey.get(keyOf(row)) ?? '0',
    }));
  }
}
