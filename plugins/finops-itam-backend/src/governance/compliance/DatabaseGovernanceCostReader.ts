import { Knex } from 'knex';
import { DayRange } from '../../database/CostReportStore';
import { readCostDataVersion } from '../../database/costDataVersion';
import { ALLOCATED_FACTS_VIEW } from '../../database/tables';
import {
  GovernanceCostGroup,
  GovernanceCostReader,
} from './GovernanceCostReader';
import { groupedExactSums } from '../../database/groupedExactSums';

/** Periods whose groups are kept: the FinOps page asks for a handful. */
const CACHED_PERIODS = 4;

/**
 * {@link GovernanceCostReader} on the plugin database. The grouping and the exact sum
 * happen in SQL on both engines, so a year of facts reaches the report as one row per
 * resource, place, seller, tag set and owner rather than one per fact and day.
 *
 * Grouping a year of facts takes seconds on SQLite (it sorts every fact of the period), so
 * the groups of the last few periods are kept until the cost data version moves, which
 * ingestion and allocation runs raise whenever cost answers change.
 */
export class DatabaseGovernanceCostReader implements GovernanceCostReader {
  readonly #cache = new Map<string, GovernanceCostGroup[]>();

  constructor(private readonly db: Knex) {}

  async costGroups(days: DayRange): Promise<GovernanceCostGroup[]> {
    const version = await readCostDataVersion(this.db);
    const key = `${version}\u0000${days.from}\u0000${days.to}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const groups = await this.#read(days);
    // Reading the version first: data newer than it is at worst read again next time.
    if (this.#cache.size >= CACHED_PERIODS) {
      this.#cache.delete(this.#cache.keys().next().value!);
    }
    this.#cache.set(key, groups);
    return groups;
  }

  async #read(days: DayRange): Promise<GovernanceCostGroup[]> {
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
