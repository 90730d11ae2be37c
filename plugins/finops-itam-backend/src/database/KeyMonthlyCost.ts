import { Knex } from 'knex';
import { ExactSum } from '../money';
import { nextMonthStart } from '../shared/months';
import { FactMonth } from './changedMonths';
import { factMonths } from './factMonths';
import { databaseKindOf } from './databaseKind';
import { COST_FACTS_TABLE, KEY_MONTHLY_COST_TABLE } from './tables';

/** Rows per INSERT on SQLite: knex writes a compound SELECT, which SQLite caps at 500 terms. */
const SQLITE_CHUNK = 500;

/**
 * The cost of each allocation key per calendar month (`finops_itam_key_monthly_cost`).
 *
 * Why: a year's breakdown of an entity (by service, charge category, resource) otherwise
 * sums one fact per resource and day, and facts of one resource lie in as many different
 * pages as it has days, since they are stored in delivery order. Whole months come from
 * here (one row per key and month), only the partial months at a period's ends from facts.
 * It depends on facts alone, not on allocation, so it is rebuilt when facts change and an
 * annotation change leaves it alone.
 */
export class KeyMonthlyCost {
  private readonly isPostgres: boolean;

  constructor(private readonly db: Knex) {
    this.isPostgres = databaseKindOf(db) === 'postgres';
  }

  /**
   * Replaces the rows by the sums of the facts up to `maxId`: every row, or with `months`
   * only the rows of those months (the others are left as they are).
   */
  async rebuild(maxId: string, months?: readonly FactMonth[]): Promise<void> {
    if (months) {
      // A month per calendar month of data: well within any engine's parameter limit.
      await this.db(KEY_MONTHLY_COST_TABLE)
        .whereIn(
          'month',
          months.map(m => m.month),
        )
        .delete();
    } else {
      await this.db(KEY_MONTHLY_COST_TABLE).delete();
    }
    if (this.isPostgres) {
      // Without months, no day condition: with an all-days range the full rebuild took
      // twice as long on PostgreSQL (bench:allocation, 1.2M facts).
      const ranges: ReadonlyArray<FactMonth | undefined> = months ?? [
        undefined,
      ];
      for (const range of ranges) {
        const days = range ? `AND day >= ? AND day < ?` : '';
        await this.db.raw(
          `INSERT INTO ${KEY_MONTHLY_COST_TABLE} (allocation_key, month, currency, amortized, billed)
           SELECT allocation_key, substr(day, 1, 7), currency, sum(effective_cost), sum(billed_cost)
             FROM ${COST_FACTS_TABLE} WHERE allocation_key IS NOT NULL AND id <= ? ${days}
            GROUP BY allocation_key, substr(day, 1, 7), currency`,
          range ? [maxId, range.from, range.to] : [maxId],
        );
      }
      // Fresh statistics, or the planner takes the refilled table for empty and scans it
      // whole per request.
      if (!months) await this.db.raw(`ANALYZE ${KEY_MONTHLY_COST_TABLE}`);
      return;
    }
    for (const { month, from, to } of months ?? (await factMonths(this.db))) {
      const sums = new Map<
        string,
        { key: string; currency: string; amortized: ExactSum; billed: ExactSum }
      >();
      const facts = await this.db(COST_FACTS_TABLE)
        .whereNotNull('allocation_key')
        .where('id', '<=', maxId)
        .where('day', '>=', from)
        .where('day', '<', to)
        .select('allocation_key', 'currency', 'effective_cost', 'billed_cost');
      for (const f of facts) {
        const k = `${f.allocation_key}\u0000${f.currency}`;
        let entry = sums.get(k);
        if (!entry) {
          entry = {
            key: f.allocation_key,
            currency: f.currency,
            amortized: new ExactSum(),
            billed: new ExactSum(),
          };
          sums.set(k, entry);
        }
        entry.amortized.add(f.effective_cost);
        entry.billed.add(f.billed_cost);
      }
      const rows = [...sums.values()].map(e => ({
        allocation_key: e.key,
        month,
        currency: e.currency,
        amortized: e.amortized.toString(),
        billed: e.billed.toString(),
      }));
      for (let i = 0; i < rows.length; i += SQLITE_CHUNK) {
        await this.db(KEY_MONTHLY_COST_TABLE).insert(
          rows.slice(i, i + SQLITE_CHUNK),
        );
      }
    }
  }
}

/**
 * Splits `[from, to)` into the whole calendar months it contains (`YYYY-MM`, `[fromMonth,
 * toMonth)`) and the day ranges before and after them. A period inside one month has no
 * whole month: all of it is an edge.
 */
export function splitIntoMonths(
  from: string,
  to: string,
): {
  months: { from: string; to: string } | null;
  edges: Array<{ from: string; to: string }>;
} {
  const firstWhole = from.endsWith('-01')
    ? from
    : nextMonthStart(from.slice(0, 7));
  const lastEnd = `${to.slice(0, 7)}-01`;
  if (firstWhole >= lastEnd) {
    return { months: null, edges: [{ from, to }] };
  }
  const edges = [
    { from, to: firstWhole },
    { from: lastEnd, to },
  ].filter(e => e.from < e.to);
  return {
    months: { from: firstWhole.slice(0, 7), to: lastEnd.slice(0, 7) },
    edges,
  };
}
