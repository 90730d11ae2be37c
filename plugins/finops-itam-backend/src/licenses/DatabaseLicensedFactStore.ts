import { Knex } from 'knex';
import {
  ALLOCATED_FACTS_VIEW,
  ALLOCATION_KEYS_TABLE,
  ALLOCATION_RUNS_TABLE,
  COST_FACTS_TABLE,
  DbAllocatedFactsRow,
  DbTimestamp,
  INGESTIONS_TABLE,
  LICENSE_COST_STATE_TABLE,
  LICENSE_FACT_EXTRACT_TABLE,
} from '../database/tables';
import { LicensedFactRow } from './costDataLicenses';
import { CostDataLicenseSettings } from './licenseConfig';
import {
  LicensedFactExtractRow,
  LicensedFactExtractWrite,
  LicensedFactStore,
} from './LicensedFactStore';

/** The extract's state row in the license cost state table. */
const EXTRACT_STATE_NAME = 'fact-extract';

/** Keeps insert batches under SQLite's bound-parameter limit. */
const BATCH = 200;

/** Escapes `%`, `_` and `\` so a configured pattern matches literally in LIKE. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, c => `\\${c}`);

/** LicensedFactStore over the plugin database. */
export class DatabaseLicensedFactStore implements LicensedFactStore {
  constructor(private readonly db: Knex) {}

  async latestFactDay(): Promise<string | null> {
    const latest = await this.db(COST_FACTS_TABLE).max({ day: 'day' }).first();
    return latest?.day ?? null;
  }

  async licensedFacts(
    settings: Pick<CostDataLicenseSettings, 'productTag' | 'skuProducts'>,
    days: { from: string; to: string },
  ): Promise<LicensedFactRow[]> {
    // The view adds each fact's owner (from its allocation key) to the facts.
    const rows: Array<
      Pick<
        DbAllocatedFactsRow,
        | 'day'
        | 'resource_id'
        | 'resource_name'
        | 'provider_name'
        | 'host_provider_name'
        | 'resource_type'
        | 'sku_id'
        | 'sku_price_details'
        | 'tags'
        | 'allocated_entity_ref'
        | 'allocation_key'
      >
    > = await this.db(ALLOCATED_FACTS_VIEW)
      .distinct(
        'day',
        'resource_id',
        'resource_name',
        'provider_name',
        'host_provider_name',
        'resource_type',
        'sku_id',
        'sku_price_details',
        'tags',
        'allocated_entity_ref',
        'allocation_key',
      )
      .where('day', '>=', days.from)
      .andWhere('day', '<=', days.to)
      .andWhere(query => {
        query.whereRaw("tags LIKE ? ESCAPE '\\'", [
          `%"${likeLiteral(settings.productTag)}"%`,
        ]);
        // Dedicated hosts carry no license tags, but their VMs are counted on their cores.
        query.orWhereRaw('LOWER(resource_type) LIKE ?', ['%dedicated host%']);
        for (const sku of settings.skuProducts) {
          const like = `%${likeLiteral(sku.pattern)}%`;
          query
            .orWhereRaw("LOWER(sku_id) LIKE ? ESCAPE '\\'", [like])
            .orWhereRaw("LOWER(sku_price_details) LIKE ? ESCAPE '\\'", [like]);
        }
      });
    return rows.map(row => ({
      day: row.day,
      resourceId: row.resource_id,
      resourceName: row.resource_name,
      providerName: row.provider_name,
      hostProviderName: row.host_provider_name,
      resourceType: row.resource_type,
      skuId: row.sku_id,
      skuPriceDetails: row.sku_price_details,
      tags: row.tags,
      entityRef: row.allocated_entity_ref,
      allocationKey: row.allocation_key,
    }));
  }

  async readExtractState(): Promise<string | undefined> {
    const stored = await this.db(LICENSE_COST_STATE_TABLE)
      .where('name', EXTRACT_STATE_NAME)
      .first('value');
    return stored?.value;
  }

  async readExtract(fromMonth: string): Promise<LicensedFactExtractRow[]> {
    const rows = await this.db(`${LICENSE_FACT_EXTRACT_TABLE} as e`)
      .leftJoin(`${ALLOCATION_KEYS_TABLE} as k`, 'k.key', 'e.allocation_key')
      .where('e.month', '>=', fromMonth)
      .select('e.facts', 'e.days', 'e.allocation_key', 'k.allocated_entity_ref')
      .orderBy('e.id');
    return rows.map(row => ({
      facts: row.facts,
      days: row.days,
      allocationKey: row.allocation_key ?? null,
      entityRef: row.allocated_entity_ref ?? null,
    }));
  }

  async writeExtract(write: LicensedFactExtractWrite): Promise<void> {
    const rows = write.rows.map(row => ({
      month: row.month,
      allocation_key: row.allocationKey,
      facts: row.facts,
      days: row.days,
    }));
    await this.db.transaction(async tx => {
      if (write.replaceAll) await tx(LICENSE_FACT_EXTRACT_TABLE).delete();
      else {
        await tx(LICENSE_FACT_EXTRACT_TABLE)
          .whereIn('month', write.staleMonths)
          .delete();
        if (write.dropBefore)
          await tx(LICENSE_FACT_EXTRACT_TABLE)
            .where('month', '<', write.dropBefore)
            .delete();
      }
      for (let i = 0; i < rows.length; i += BATCH) {
        await tx(LICENSE_FACT_EXTRACT_TABLE).insert(rows.slice(i, i + BATCH));
      }
      await tx(LICENSE_COST_STATE_TABLE)
        .insert({ name: EXTRACT_STATE_NAME, value: write.state })
        .onConflict('name')
        .merge();
    });
  }

  async ingestionStamp(): Promise<{
    count: number;
    finishedAt: DbTimestamp | null;
  }> {
    const row = await this.db(INGESTIONS_TABLE)
      .count({ count: '*' })
      .max({ finished: 'finished_at' })
      .first();
    return {
      count: Number(row?.count ?? 0),
      finishedAt: (row?.finished as DbTimestamp | undefined) ?? null,
    };
  }

  async latestAllocationRun(): Promise<
    { id: string; status: string; finishedAt: DbTimestamp | null } | undefined
  > {
    const run = await this.db(ALLOCATION_RUNS_TABLE)
      .select('id', 'status', 'finished_at')
      .orderBy('id', 'desc')
      .first();
    return run
      ? {
          id: String(run.id),
          status: run.status,
          finishedAt: run.finished_at ?? null,
        }
      : undefined;
  }
}
