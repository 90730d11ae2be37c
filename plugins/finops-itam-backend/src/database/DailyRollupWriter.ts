import { Knex } from 'knex';
import { ExactSum } from '../money';
import { FactMonth } from './changedMonths';
import { factMonths } from './factMonths';
import { databaseKindOf } from './databaseKind';
import {
  ALLOCATION_KEYS_TABLE,
  COST_FACTS_TABLE,
  ENTITY_DAILY_COST_TABLE,
  ROLLUP_MEMBERS_TABLE,
  SHARED_ALLOCATIONS_TABLE,
} from './tables';

/** Rows per INSERT on SQLite: knex writes a compound SELECT, which SQLite caps at 500 terms. */
const SQLITE_CHUNK = 500;
/** Rows per `INSERT ... SELECT FROM unnest(...)` on PostgreSQL. */
const POSTGRES_CHUNK = 10_000;

/** One cost basis of a rollup row. */
export type RollupBasis = 'amortized' | 'billed';

/** An amount to add to one rollup row's direct cost (negative to take away). */
export interface RollupDelta {
  entityRef: string;
  day: string;
  currency: string;
  basis: RollupBasis;
  amount: string;
}

/** A pool's or an entity's cost of one day and currency, in both bases. */
export interface DayAmounts {
  day: string;
  currency: string;
  amortized: string;
  billed: string;
}

const rowKey = (
  entityRef: string,
  day: string,
  currency: string,
  basis: string,
) => `${entityRef}\u0000${day}\u0000${currency}\u0000${basis}`;

/** Exact sums per (owner, day, currency, basis). */
class RollupSums {
  private readonly sums = new Map<
    string,
    {
      entityRef: string;
      day: string;
      currency: string;
      basis: RollupBasis;
      sum: ExactSum;
    }
  >();

  add(
    entityRef: string,
    day: string,
    currency: string,
    basis: RollupBasis,
    amount: string | number,
  ): void {
    const k = rowKey(entityRef, day, currency, basis);
    let entry = this.sums.get(k);
    if (!entry) {
      entry = { entityRef, day, currency, basis, sum: new ExactSum() };
      this.sums.set(k, entry);
    }
    entry.sum.add(amount);
  }

  rows(): Array<{
    entityRef: string;
    day: string;
    currency: string;
    basis: RollupBasis;
    amount: string;
  }> {
    return [...this.sums.values()].map(({ sum, ...rest }) => ({
      ...rest,
      amount: sum.toString(),
    }));
  }
}

/** The sums of both bases side by side, per owner, in day and currency order. */
function pairBases(sums: RollupSums): Map<string, DayAmounts[]> {
  const byOwnerDay = new Map<string, Map<string, DayAmounts>>();
  for (const r of sums.rows()) {
    let days = byOwnerDay.get(r.entityRef);
    if (!days) {
      days = new Map();
      byOwnerDay.set(r.entityRef, days);
    }
    const k = `${r.day}\u0000${r.currency}`;
    const entry = days.get(k) ?? {
      day: r.day,
      currency: r.currency,
      amortized: '0',
      billed: '0',
    };
    entry[r.basis] = r.amount;
    days.set(k, entry);
  }
  const out = new Map<string, DayAmounts[]>();
  for (const [owner, days] of byOwnerDay) {
    out.set(
      owner,
      [...days.values()].sort((a, b) =>
        (a.day + a.currency).localeCompare(b.day + b.currency),
      ),
    );
  }
  return out;
}

/**
 * Writes the daily rollup (`finops_itam_entity_daily_cost`: per entity, day, currency and
 * basis, the direct cost of the entity and its rollup members, and their shared parts).
 * Direct cost is rebuilt in full after facts were ingested or deleted, and moved by deltas
 * when only allocations changed; shared cost is recomputed from the pools' parts each run.
 * Run inside one transaction, readers see the old or the new rollup, never a mix.
 *
 * Sums are exact: SQL SUM over numeric on PostgreSQL; scaled BigInts on SQLite, where
 * amounts are text that SQL SUM would turn into floats.
 */
export class DailyRollupWriter {
  private readonly isPostgres: boolean;

  constructor(private readonly db: Knex) {
    this.isPostgres = databaseKindOf(db) === 'postgres';
  }

  /**
   * Replaces the rows by the direct cost of the facts up to `maxId`, shared cost 0: every
   * row, or with `months` only the rows of those months (the others are left as they are).
   */
  async rebuildDirect(
    maxId: string,
    months?: readonly FactMonth[],
  ): Promise<void> {
    if (months) {
      for (const { from, to } of months) {
        await this.db(ENTITY_DAILY_COST_TABLE)
          .where('day', '>=', from)
          .where('day', '<', to)
          .delete();
      }
    } else {
      await this.db(ENTITY_DAILY_COST_TABLE).delete();
    }
    if (this.isPostgres) {
      // Without months, no day condition: with an all-days range the full rebuild took
      // twice as long on PostgreSQL (bench:allocation, 1.2M facts). Both bases go through
      // the ancestors' join and grouping as one row and split only at the end: the select
      // of a full rebuild at 20M facts took 130 s instead of 217 s with one row per basis
      // (bench/scale, load 9–13).
      const ranges: ReadonlyArray<FactMonth | undefined> = months ?? [
        undefined,
      ];
      for (const range of ranges) {
        const days = range ? `AND f.day >= ? AND f.day < ?` : '';
        await this.db.raw(
          `WITH d AS (
           SELECT k.allocated_entity_ref AS member, f.day, f.currency,
                  sum(f.effective_cost) AS amortized, sum(f.billed_cost) AS billed
             FROM ${COST_FACTS_TABLE} f JOIN ${ALLOCATION_KEYS_TABLE} k ON k.key = f.allocation_key
            WHERE k.allocated_entity_ref IS NOT NULL AND f.id <= ? ${days}
            GROUP BY k.allocated_entity_ref, f.day, f.currency
         ), a AS (
           SELECT r.ancestor_ref, d.day, d.currency,
                  sum(d.amortized) AS amortized, sum(d.billed) AS billed
             FROM d JOIN ${ROLLUP_MEMBERS_TABLE} r ON r.member_ref = d.member
            GROUP BY r.ancestor_ref, d.day, d.currency
         )
         INSERT INTO ${ENTITY_DAILY_COST_TABLE} (entity_ref, day, currency, basis, direct, shared)
         SELECT ancestor_ref, day, currency, 'amortized', amortized, 0 FROM a
         UNION ALL
         SELECT ancestor_ref, day, currency, 'billed', billed, 0 FROM a`,
          range ? [maxId, range.from, range.to] : [maxId],
        );
      }
      return;
    }
    const ancestorsOf = await this.ancestorsByMember();
    for (const { from, to } of months ?? (await factMonths(this.db))) {
      const sums = new RollupSums();
      const facts = await this.db(`${COST_FACTS_TABLE} as f`)
        .join(`${ALLOCATION_KEYS_TABLE} as k`, 'k.key', 'f.allocation_key')
        .whereNotNull('k.allocated_entity_ref')
        .where('f.id', '<=', maxId)
        .where('f.day', '>=', from)
        .where('f.day', '<', to)
        .select(
          'k.allocated_entity_ref as member',
          'f.day',
          'f.currency',
          'f.effective_cost',
          'f.billed_cost',
        );
      for (const row of facts) {
        for (const ancestor of ancestorsOf.get(row.member) ?? []) {
          sums.add(
            ancestor,
            row.day,
            row.currency,
            'amortized',
            row.effective_cost,
          );
          sums.add(ancestor, row.day, row.currency, 'billed', row.billed_cost);
        }
      }
      await this.insertSqlite(
        sums.rows().map(r => ({ ...r, direct: r.amount, shared: '0' })),
      );
    }
  }

  /** Adds `deltas` (already expanded to every ancestor) to the rows' direct cost. */
  async addToDirect(deltas: readonly RollupDelta[]): Promise<void> {
    const sums = new RollupSums();
    for (const d of deltas)
      sums.add(d.entityRef, d.day, d.currency, d.basis, d.amount);
    const rows = sums.rows().filter(r => r.amount !== '0');
    if (rows.length === 0) return;
    if (this.isPostgres) {
      for (let i = 0; i < rows.length; i += POSTGRES_CHUNK) {
        const chunk = rows.slice(i, i + POSTGRES_CHUNK);
        await this.db.raw(
          `INSERT INTO ${ENTITY_DAILY_COST_TABLE} AS t (entity_ref, day, currency, basis, direct, shared)
           SELECT e, d, c, b, a, 0 FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[]) AS v(e, d, c, b, a)
           ON CONFLICT (entity_ref, day, currency, basis) DO UPDATE SET direct = t.direct + EXCLUDED.direct`,
          [
            chunk.map(r => r.entityRef),
            chunk.map(r => r.day),
            chunk.map(r => r.currency),
            chunk.map(r => r.basis),
            chunk.map(r => r.amount),
          ] as unknown as Knex.RawBinding[],
        );
      }
      return;
    }
    // SQLite: read the rows concerned, add exactly here, write them back.
    const current = await this.rowsOf(rows.map(r => r.entityRef));
    const merged = rows.map(r => {
      const before = current.get(
        rowKey(r.entityRef, r.day, r.currency, r.basis),
      );
      return {
        ...r,
        direct: new ExactSum()
          .add(before?.direct ?? '0')
          .add(r.amount)
          .toString(),
        shared: before?.shared ?? '0',
      };
    });
    await this.insertSqlite(merged, true);
  }

  /**
   * Each pool's cost of the facts up to `maxId`, per pool, day and currency (the amounts
   * its parts must add up to).
   */
  async poolTotals(maxId: string): Promise<Map<string, DayAmounts[]>> {
    const query = this.db(`${COST_FACTS_TABLE} as f`)
      .join(`${ALLOCATION_KEYS_TABLE} as k`, 'k.key', 'f.allocation_key')
      .whereNotNull('k.shared_pool_id')
      .where('f.id', '<=', maxId);
    const out = new Map<string, DayAmounts[]>();
    const push = (pool: string, amounts: DayAmounts) => {
      const list = out.get(pool) ?? [];
      list.push(amounts);
      out.set(pool, list);
    };
    if (this.isPostgres) {
      const rows = await query
        .groupBy('k.shared_pool_id', 'f.day', 'f.currency')
        .orderBy(['k.shared_pool_id', 'f.day', 'f.currency'])
        .select(
          'k.shared_pool_id as pool',
          'f.day',
          'f.currency',
          this.db.raw('sum(f.effective_cost)::text as amortized'),
          this.db.raw('sum(f.billed_cost)::text as billed'),
        );
      for (const r of rows)
        push(r.pool, {
          day: r.day,
          currency: r.currency,
          amortized: r.amortized,
          billed: r.billed,
        });
      return out;
    }
    const sums = new RollupSums();
    for (const r of await query.select(
      'k.shared_pool_id as pool',
      'f.day',
      'f.currency',
      'f.effective_cost',
      'f.billed_cost',
    )) {
      sums.add(r.pool, r.day, r.currency, 'amortized', r.effective_cost);
      sums.add(r.pool, r.day, r.currency, 'billed', r.billed_cost);
    }
    for (const [pool, amounts] of pairBases(sums)) {
      for (const a of amounts) push(pool, a);
    }
    for (const list of out.values())
      list.sort((a, b) =>
        (a.day + a.currency).localeCompare(b.day + b.currency),
      );
    return out;
  }

  /** The rollup direct cost of `refs` (each with its members), per ref, day and currency. */
  async directOf(refs: readonly string[]): Promise<Map<string, DayAmounts[]>> {
    const sums = new RollupSums();
    for (let i = 0; i < refs.length; i += SQLITE_CHUNK) {
      const rows = await this.db(ENTITY_DAILY_COST_TABLE)
        .whereIn('entity_ref', refs.slice(i, i + SQLITE_CHUNK))
        .select('entity_ref', 'day', 'currency', 'basis', 'direct');
      for (const r of rows)
        sums.add(r.entity_ref, r.day, r.currency, r.basis, String(r.direct));
    }
    return pairBases(sums);
  }

  /**
   * Recomputes every row's shared cost from the pools' parts and the rollup closure, then
   * drops rows left with no cost at all (an entity that lost its last cost has no row, as
   * after a rebuild).
   */
  async refreshShared(): Promise<void> {
    await this.writeShared();
    // '0' as text: better-sqlite3 binds the number 0 as a float, which compares as '0.0'.
    await this.db(ENTITY_DAILY_COST_TABLE)
      .where('direct', '0')
      .where('shared', '0')
      .delete();
  }

  private async writeShared(): Promise<void> {
    if (this.isPostgres) {
      // One statement that writes only the rows whose shared cost changes: zeroing every
      // shared amount and adding them all back rewrote every row with shared cost on every
      // run (134,160 rows, 19 s at 20M facts, bench/scale). The two parts touch disjoint rows.
      await this.db.raw(
        `WITH s AS (
           SELECT r.ancestor_ref AS entity_ref, s.day, s.currency, s.basis, sum(s.amount) AS amount
             FROM ${SHARED_ALLOCATIONS_TABLE} s JOIN ${ROLLUP_MEMBERS_TABLE} r ON r.member_ref = s.target_ref
            GROUP BY r.ancestor_ref, s.day, s.currency, s.basis
         ), cleared AS (
           UPDATE ${ENTITY_DAILY_COST_TABLE} AS t SET shared = 0
            WHERE t.shared <> 0 AND NOT EXISTS (
              SELECT 1 FROM s WHERE s.entity_ref = t.entity_ref AND s.day = t.day
                 AND s.currency = t.currency AND s.basis = t.basis)
         )
         INSERT INTO ${ENTITY_DAILY_COST_TABLE} AS t (entity_ref, day, currency, basis, direct, shared)
         SELECT entity_ref, day, currency, basis, 0, amount FROM s
         ON CONFLICT (entity_ref, day, currency, basis)
           DO UPDATE SET shared = EXCLUDED.shared WHERE t.shared <> EXCLUDED.shared`,
      );
      return;
    }
    await this.db(ENTITY_DAILY_COST_TABLE)
      .whereNot('shared', '0')
      .update({ shared: '0' });
    const ancestorsOf = await this.ancestorsByMember();
    const sums = new RollupSums();
    for (const r of await this.db(SHARED_ALLOCATIONS_TABLE).select(
      'target_ref',
      'day',
      'currency',
      'basis',
      'amount',
    )) {
      for (const ancestor of ancestorsOf.get(r.target_ref) ?? []) {
        sums.add(ancestor, r.day, r.currency, r.basis, String(r.amount));
      }
    }
    const rows = sums.rows();
    const current = await this.rowsOf(rows.map(r => r.entityRef));
    await this.insertSqlite(
      rows.map(r => ({
        ...r,
        direct:
          current.get(rowKey(r.entityRef, r.day, r.currency, r.basis))
            ?.direct ?? '0',
        shared: r.amount,
      })),
      true,
    );
  }

  /** The stored rows of some entities (SQLite, where sums are done here), by row key. */
  private async rowsOf(
    entityRefs: readonly string[],
  ): Promise<Map<string, { direct: string; shared: string }>> {
    const out = new Map<string, { direct: string; shared: string }>();
    const refs = [...new Set(entityRefs)];
    for (let i = 0; i < refs.length; i += SQLITE_CHUNK) {
      const chunk = refs.slice(i, i + SQLITE_CHUNK);
      for (const row of await this.db(ENTITY_DAILY_COST_TABLE).whereIn(
        'entity_ref',
        chunk,
      )) {
        out.set(rowKey(row.entity_ref, row.day, row.currency, row.basis), {
          direct: String(row.direct),
          shared: String(row.shared),
        });
      }
    }
    return out;
  }

  private async ancestorsByMember(): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const pair of await this.db(ROLLUP_MEMBERS_TABLE).select(
      'ancestor_ref',
      'member_ref',
    )) {
      const list = out.get(pair.member_ref) ?? [];
      list.push(pair.ancestor_ref);
      out.set(pair.member_ref, list);
    }
    return out;
  }

  private async insertSqlite(
    rows: ReadonlyArray<{
      entityRef: string;
      day: string;
      currency: string;
      basis: string;
      direct: string;
      shared: string;
    }>,
    replace = false,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += SQLITE_CHUNK) {
      const insert = this.db(ENTITY_DAILY_COST_TABLE).insert(
        rows.slice(i, i + SQLITE_CHUNK).map(r => ({
          entity_ref: r.entityRef,
          day: r.day,
          currency: r.currency,
          basis: r.basis,
          direct: r.direct,
          shared: r.shared,
        })),
      );
      await (replace
        ? insert.onConflict(['entity_ref', 'day', 'currency', 'basis']).merge()
        : insert);
    }
  }
}
