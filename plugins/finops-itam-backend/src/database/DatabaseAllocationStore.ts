import { Knex } from 'knex';
import { ExactSum, trimDecimal } from '../allocation/exactSum';
import { nextMonthStart } from '../allocation/months';
import { databaseKindOf } from './databaseKind';

/** An entity's rollup over a half-open period, in one cost basis. */
interface RollupPeriodQuery {
  ancestorRef: string;
  from: string;
  to: string;
  basis: CostBasis;
}

const FACTS = 'finops_itam_cost_facts';
const ROLLUP = 'finops_itam_rollup_members';
const SHARED = 'finops_itam_shared_allocations';
const RUNS = 'finops_itam_allocation_runs';
const CONFLICTS = 'finops_itam_allocation_conflicts';
const DAILY = 'finops_itam_entity_daily_cost';
/** SQLite temporary table of one batch's allocation changes (per connection, never migrated). */
const CHANGES = 'finops_itam_allocation_changes';

/**
 * How long the allocation status (latest run, facts waiting) is reused between cost
 * requests. Writes through this store drop it at once; facts ingested by another store or
 * replica show up as "running" within this time.
 */
const STATUS_CACHE_MS = 1000;

/** Ids per `WHERE id IN (...)` and rows per INSERT: within both engines' parameter limits. */
const CHUNK = 500;

/**
 * Facts per `UPDATE ... FROM unnest(...)` on PostgreSQL: array parameters have no count
 * limit, this only bounds the size of one statement.
 */
const POSTGRES_UPDATE_CHUNK = 10_000;

/** Which amount a cost is read as: EffectiveCost (amortized, the default) or BilledCost. */
export type CostBasis = 'amortized' | 'billed';

export const COST_BASES: readonly CostBasis[] = ['amortized', 'billed'];

const BASIS_COLUMN: Record<CostBasis, string> = {
  amortized: 'effective_cost',
  billed: 'billed_cost',
};

/** The fields of a stored fact that allocation reads, with its current allocation. */
export interface StoredAllocationFact {
  id: string;
  billingAccountId: string;
  subAccountId: string | null;
  serviceName: string | null;
  chargeCategory: string;
  resourceId: string | null;
  resourceName: string | null;
  tags: string | null;
  /** FOCUS CommitmentDiscountStatus: `Used`, `Unused` or null. */
  commitmentDiscountStatus: string | null;
  day: string;
  currency: string;
  /** Decimal strings; pools are summed from them during the scan. */
  effectiveCost: string;
  billedCost: string;
  allocatedEntityRef: string | null;
  allocationRule: string | null;
  sharedPoolId: string | null;
  /** False until allocation has looked at the fact once. */
  allocated: boolean;
}

/** The allocation a fact should have; exactly one of entity or pool, or neither. */
export interface AllocationValues {
  allocatedEntityRef: string | null;
  allocationRule: string | null;
  sharedPoolId: string | null;
}

/** Amounts of one day and currency, per cost basis. */
export interface BasisAmounts {
  day: string;
  currency: string;
  amortized: string;
  billed: string;
}

/** One part of a shared pool. */
export interface SharedAllocationRow {
  day: string;
  currency: string;
  basis: CostBasis;
  targetRef: string;
  amount: string;
}

/** Rollup cost of one entity on one day in one currency, for one basis. */
export interface EntityDailyCostRow {
  day: string;
  currency: string;
  direct: string;
  shared: string;
}

/** The latest allocation run. */
export interface AllocationRunRecord {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'succeeded' | 'failed';
  factsScanned: number | null;
  factsChanged: number | null;
  message: string | null;
}

/** Direct cost of one target, day and currency, both bases. */
export interface DirectCostAmounts {
  amortized: string;
  billed: string;
}

/** One distinct rule conflict of the latest allocation run. */
export interface AllocationConflictRecord {
  resourceId: string | null;
  resourceName: string | null;
  rule: string;
  winner: string;
  candidates: string[];
  factCount: number;
}

type Column = string | Knex.Raw;
type Grouped<K extends string> = Record<K, string | null> & { amount: string };

const toIso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** The smallest and largest of some bigint ids, compared as integers. */
function idRange(ids: readonly string[]): [string, string] {
  let lowest = BigInt(ids[0]);
  let highest = lowest;
  for (const id of ids) {
    const value = BigInt(id);
    if (value < lowest) lowest = value;
    if (value > highest) highest = value;
  }
  return [lowest.toString(), highest.toString()];
}

/**
 * Allocation state in the plugin database: each fact's owner, the rollup closure, the
 * parts of shared pools and allocation runs. Amounts are summed with SUM on PostgreSQL
 * (numeric is exact) and in JavaScript with exact decimals on SQLite, where they are text.
 */
export class DatabaseAllocationStore {
  private readonly isPostgres: boolean;
  private status:
    | {
        expires: number;
        value: Promise<{
          run: AllocationRunRecord | undefined;
          waiting: boolean;
        }>;
      }
    | undefined;

  constructor(private readonly db: Knex) {
    this.isPostgres = databaseKindOf(db) === 'postgres';
  }

  /** Facts with id above `afterId`, in id order. */
  async readFactBatch(
    afterId: string | null,
    limit: number,
  ): Promise<StoredAllocationFact[]> {
    const query = this.db(FACTS)
      .select(
        'id',
        'billing_account_id',
        'sub_account_id',
        'service_name',
        'charge_category',
        'resource_id',
        'resource_name',
        'tags',
        'commitment_discount_status',
        'day',
        'currency',
        'effective_cost',
        'billed_cost',
        'allocated_entity_ref',
        'allocation_rule',
        'shared_pool_id',
        // Only whether it is set: parsing a timestamp per fact was a few percent of a run's CPU.
        this.db.raw(
          'CASE WHEN allocated_at IS NULL THEN 0 ELSE 1 END AS allocated',
        ),
      )
      .orderBy('id')
      .limit(limit);
    if (afterId !== null) {
      query.where('id', '>', afterId);
    }
    const rows = await query;
    return rows.map(row => ({
      id: String(row.id),
      billingAccountId: row.billing_account_id,
      subAccountId: row.sub_account_id,
      serviceName: row.service_name,
      chargeCategory: row.charge_category,
      resourceId: row.resource_id,
      resourceName: row.resource_name,
      tags: row.tags,
      commitmentDiscountStatus: row.commitment_discount_status ?? null,
      day: row.day,
      currency: row.currency,
      effectiveCost: String(row.effective_cost),
      billedCost: String(row.billed_cost),
      allocatedEntityRef: row.allocated_entity_ref,
      allocationRule: row.allocation_rule,
      sharedPoolId: row.shared_pool_id,
      allocated: Number(row.allocated) === 1,
    }));
  }

  /**
   * Writes new allocations in one transaction. On PostgreSQL each chunk of changes is one
   * `UPDATE ... FROM unnest(...)` with one array parameter per column, so a batch costs a
   * handful of round trips whatever the mix of values. On SQLite through a temporary
   * table and one `UPDATE ... FROM` per batch.
   */
  async applyAllocations(
    changes: ReadonlyArray<{ id: string; values: AllocationValues }>,
    at: Date,
  ): Promise<void> {
    if (changes.length === 0) {
      return;
    }
    this.status = undefined;
    if (this.isPostgres) {
      await this.db.transaction(async trx => {
        for (const chunk of chunks(changes, POSTGRES_UPDATE_CHUNK)) {
          const ids = chunk.map(c => c.id);
          const [lowest, highest] = idRange(ids);
          // The id range bounds the scan of the facts to the batch's stretch of the primary
          // key even when the planner's statistics are stale (facts ingested moments ago
          // look like an empty table and would otherwise be hashed whole per statement).
          await trx.raw(
            `UPDATE ${FACTS} AS f SET allocated_entity_ref = v.ref, allocation_rule = v.rule, ` +
              'shared_pool_id = v.pool, allocated_at = ? ' +
              'FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) AS v(id, ref, rule, pool) ' +
              'WHERE f.id = v.id AND f.id BETWEEN ? AND ?',
            // node-postgres turns each JavaScript array (nulls included) into a PostgreSQL array.
            [
              at,
              ids,
              chunk.map(c => c.values.allocatedEntityRef),
              chunk.map(c => c.values.allocationRule),
              chunk.map(c => c.values.sharedPoolId),
              lowest,
              highest,
            ] as unknown as Knex.RawBinding[],
          );
        }
      });
      return;
    }
    // SQLite: the changes go into a temporary table (500 rows per INSERT, knex's compound
    // SELECT limit) and one UPDATE ... FROM applies them. Updating per group of equal values
    // was one statement per fact when facts move to many different entities (a first run:
    // 2M statements for 2M facts).
    await this.db.transaction(async trx => {
      await trx.raw(
        `CREATE TEMP TABLE IF NOT EXISTS ${CHANGES} (id INTEGER PRIMARY KEY, ref TEXT, rule TEXT, pool TEXT)`,
      );
      await trx.raw(`DELETE FROM ${CHANGES}`);
      for (const chunk of chunks(changes)) {
        await trx(CHANGES).insert(
          chunk.map(c => ({
            id: c.id,
            ref: c.values.allocatedEntityRef,
            rule: c.values.allocationRule,
            pool: c.values.sharedPoolId,
          })),
        );
      }
      await trx.raw(
        `UPDATE ${FACTS} SET allocated_entity_ref = c.ref, allocation_rule = c.rule, ` +
          `shared_pool_id = c.pool, allocated_at = ? FROM ${CHANGES} AS c WHERE ${FACTS}.id = c.id`,
        [at],
      );
      await trx.raw(`DELETE FROM ${CHANGES}`);
    });
  }

  /** Replaces the rollup closure in one transaction. */
  async replaceRollupMembers(
    pairs: ReadonlyArray<{ ancestorRef: string; memberRef: string }>,
  ): Promise<void> {
    await this.db.transaction(async trx => {
      await trx(ROLLUP).delete();
      for (const chunk of chunks(pairs)) {
        await trx(ROLLUP).insert(
          chunk.map(p => ({
            ancestor_ref: p.ancestorRef,
            member_ref: p.memberRef,
          })),
        );
      }
    });
  }

  /** Every entity whose cost `ancestorRef` includes, itself among them. */
  async rollupMembersOf(ancestorRef: string): Promise<string[]> {
    const rows = await this.db(ROLLUP)
      .where('ancestor_ref', ancestorRef)
      .select('member_ref');
    return rows.map(row => row.member_ref);
  }

  /** Replaces the conflicts of the latest run in one transaction. */
  async replaceConflicts(
    runId: string | null,
    conflicts: readonly AllocationConflictRecord[],
  ): Promise<void> {
    await this.db.transaction(async trx => {
      await trx(CONFLICTS).delete();
      for (const chunk of chunks(conflicts, 200)) {
        await trx(CONFLICTS).insert(
          chunk.map(c => ({
            run_id: runId,
            resource_id: c.resourceId,
            resource_name: c.resourceName,
            rule: c.rule,
            winner_ref: c.winner,
            candidates: JSON.stringify(c.candidates),
            fact_count: c.factCount,
          })),
        );
      }
    });
  }

  /** Conflicts of the latest run, most facts first, with their total number. */
  async listConflicts(
    limit: number,
  ): Promise<{ conflicts: AllocationConflictRecord[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.db(CONFLICTS)
        .select(
          'resource_id',
          'resource_name',
          'rule',
          'winner_ref',
          'candidates',
          'fact_count',
        )
        .orderBy([
          { column: 'fact_count', order: 'desc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(limit),
      this.countConflicts(),
    ]);
    return {
      conflicts: rows.map(row => ({
        resourceId: row.resource_id,
        resourceName: row.resource_name,
        rule: row.rule,
        winner: row.winner_ref,
        candidates: JSON.parse(row.candidates),
        factCount: Number(row.fact_count),
      })),
      total,
    };
  }

  /** Number of distinct conflicts of the latest run. */
  async countConflicts(): Promise<number> {
    const [row] = await this.db(CONFLICTS).count({ count: '*' });
    return Number(row?.count ?? 0);
  }

  /** Replaces all parts of one pool in one transaction. */
  async replaceSharedAllocations(
    poolId: string,
    rows: readonly SharedAllocationRow[],
  ): Promise<void> {
    await this.db.transaction(async trx => {
      await trx(SHARED).where('pool_id', poolId).delete();
      for (const chunk of chunks(rows, 200)) {
        await trx(SHARED).insert(
          chunk.map(row => ({
            pool_id: poolId,
            day: row.day,
            currency: row.currency,
            basis: row.basis,
            target_ref: row.targetRef,
            amount: row.amount,
          })),
        );
      }
    });
  }

  /** Removes the parts of pools no longer configured. */
  async deleteSharedAllocationsExcept(
    poolIds: readonly string[],
  ): Promise<number> {
    return this.db(SHARED)
      .whereNotIn('pool_id', [...poolIds, ''])
      .delete();
  }

  async startRun(at: Date): Promise<string> {
    this.status = undefined;
    const [row] = await this.db(RUNS)
      .insert({ started_at: at, status: 'running' })
      .returning('id');
    return String(typeof row === 'object' ? row.id : row);
  }

  async finishRun(
    id: string,
    outcome: {
      status: 'succeeded' | 'failed';
      factsScanned: number;
      factsChanged: number;
      message: string;
    },
    at: Date,
  ): Promise<void> {
    this.status = undefined;
    await this.db(RUNS).where('id', id).update({
      finished_at: at,
      status: outcome.status,
      facts_scanned: outcome.factsScanned,
      facts_changed: outcome.factsChanged,
      message: outcome.message,
    });
    // Only the recent history is worth keeping.
    const keepFrom = await this.db(RUNS)
      .orderBy('id', 'desc')
      .offset(99)
      .first('id');
    if (keepFrom) {
      await this.db(RUNS).where('id', '<', keepFrom.id).delete();
    }
  }

  async latestRun(): Promise<AllocationRunRecord | undefined> {
    const row = await this.db(RUNS).orderBy('id', 'desc').first();
    if (!row) {
      return undefined;
    }
    return {
      id: String(row.id),
      startedAt: toIso(row.started_at)!,
      finishedAt: toIso(row.finished_at),
      status: row.status,
      factsScanned:
        row.facts_scanned === null ? null : Number(row.facts_scanned),
      factsChanged:
        row.facts_changed === null ? null : Number(row.facts_changed),
      message: row.message,
    };
  }

  /**
   * The latest run and whether facts wait for allocation, as every cost response reports
   * them: reused for up to a second across concurrent requests (two queries fewer per
   * request under load), dropped by any run or allocation write through this store.
   */
  allocationSnapshot(): Promise<{
    run: AllocationRunRecord | undefined;
    waiting: boolean;
  }> {
    const now = Date.now();
    if (!this.status || this.status.expires <= now) {
      const value = Promise.all([
        this.latestRun(),
        this.hasUnallocatedFacts(),
      ]).then(([run, waiting]) => ({ run, waiting }));
      const entry = { expires: now + STATUS_CACHE_MS, value };
      this.status = entry;
      // A failed read is not reused.
      value.catch(() => {
        if (this.status === entry) this.status = undefined;
      });
    }
    return this.status.value;
  }

  /** Whether any fact has not been allocated yet (ingested since the last run). */
  async hasUnallocatedFacts(): Promise<boolean> {
    const row = await this.db(FACTS).whereNull('allocated_at').first('id');
    return row !== undefined;
  }

  /**
   * Rebuilds the daily rollup table (`finops_itam_entity_daily_cost`) from the allocated
   * facts, the shared parts and the rollup closure, in one transaction (delete + insert),
   * so readers see either the old or the new rollup. A full rebuild: every entity, day,
   * currency and basis.
   *
   * On PostgreSQL one `INSERT ... SELECT` with exact numeric SUMs; on SQLite the needed
   * columns are read and summed here as exact decimals (SQL SUM would make the text amounts
   * floats). Returns the number of rows written.
   */
  async rebuildEntityDailyCost(): Promise<number> {
    if (this.isPostgres) {
      return this.db.transaction(async trx => {
        await trx(DAILY).delete();
        const result = await trx.raw(
          `WITH d AS (
             SELECT allocated_entity_ref AS member, day, currency,
                    sum(effective_cost) AS amortized, sum(billed_cost) AS billed
               FROM ${FACTS} WHERE allocated_entity_ref IS NOT NULL
              GROUP BY allocated_entity_ref, day, currency
           ), x AS (
             SELECT member, day, currency, 'amortized' AS basis, amortized AS direct, 0::numeric AS shared FROM d
             UNION ALL
             SELECT member, day, currency, 'billed' AS basis, billed AS direct, 0::numeric AS shared FROM d
             UNION ALL
             SELECT target_ref AS member, day, currency, basis, 0::numeric AS direct, amount AS shared FROM ${SHARED}
           )
           INSERT INTO ${DAILY} (entity_ref, day, currency, basis, direct, shared)
           SELECT r.ancestor_ref, x.day, x.currency, x.basis, sum(x.direct), sum(x.shared)
             FROM x JOIN ${ROLLUP} r ON r.member_ref = x.member
            GROUP BY r.ancestor_ref, x.day, x.currency, x.basis`,
        );
        return Number(result.rowCount ?? 0);
      });
    }
    return this.db.transaction(async trx => {
      const ancestorsOf = new Map<string, string[]>();
      for (const pair of await trx(ROLLUP).select(
        'ancestor_ref',
        'member_ref',
      )) {
        const list = ancestorsOf.get(pair.member_ref) ?? [];
        list.push(pair.ancestor_ref);
        ancestorsOf.set(pair.member_ref, list);
      }
      await trx(DAILY).delete();
      const [facts, parts] = await Promise.all([
        trx(FACTS).min({ first: 'day' }).max({ last: 'day' }).first(),
        trx(SHARED).min({ first: 'day' }).max({ last: 'day' }).first(),
      ]);
      const bounds = [
        facts?.first,
        facts?.last,
        parts?.first,
        parts?.last,
      ].filter((day): day is string => typeof day === 'string');
      if (bounds.length === 0) {
        return 0;
      }
      // Month by month, so memory holds one month of sums however many facts there are
      // (all at once, 2M facts × 5 ancestors exhausted a 4 GB heap).
      let written = 0;
      const last = bounds.reduce((a, b) => (a > b ? a : b)).slice(0, 7);
      for (
        let month = bounds.reduce((a, b) => (a < b ? a : b)).slice(0, 7);
        month <= last;

      ) {
        const to = nextMonthStart(month);
        written += await this.rebuildDailyDaysSqlite(
          trx,
          ancestorsOf,
          `${month}-01`,
          to,
        );
        month = to.slice(0, 7);
      }
      return written;
    });
  }

  /** The SQLite rebuild of the daily rollup for the days in `[from, to)`; returns rows written. */
  private async rebuildDailyDaysSqlite(
    trx: Knex.Transaction,
    ancestorsOf: ReadonlyMap<string, string[]>,
    from: string,
    to: string,
  ): Promise<number> {
    // Member, day, currency and basis → exact direct and shared sums (scaled BigInts: at
    // a million facts decimal.js was most of this rebuild's time and garbage).
    const sums = new Map<
      string,
      {
        member: string;
        day: string;
        currency: string;
        basis: CostBasis;
        direct: ExactSum;
        shared: ExactSum;
      }
    >();
    const add = (
      member: string,
      day: string,
      currency: string,
      basis: CostBasis,
      part: 'direct' | 'shared',
      amount: string,
    ) => {
      if (!ancestorsOf.has(member)) return;
      const k = `${member}\u0000${day}\u0000${currency}\u0000${basis}`;
      let entry = sums.get(k);
      if (!entry) {
        entry = {
          member,
          day,
          currency,
          basis,
          direct: new ExactSum(),
          shared: new ExactSum(),
        };
        sums.set(k, entry);
      }
      entry[part].add(amount);
    };
    const facts = await trx(FACTS)
      .whereNotNull('allocated_entity_ref')
      .where('day', '>=', from)
      .where('day', '<', to)
      .select(
        'allocated_entity_ref',
        'day',
        'currency',
        'effective_cost',
        'billed_cost',
      );
    for (const row of facts) {
      add(
        row.allocated_entity_ref,
        row.day,
        row.currency,
        'amortized',
        'direct',
        String(row.effective_cost),
      );
      add(
        row.allocated_entity_ref,
        row.day,
        row.currency,
        'billed',
        'direct',
        String(row.billed_cost),
      );
    }
    const parts = await trx(SHARED)
      .where('day', '>=', from)
      .where('day', '<', to)
      .select('target_ref', 'day', 'currency', 'basis', 'amount');
    for (const row of parts) {
      add(
        row.target_ref,
        row.day,
        row.currency,
        row.basis,
        'shared',
        String(row.amount),
      );
    }
    const out = new Map<
      string,
      {
        entity_ref: string;
        day: string;
        currency: string;
        basis: CostBasis;
        direct: ExactSum;
        shared: ExactSum;
      }
    >();
    for (const sum of sums.values()) {
      for (const ancestor of ancestorsOf.get(sum.member)!) {
        const k = `${ancestor}\u0000${sum.day}\u0000${sum.currency}\u0000${sum.basis}`;
        const entry = out.get(k);
        if (entry) {
          entry.direct.addSum(sum.direct);
          entry.shared.addSum(sum.shared);
        } else {
          out.set(k, {
            entity_ref: ancestor,
            day: sum.day,
            currency: sum.currency,
            basis: sum.basis,
            // Copies: the sums are mutable and a member has several ancestors.
            direct: new ExactSum().addSum(sum.direct),
            shared: new ExactSum().addSum(sum.shared),
          });
        }
      }
    }
    const rows = [...out.values()].map(r => ({
      ...r,
      direct: r.direct.toString(),
      shared: r.shared.toString(),
    }));
    // 500 rows per INSERT: knex writes them as one compound SELECT, which SQLite caps at
    // 500 terms; fewer, larger statements mean fewer statement preparations.
    for (const chunk of chunks(rows, 500)) {
      await trx(DAILY).insert(chunk);
    }
    return rows.length;
  }

  /** An entity's rollup cost per day and currency in `[from, to)`, from the daily rollup. */
  async entityDailyCost(options: {
    ancestorRef: string;
    from: string;
    to: string;
    basis: CostBasis;
  }): Promise<EntityDailyCostRow[]> {
    const rows = await this.db(DAILY)
      .where('entity_ref', options.ancestorRef)
      .where('day', '>=', options.from)
      .where('day', '<', options.to)
      .where('basis', options.basis)
      .select('day', 'currency', 'direct', 'shared');
    // trimDecimal, not normalizeAmount: this runs on every cost request for hundreds of rows.
    return rows.map(row => ({
      day: row.day,
      currency: row.currency,
      direct: trimDecimal(row.direct),
      shared: trimDecimal(row.shared),
    }));
  }

  /**
   * Direct cost of an entity's rollup in `[from, to)` per currency, service, charge category
   * and resource (not per day): the one facts query behind the breakdowns of `GET .../cost`
   * (by service, by charge category and by resource are all sums of these rows).
   */
  async directCostDetail(options: RollupPeriodQuery) {
    return this.sumBy(
      this.rollupFactsInPeriod(options),
      {
        currency: 'f.currency',
        serviceName: 'f.service_name',
        serviceCategory: 'f.service_category',
        chargeCategory: 'f.charge_category',
        resourceId: 'f.resource_id',
        resourceName: 'f.resource_name',
      },
      `f.${BASIS_COLUMN[options.basis]}`,
    );
  }

  /** Direct cost of an entity's rollup in `[from, to)`, per day, currency, service and charge category. */
  async directCostRows(options: RollupPeriodQuery) {
    return this.sumBy(
      this.rollupFactsInPeriod(options),
      {
        day: 'f.day',
        currency: 'f.currency',
        serviceName: 'f.service_name',
        serviceCategory: 'f.service_category',
        chargeCategory: 'f.charge_category',
      },
      `f.${BASIS_COLUMN[options.basis]}`,
    );
  }

  /** Facts (`f`) allocated to any rollup member of an entity, in `[from, to)`. */
  private rollupFactsInPeriod(options: RollupPeriodQuery) {
    return this.db(`${FACTS} as f`)
      .join(`${ROLLUP} as r`, 'r.member_ref', 'f.allocated_entity_ref')
      .where('r.ancestor_ref', options.ancestorRef)
      .where('f.day', '>=', options.from)
      .where('f.day', '<', options.to);
  }

  /** Shared cost of an entity's rollup in `[from, to)`, per day and currency. */
  async sharedCostRows(options: {
    ancestorRef: string;
    from: string;
    to: string;
    basis: CostBasis;
  }) {
    return this.sumBy(
      this.db(`${SHARED} as s`)
        .join(`${ROLLUP} as r`, 'r.member_ref', 's.target_ref')
        .where('r.ancestor_ref', options.ancestorRef)
        .where('s.basis', options.basis)
        .where('s.day', '>=', options.from)
        .where('s.day', '<', options.to),
      { day: 's.day', currency: 's.currency' },
      's.amount',
    );
  }

  /**
   * Cost in `[from, to)` per billing account, currency, day, pool and whether it is
   * directly allocated; with the (pool, day, currency) keys whose pool has been split.
   */
  async coverageRows(options: { from: string; to: string; basis: CostBasis }) {
    const rows = await this.sumBy(
      this.db(FACTS)
        .where('day', '>=', options.from)
        .where('day', '<', options.to),
      {
        billingAccountId: 'billing_account_id',
        currency: 'currency',
        day: 'day',
        sharedPoolId: 'shared_pool_id',
        direct: this.db.raw(
          "CASE WHEN allocated_entity_ref IS NULL THEN 'n' ELSE 'y' END",
        ),
      },
      BASIS_COLUMN[options.basis],
    );
    const split = await this.db(SHARED)
      .where('basis', options.basis)
      .where('day', '>=', options.from)
      .where('day', '<', options.to)
      .distinct('pool_id', 'day', 'currency');
    return {
      rows,
      splitPools: new Set(
        split.map(s => `${s.pool_id}\u0000${s.day}\u0000${s.currency}`),
      ),
    };
  }

  /**
   * Sums `amount` grouped by `groups` (alias → column): in SQL on PostgreSQL, where numeric
   * is exact; in JavaScript on SQLite, where amounts are text that SUM would make floats.
   */
  private async sumBy<K extends string>(
    query: Knex.QueryBuilder,
    groups: Record<K, Column>,
    amount: string,
  ): Promise<Grouped<K>[]> {
    const aliases = Object.keys(groups) as K[];
    const selects = aliases.map(alias => {
      const column = groups[alias];
      return typeof column === 'string'
        ? this.db.raw('?? as ??', [column, alias])
        : this.db.raw(`${column.toQuery()} as ??`, [alias]);
    });
    if (this.isPostgres) {
      const rows = await query
        .select(selects)
        .select(this.db.raw('sum(??) as ??', [amount, 'amount']))
        .groupBy(aliases.map(alias => groups[alias]) as any);
      return rows.map((row: any) => ({
        ...row,
        amount: trimDecimal(row.amount),
      }));
    }
    const rows = await query
      .select(selects)
      .select(this.db.raw('?? as ??', [amount, 'amount']));
    // Scaled BigInts rather than decimal.js: exact as well, and this sums every fact of a
    // cost request on SQLite.
    const sums = new Map<string, { row: any; total: ExactSum }>();
    for (const row of rows) {
      const key = aliases.map(alias => row[alias] ?? '\u0001').join('\u0000');
      const entry = sums.get(key);
      if (entry) {
        entry.total.add(row.amount);
      } else {
        sums.set(key, { row, total: new ExactSum().add(row.amount) });
      }
    }
    return [...sums.values()].map(({ row, total }) => ({
      ...row,
      amount: total.toString(),
    }));
  }
}
