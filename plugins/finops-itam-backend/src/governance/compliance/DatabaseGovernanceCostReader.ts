import { Knex } from 'knex';
import { DayRange } from '../../database/CostReportStore';
import { ALLOCATED_FACTS_VIEW } from '../../database/tables';
import {
  GovernanceCostGroup,
  GovernanceCostReader,
} from './GovernanceCostReader';
import { groupedExactSums } from './groupedExactSums';

/**
 * {@link GovernanceCostReader} on the plugin database. The grouping and the exact sum
 * happen in SQL on both engines, so a year of facts reaches the report as one row per
 * resource, place, seller, tag set and owner rather than one per fact and day.
 */
export class DatabaseGovernanceCostReader implements GovernanceCostReader {
  constructor(private readonly db: Knex) {}

  async costGroups(days: DayRange): Promise<GovernanceCostGroup[]> {
    const { db } = this;
    const rows = await groupedExactSums(
      db,
      () =>
        db(`${ALLOCATED_FACTS_VIEW} as f`)
          .where('f.day', '>=', days.from)
          .where('f.day', '<', days.to),
      {
        providerName: 'f.provider_name',
        hostProviderName: 'f.host_provider_name',
        publisherName: 'f.publisher_name',
        invoiceIssuerName: 'f.invoice_issuer_name',
        regionId: 'f.region_id',
        resourceId: 'f.resource_id',
        resourceName: 'f.resource_name',
        tags: 'f.tags',
        allocatedEntityRef: 'f.allocated_entity_ref',
        currency: 'f.currency',
      },
      'f.effective_cost',
    );
    return rows.map(({ amount, ...row }) => ({
      ...row,
      currency: row.currency!,
      effectiveCost: amount,
    }));
  }
}
