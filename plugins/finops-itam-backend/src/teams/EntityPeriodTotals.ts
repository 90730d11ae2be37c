import { Knex } from 'knex';
import { CostBasis } from '../database/DatabaseAllocationStore';
import { databaseKindOf } from '../database/databaseKind';
import { normalizeAmount } from '../ingestion/money';
import { ScaledSum } from './ScaledSum';

const DAILY = 'finops_itam_entity_daily_cost';

/** Entity refs per `entity_ref IN (...)`: within both engines' parameter limits. */
const REFS_PER_QUERY = 500;

/** Two adjacent periods: previous `[previousFrom, from)` and current `[from, to)`. */
export interface ComparedPeriods {
  previousFrom: string;
  from: string;
  to: string;
  basis: CostBasis;
}

/** All-in rollup cost (direct + shared) of one entity in one currency, per period. */
export interface EntityPeriodTotal {
  entityRef: string;
  currency: string;
  current: string;
  previous: string;
}

/**
 * Read-only sums over the daily rollup (`finops_itam_entity_daily_cost`) for many entities
 * at once: one indexed range scan per 500 entities covers both periods, instead of one
 * cost query per entity and period. Sums in SQL on PostgreSQL (numeric is exact) and in
 * JavaScript with exact scaled integers on SQLite, where amounts are text.
 */
export class EntityPeriodTotals {
  private readonly isPostgres: boolean;

  constructor(private readonly db: Knex) {
    this.isPostgres = databaseKindOf(db) === 'postgres';
  }

  /** Totals per entity and currency; entities without cost in either period are absent. */
  async totals(
    entityRefs: readonly string[],
    periods: ComparedPeriods,
  ): Promise<EntityPeriodTotal[]> {
    const out: EntityPeriodTotal[] = [];
    const refs = [
      ...new Set(entityRefs.map(ref => ref.toLocaleLowerCase('en-US'))),
    ];
    for (let i = 0; i < refs.length; i += REFS_PER_QUERY) {
      out.push(
        ...(await this.totalsOf(refs.slice(i, i + REFS_PER_QUERY), periods)),
      );
    }
    return out;
  }

  private async totalsOf(
    refs: string[],
    periods: ComparedPeriods,
  ): Promise<EntityPeriodTotal[]> {
    const query = this.db(DAILY)
      .whereIn('entity_ref', refs)
      .where('basis', periods.basis)
      .where('day', '>=', periods.previousFrom)
      .where('day', '<', periods.to);
    if (this.isPostgres) {
      const rows: Array<{
        entity_ref: string;
        currency: string;
        current: string;
        previous: string;
      }> = await query
        .groupBy('entity_ref', 'currency')
        .select(
          'entity_ref',
          'currency',
          this.db.raw(
            'SUM(CASE WHEN day >= ? THEN direct + shared ELSE 0 END)::text AS current',
            [periods.from],
          ),
          this.db.raw(
            'SUM(CASE WHEN day < ? THEN direct + shared ELSE 0 END)::text AS previous',
            [periods.from],
          ),
        );
      return rows.map(row => ({
        entityRef: row.entity_ref,
        currency: row.currency,
        current: normalizeAmount(row.current),
        previous: normalizeAmount(row.previous),
      }));
    }
    // SQLite has no exact decimal SUM. Rather than one row per entity and day through the
    // driver (the slow part for a year of a large team), SQLite groups the amounts per
    // entity, currency and period into one space-separated list, added exactly here.
    const rows: Array<{
      entity_ref: string;
      currency: string;
      is_current: number;
      amounts: string;
    }> = await query
      .groupBy('entity_ref', 'currency', 'is_current')
      .select(
        'entity_ref',
        'currency',
        this.db.raw('day >= ? AS is_current', [periods.from]),
        this.db.raw("group_concat(direct || ' ' || shared, ' ') AS amounts"),
      );
    const sums = new Map<
      string,
      {
        entityRef: string;
        currency: string;
        current: ScaledSum;
        previous: ScaledSum;
      }
    >();
    for (const row of rows) {
      const key = `${row.entity_ref}\u0000${row.currency}`;
      let sum = sums.get(key);
      if (!sum) {
        sum = {
          entityRef: row.entity_ref,
          currency: row.currency,
          current: new ScaledSum(),
          previous: new ScaledSum(),
        };
        sums.set(key, sum);
      }
      const target = row.is_current ? sum.current : sum.previous;
      for (const amount of row.amounts.split(' ')) {
        target.add(amount);
      }
    }
    return [...sums.values()].map(sum => ({
      entityRef: sum.entityRef,
      currency: sum.currency,
      current: sum.current.toFixed(),
      previous: sum.previous.toFixed(),
    }));
  }
}
