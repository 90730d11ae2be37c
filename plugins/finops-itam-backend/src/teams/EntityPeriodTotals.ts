import { Knex } from 'knex';
import { CostBasis } from '../database/DatabaseAllocationStore';
import { databaseKindOf } from '../database/databaseKind';
import { ExactSum, normalizeAmount } from '../money';
import { RollupLicenseCostReader } from '../licenses/RollupLicenseCostReader';

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

/** All-in rollup cost (direct + shared + licenses) of one entity in one currency, per period. */
export interface EntityPeriodTotal {
  entityRef: string;
  currency: string;
  current: string;
  previous: string;
}

/** Exact sums per entity and currency, split into the current and the previous period. */
class PeriodSums {
  private readonly sums = new Map<
    string,
    {
      entityRef: string;
      currency: string;
      current: ExactSum;
      previous: ExactSum;
    }
  >();

  of(entityRef: string, currency: string, isCurrent: boolean): ExactSum {
    const key = `${entityRef}\u0000${currency}`;
    let sum = this.sums.get(key);
    if (!sum) {
      sum = {
        entityRef,
        currency,
        current: new ExactSum(),
        previous: new ExactSum(),
      };
      this.sums.set(key, sum);
    }
    return isCurrent ? sum.current : sum.previous;
  }

  totals(): EntityPeriodTotal[] {
    return [...this.sums.values()].map(sum => ({
      entityRef: sum.entityRef,
      currency: sum.currency,
      current: sum.current.toString(),
      previous: sum.previous.toString(),
    }));
  }
}

/** Cloud and license totals added per entity and currency. */
function addTotals(...lists: EntityPeriodTotal[][]): EntityPeriodTotal[] {
  const sums = new PeriodSums();
  for (const total of lists.flat()) {
    sums.of(total.entityRef, total.currency, true).add(total.current);
    sums.of(total.entityRef, total.currency, false).add(total.previous);
  }
  return sums.totals();
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
      const chunk = refs.slice(i, i + REFS_PER_QUERY);
      const [cloud, licenses] = await Promise.all([
        this.totalsOf(chunk, periods),
        this.licenseTotalsOf(chunk, periods),
      ]);
      out.push(...addTotals(cloud, licenses));
    }
    return out;
  }

  /**
   * License cost shares over each entity's rollup (as `GET .../cost` counts them), summed
   * here exactly: few rows per entity, and SQLite keeps amounts as text. On the billed
   * basis, license payments on their dates.
   */
  private async licenseTotalsOf(
    refs: string[],
    periods: ComparedPeriods,
  ): Promise<EntityPeriodTotal[]> {
    if (periods.basis === 'billed') {
      const sums = new PeriodSums();
      const paid = await new RollupLicenseCostReader(this.db).paidLicenseCost(
        refs,
        periods.previousFrom,
        periods.to,
      );
      for (const row of paid) {
        sums
          .of(row.ancestorRef, row.currency, row.day >= periods.from)
          .add(row.amount);
      }
      return sums.totals();
    }
    const rows: Array<{
      ancestor_ref: string;
      currency: string;
      day: string;
      amount: string | number;
    }> = await this.db('finops_itam_license_daily_cost as l')
      .join('finops_itam_rollup_members as m', 'm.member_ref', 'l.entity_ref')
      .whereIn('m.ancestor_ref', refs)
      .where('l.day', '>=', periods.previousFrom)
      .where('l.day', '<', periods.to)
      .select('m.ancestor_ref', 'l.currency', 'l.day', 'l.amount');
    const sums = new PeriodSums();
    for (const row of rows) {
      sums
        .of(row.ancestor_ref, row.currency, row.day >= periods.from)
        .add(normalizeAmount(row.amount));
    }
    return sums.totals();
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
    const sums = new PeriodSums();
    for (const row of rows) {
      const target = sums.of(row.entity_ref, row.currency, !!row.is_current);
      for (const amount of row.amounts.split(' ')) {
        target.add(amount);
      }
    }
    return sums.totals();
  }
}
