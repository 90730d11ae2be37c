import { Knex } from 'knex';
import { readCostDataVersion } from '../database/costDataVersion';
import { databaseKindOf } from '../database/databaseKind';
import { factMonths } from '../database/factMonths';
import { ExactSum } from '../money';
import { KpiRow } from './KpiRow';
import {
  KPI_AMOUNTS,
  KPI_DIMENSIONS,
  KpiRecord,
  KpiSums,
  toKpiRow,
} from './KpiSums';
import { KpiPeriod, KpiRollupBuild, KpiStore, OwnerMapping } from './KpiStore';
import { blocksOfDay, rollupPieces } from './rollupPieces';

const ALLOCATED_FACTS = 'finops_itam_allocated_facts';
const ALLOCATION_KEYS = 'finops_itam_allocation_keys';
const ROLLUP = 'finops_itam_kpi_rollup';
const ROLLUP_STATE = 'finops_itam_kpi_rollup_state';

/** Rows per INSERT: 21 columns each, under SQLite's 500 compound terms and parameter limit. */
const INSERT_CHUNK = 400;

/**
 * Appended to the cost data version the rollup state records: the rows a period reads
 * changed with the blocks of days (see rollupPieces), so a rollup built before them counts
 * as behind and is rebuilt instead of being read without its blocks.
 */
const ROLLUP_LAYOUT = '+day-blocks';

/** Marks cost a shared pool took: allocated (to the pool's targets), to no single entity. */
export const SHARED_POOL_OWNER_PREFIX = 'shared-pool:';

/** The owner of a fact: the allocated entity, the shared pool, or NULL when unallocated. */
const FACT_OWNER = `CASE
  WHEN f.allocated_entity_ref IS NOT NULL THEN f.allocated_entity_ref
  WHEN f.shared_pool_id IS NOT NULL THEN '${SHARED_POOL_OWNER_PREFIX}' || f.shared_pool_id
END`;

/**
 * The KPI sums over Knex: SQL groups, and sums exactly (see {@link DatabaseKpiStore.read});
 * a group's amount is unknown only when all its rows left it unknown, as the groups are split
 * on `IS NULL`. Owners mapped to their groups are summed again with {@link KpiSums}.
 */
export class DatabaseKpiStore implements KpiStore {
  private readonly postgres: boolean;

  constructor(private readonly db: Knex) {
    this.postgres = databaseKindOf(db) === 'postgres';
  }

  async rollupIsCurrent(): Promise<boolean> {
    const [state, version] = await Promise.all([
      this.db(ROLLUP_STATE).where({ id: 1 }).first('data_version'),
      readCostDataVersion(this.db),
    ]);
    return state?.data_version === `${version}${ROLLUP_LAYOUT}`;
  }

  async rollupRows(period: KpiPeriod): Promise<KpiRow[] | null> {
    if (!(await this.rollupIsCurrent())) return null;
    const periodsByGrain = new Map<string, string[]>();
    for (const { grain, period: start } of rollupPieces(period)) {
      periodsByGrain.set(grain, [...(periodsByGrain.get(grain) ?? []), start]);
    }
    if (periodsByGrain.size === 0) return [];
    const query = this.db(`${ROLLUP} as f`).where(inPeriod => {
      for (const [grain, periods] of periodsByGrain) {
        inPeriod.orWhere(q =>
          q.where('f.grain', grain).whereIn('f.period', periods),
        );
      }
    });
    return summed(await this.read(query, 'f.owner_ref'));
  }

  async factRows(period: KpiPeriod, owners: OwnerMapping): Promise<KpiRow[]> {
    const mapped = await owners(await this.allocatedEntities());
    const records = await this.read(this.facts(period), FACT_OWNER);
    return summed(records.map(record => withOwner(record, mapped)));
  }

  async commitmentRows(period: KpiPeriod): Promise<KpiRow[]> {
    const query = this.facts(period).whereNotNull('f.commitment_discount_id');
    return summed(await this.read(query, FACT_OWNER));
  }

  async rebuildRollup(owners: OwnerMapping): Promise<KpiRollupBuild> {
    // The version is read first: a write during the rebuild leaves the rollup one version
    // behind, so readers keep summing facts until the next rebuild, never a mixed answer.
    const dataVersion = await readCostDataVersion(this.db);
    await this.db.transaction(async trx => {
      await trx(ROLLUP_STATE)
        .where({ id: 1 })
        .update({ data_version: null, built_at: null });
      await trx(ROLLUP).delete();
    });
    const mapped = await owners(await this.allocatedEntities());
    let rows = 0;
    // Month by month, so memory holds one month of sums however many facts there are.
    for (const month of await factMonths(this.db)) {
      // Days and the blocks of days (see rollupPieces), keyed `grain period`.
      const days = new KpiSums();
      const total = new KpiSums();
      const records = await this.read(this.facts(month), FACT_OWNER, 'f.day');
      for (const record of records) {
        const owned = withOwner(record, mapped);
        const day = String(record.day);
        days.add(owned, `day ${day}`);
        for (const block of blocksOfDay(day)) {
          days.add(owned, `${block.grain} ${block.period}`);
        }
        total.add(owned);
      }
      const inserts = [
        ...days.records().map(({ group, record }) => ({
          grain: group.slice(0, group.indexOf(' ')),
          period: group.slice(group.indexOf(' ') + 1),
          ...record,
        })),
        ...total.records().map(({ record }) => ({
          grain: 'month',
          period: month.month,
          ...record,
        })),
      ];
      await this.db.transaction(async trx => {
        for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
          await trx(ROLLUP).insert(inserts.slice(i, i + INSERT_CHUNK));
        }
      });
      rows += inserts.length;
    }
    await this.db(ROLLUP_STATE)
      .where({ id: 1 })
      .update({
        data_version: `${dataVersion}${ROLLUP_LAYOUT}`,
        built_at: new Date(),
      });
    return { dataVersion, rows };
  }

  /** The entity refs the allocation gives cost to: what the owner mapping is asked about. */
  private async allocatedEntities(): Promise<string[]> {
    const rows = await this.db(ALLOCATION_KEYS)
      .distinct('allocated_entity_ref')
      .whereNotNull('allocated_entity_ref');
    return rows.map(row => String(row.allocated_entity_ref));
  }

  /** The allocated facts of `[from, to)`, aliased `f`. */
  private facts(period: KpiPeriod): Knex.QueryBuilder {
    return this.db(`${ALLOCATED_FACTS} as f`)
      .where('f.day', '>=', period.from)
      .where('f.day', '<', period.to);
  }

  /**
   * The dimensions, the owner (SQL `ownerSql`, as `owner_ref`), the amounts and `extra` (a
   * column kept apart, such as the day) of `query`, one record per distinct value of all of
   * them and of which amounts are unknown. PostgreSQL sums numeric exactly; SQLite's SUM
   * would turn decimal text into floats, so there each group's amounts come back as one
   * comma-separated text (`group_concat`, skipping NULLs) and are summed exactly here, which
   * is several times faster than a JavaScript object per row.
   */
  private async read(
    query: Knex.QueryBuilder,
    ownerSql: string,
    extra?: string,
  ): Promise<Array<KpiRecord & { day?: string }>> {
    const dimensions = KPI_DIMENSIONS.map(column => `f.${column}`);
    query.select(...dimensions, this.db.raw(`${ownerSql} as owner_ref`));
    if (extra) query.select(extra);
    const aggregate = this.postgres ? 'sum(??)' : "group_concat(??, ',')";
    query.select(
      ...KPI_AMOUNTS.map(column =>
        this.db.raw(`${aggregate} as ??`, [`f.${column}`, column]),
      ),
    );
    query.groupBy(...dimensions, ...(extra ? [extra] : []));
    query.groupByRaw(ownerSql);
    for (const column of KPI_AMOUNTS) {
      query.groupByRaw(`f.${column} is null`);
    }
    const records: Array<KpiRecord & { day?: string }> = await query;
    if (this.postgres) return records;
    for (const record of records) {
      for (const column of KPI_AMOUNTS) {
        const listed = record[column];
        if (typeof listed === 'string' && listed.includes(',')) {
          record[column] = ExactSum.of(...listed.split(',')).toString();
        }
      }
    }
    return records;
  }
}

/** Records summed again per dimension and owner, as KPI rows. */
function summed(records: KpiRecord[]): KpiRow[] {
  const sums = new KpiSums();
  for (const record of records) sums.add(record);
  return sums.records().map(({ record }) => toKpiRow(record));
}

/** The record with its owner mapped (shared pools and unallocated cost keep theirs). */
function withOwner(record: KpiRecord, mapped: Map<string, string>): KpiRecord {
  const owner = record.owner_ref;
  if (owner === null || owner.startsWith(SHARED_POOL_OWNER_PREFIX)) {
    return record;
  }
  return { ...record, owner_ref: mapped.get(owner) ?? owner };
}
