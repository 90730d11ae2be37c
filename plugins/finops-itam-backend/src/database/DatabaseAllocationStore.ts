import { Knex } from 'knex';
import { ExactSum, trimDecimal } from '../money';
import { AllocationKeyStore } from './AllocationKeyStore';
import {
  AllocationConflictRecord,
  AllocationRunRecord,
  AllocationStore,
  CostBasis,
  EntityCostReads,
  Grouped,
  RollupPeriodQuery,
  SharedAllocationRow,
  EntityDailyCostRow,
} from './AllocationStore';
import { DailyRollupWriter } from './DailyRollupWriter';
import { KeyMonthlyCost, splitIntoMonths } from './KeyMonthlyCost';
import {
  FactMonth,
  clearChangedMonths,
  readChangedMonths,
} from './changedMonths';
import { bumpCostDataVersion, readCostDataVersion } from './costDataVersion';
import { databaseKindOf } from './databaseKind';
import {
  deleteDigestsExcept,
  digestRows,
  readDigest,
  sharedPoolDigestName,
  writeDigest,
} from './outputDigests';
import {
  ALLOCATED_FACTS_VIEW,
  ALLOCATION_CONFLICTS_TABLE,
  ALLOCATION_KEYS_TABLE,
  ALLOCATION_RUNS_TABLE,
  COST_FACTS_TABLE,
  ENTITY_DAILY_COST_TABLE,
  KEY_MONTHLY_COST_TABLE,
  ROLLUP_MEMBERS_TABLE,
  SHARED_ALLOCATIONS_TABLE,
} from './tables';

/**
 * How long the allocation status (latest run, facts waiting) is reused between cost
 * requests. Writes through this store drop it at once; facts ingested by another store or
 * replica show up as "running" within this time.
 */
const STATUS_CACHE_MS = 1000;

/** Ids per `WHERE id IN (...)` and rows per INSERT: within both engines' parameter limits. */
const CHUNK = 500;

// Kept importable from here for tests and benchmarks that named them before the interface.
export { COST_BASES } from './AllocationStore';
export type {
  AllocationConflictRecord,
  AllocationRunRecord,
  BasisAmounts,
  CostBasis,
  DirectCostAmounts,
  EntityDailyCostRow,
  SharedAllocationRow,
} from './AllocationStore';

const BASIS_COLUMN: Record<CostBasis, string> = {
  amortized: 'effective_cost',
  billed: 'billed_cost',
};

type Column = string | Knex.Raw;

const toIso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** Advisory lock key of allocation runs on PostgreSQL. */
const RUN_LOCK = ['finops-itam', 'allocation-run'];

/** The last queued allocation run per SQLite database of this process. */
const sqliteRuns = new WeakMap<Knex, Promise<unknown>>();

/**
 * Allocation state in the plugin database: each fact's owner, the rollup closure, the
 * parts of shared pools and allocation runs. Amounts are summed with SUM on PostgreSQL
 * (numeric is exact) and in JavaScript with exact decimals on SQLite, where they are text.
 */
/** Marks a named value in a compiled cost read (see `costReadStatement`). */
const SLOT = '\u0000slot:';

export class DatabaseAllocationStore implements AllocationStore {
  /** `costReadStatement`'s compiled statements, by shape. */
  private readonly costReadStatements = new Map<
    string,
    { sql: string; slots: string[] }
  >();

  private readonly isPostgres: boolean;
  private status:
    | {
        expires: number;
        value: Promise<{
          run: AllocationRunRecord | undefined;
          waiting: boolean;
          costDataVersion: string;
        }>;
      }
    | undefined;

  /** The facts' allocation keys. */
  readonly keys: AllocationKeyStore;
  /** Writes of the daily rollup. */
  readonly rollup: DailyRollupWriter;
  /** The allocation keys' monthly sums. */
  readonly keyMonths: KeyMonthlyCost;

  constructor(private readonly db: Knex) {
    this.isPostgres = databaseKindOf(db) === 'postgres';
    this.keys = new AllocationKeyStore(db);
    this.rollup = new DailyRollupWriter(db);
    this.keyMonths = new KeyMonthlyCost(db);
  }

  /**
   * Runs `fn` as the only allocation run on the database. Two replicas allocating at once
   * rebuilt the same rollup rows side by side and one failed on a duplicate key. On
   * PostgreSQL every replica takes one session advisory lock, on a connection of its own
   * for the whole run, so a killed replica's lock ends with its connection; on SQLite (one
   * process) runs on one database queue in this process.
   */
  async exclusively<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.isPostgres) {
      const before = sqliteRuns.get(this.db) ?? Promise.resolve();
      const mine = before.then(fn);
      sqliteRuns.set(
        this.db,
        mine.catch(() => undefined),
      );
      return mine;
    }
    const client = this.db.client;
    const connection = await client.acquireConnection();
    try {
      // The two-key form: a key space apart from the sources' single-key locks.
      await this.db
        .raw('SELECT pg_advisory_lock(hashtext(?), hashtext(?))', RUN_LOCK)
        .connection(connection);
      try {
        return await fn();
      } finally {
        await this.db
          .raw('SELECT pg_advisory_unlock(hashtext(?), hashtext(?))', RUN_LOCK)
          .connection(connection)
          // A connection that is gone took its lock with it.
          .catch(() => undefined);
      }
    } finally {
      await client.releaseConnection(connection);
    }
  }

  /**
   * Runs `fn` in one transaction with stores bound to it. On SQLite the transaction holds
   * the only connection: `fn` must not use stores from outside.
   */
  transaction<T>(
    fn: (tx: {
      allocation: AllocationStore;
      keys: AllocationKeyStore;
      rollup: DailyRollupWriter;
      keyMonths: KeyMonthlyCost;
    }) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(trx => {
      const allocation = new DatabaseAllocationStore(trx);
      return fn({
        allocation,
        keys: allocation.keys,
        rollup: allocation.rollup,
        keyMonths: allocation.keyMonths,
      });
    });
  }

  /** The rollup closure as stored (by the previous run). */
  async readRollupMembers(): Promise<
    Array<{ ancestorRef: string; memberRef: string }>
  > {
    const rows = await this.db(ROLLUP_MEMBERS_TABLE).select(
      'ancestor_ref',
      'member_ref',
    );
    return rows.map(row => ({
      ancestorRef: row.ancestor_ref,
      memberRef: row.member_ref,
    }));
  }

  /** Replaces the rollup closure in one transaction. */
  async replaceRollupMembers(
    pairs: ReadonlyArray<{ ancestorRef: string; memberRef: string }>,
  ): Promise<void> {
    await this.db.transaction(async trx => {
      await trx(ROLLUP_MEMBERS_TABLE).delete();
      for (const chunk of chunks(pairs)) {
        await trx(ROLLUP_MEMBERS_TABLE).insert(
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
    const rows = await this.db(ROLLUP_MEMBERS_TABLE)
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
      await trx(ALLOCATION_CONFLICTS_TABLE).delete();
      for (const chunk of chunks(conflicts, 200)) {
        await trx(ALLOCATION_CONFLICTS_TABLE).insert(
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
      this.db(ALLOCATION_CONFLICTS_TABLE)
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
    const [row] = await this.db(ALLOCATION_CONFLICTS_TABLE).count({
      count: '*',
    });
    return Number(row?.count ?? 0);
  }

  /**
   * Replaces all parts of one pool in one transaction, unless they are the parts already
   * stored (same digest): a pool recomputed every run mostly gives the same split, and
   * rewriting it would only cost writes. Says whether anything was written.
   */
  async replaceSharedAllocations(
    poolId: string,
    rows: readonly SharedAllocationRow[],
  ): Promise<boolean> {
    const name = sharedPoolDigestName(poolId);
    const digest = digestRows(
      rows.map(r => [r.day, r.currency, r.basis, r.targetRef, r.amount]),
    );
    return this.db.transaction(async trx => {
      if ((await readDigest(trx, name)) === digest) {
        return false;
      }
      await trx(SHARED_ALLOCATIONS_TABLE).where('pool_id', poolId).delete();
      for (const chunk of chunks(rows, 200)) {
        await trx(SHARED_ALLOCATIONS_TABLE).insert(
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
      await writeDigest(trx, name, digest);
      return true;
    });
  }

  /** Removes the parts (and digests) of pools no longer configured; returns the parts removed. */
  async deleteSharedAllocationsExcept(
    poolIds: readonly string[],
  ): Promise<number> {
    await deleteDigestsExcept(
      this.db,
      sharedPoolDigestName(''),
      poolIds.map(sharedPoolDigestName),
    );
    return this.db(SHARED_ALLOCATIONS_TABLE)
      .whereNotIn('pool_id', [...poolIds, ''])
      .delete();
  }

  async startRun(at: Date): Promise<string> {
    this.status = undefined;
    const [row] = await this.db(ALLOCATION_RUNS_TABLE)
      .insert({ started_at: at, status: 'running' })
      .returning('id');
    return String(typeof row === 'object' ? row.id : row);
  }

  async touchRun(id: string, at: Date): Promise<void> {
    await this.db(ALLOCATION_RUNS_TABLE)
      .where({ id, status: 'running' })
      .update({ heartbeat_at: at });
  }

  async failInterruptedRuns(
    now: Date,
    options: { silentSince: Date; exceptIds?: ReadonlySet<string> },
  ): Promise<number> {
    const marked = await this.db(ALLOCATION_RUNS_TABLE)
      .where('status', 'running')
      .where(silent =>
        silent
          .where('heartbeat_at', '<', options.silentSince)
          .orWhere(never =>
            never
              .whereNull('heartbeat_at')
              .where('started_at', '<', options.silentSince),
          ),
      )
      .whereNotIn('id', [...(options.exceptIds ?? [])].map(Number))
      .update({
        status: 'failed',
        finished_at: now,
        message:
          'Interrupted: this allocation run stopped before it finished, its backend ' +
          'stopped or lost the database; the next run brings allocation up to date',
      });
    if (marked > 0) this.status = undefined;
    return marked;
  }

  async finishRun(
    id: string,
    outcome: {
      status: 'succeeded' | 'failed';
      factsScanned: number;
      factsChanged: number;
      /** Which facts the run's rollup covers (see `AllocationKeyStore#factsFingerprint`). */
      factsFingerprint: string | null;
      message: string;
      /**
       * Whether the run changed what cost answers show (owners, rollup, shared parts):
       * raises the cost data version, dropping cached answers. The run's writes are
       * committed by now, so a reader of the new version sees them.
       */
      costChanged: boolean;
    },
    at: Date,
  ): Promise<void> {
    this.status = undefined;
    await this.db.transaction(async trx => {
      await trx(ALLOCATION_RUNS_TABLE).where('id', id).update({
        finished_at: at,
        status: outcome.status,
        facts_scanned: outcome.factsScanned,
        facts_changed: outcome.factsChanged,
        facts_fingerprint: outcome.factsFingerprint,
        message: outcome.message,
      });
      if (outcome.costChanged) await bumpCostDataVersion(trx);
    });
    // Again once committed: a snapshot read in between (under load the commit waits for a
    // connection) held the old version for a second more, and with it the cached answers
    // computed from the data before the run.
    this.status = undefined;
    // Only the recent history is worth keeping.
    const keepFrom = await this.db(ALLOCATION_RUNS_TABLE)
      .orderBy('id', 'desc')
      .offset(99)
      .first('id');
    if (keepFrom) {
      await this.db(ALLOCATION_RUNS_TABLE)
        .where('id', '<', keepFrom.id)
        .delete();
    }
  }

  async latestRun(): Promise<AllocationRunRecord | undefined> {
    const row = await this.db(ALLOCATION_RUNS_TABLE)
      .orderBy('id', 'desc')
      .first();
    if (!row) {
      return undefined;
    }
    return {
      id: String(row.id),
      startedAt: toIso(row.started_at)!,
      finishedAt: toIso(row.finished_at),
      status: row.status,
      heartbeatAt: toIso(row.heartbeat_at),
      factsScanned:
        row.facts_scanned === null ? null : Number(row.facts_scanned),
      factsChanged:
        row.facts_changed === null ? null : Number(row.facts_changed),
      message: row.message,
      factsFingerprint: row.facts_fingerprint ?? null,
    };
  }

  /**
   * The latest run and whether facts wait for allocation, as every cost response reports
   * them, and the cost data version (see `costDataVersion.ts`) that answer caches compare:
   * reused for up to a second across concurrent requests (three queries fewer per request
   * under load), dropped by any run or allocation write through this store.
   */
  allocationSnapshot(): Promise<{
    run: AllocationRunRecord | undefined;
    waiting: boolean;
    costDataVersion: string;
  }> {
    const now = Date.now();
    if (!this.status || this.status.expires <= now) {
      const value = Promise.all([
        this.latestRun(),
        this.hasUnallocatedFacts(),
        readCostDataVersion(this.db),
      ]).then(([run, waiting, costDataVersion]) => ({
        run,
        waiting,
        costDataVersion,
      }));
      const entry = { expires: now + STATUS_CACHE_MS, value };
      this.status = entry;
      // A failed read is not reused.
      value.catch(() => {
        if (this.status === entry) this.status = undefined;
      });
    }
    return this.status.value;
  }

  /** Months whose facts changed since the last run, and the records' bound (`changedMonths.ts`). */
  changedMonths(): Promise<{ bound: string | null; months: FactMonth[] }> {
    return readChangedMonths(this.db);
  }

  /** Forgets the changed months recorded up to `bound`: a run brought them up to date. */
  clearChangedMonths(bound: string | null): Promise<void> {
    return clearChangedMonths(this.db, bound);
  }

  /**
   * Whether facts wait for allocation outside `months`: facts written without a record of
   * their month (another tool, an older version), which only a full rebuild takes in.
   */
  async hasUnallocatedFactsOutside(
    months: readonly FactMonth[],
  ): Promise<boolean> {
    if (months.length === 0) return this.hasUnallocatedFacts();
    const row = await this.db(COST_FACTS_TABLE)
      .whereNull('allocated_at')
      .whereRaw(
        `substr(day, 1, 7) NOT IN (${months.map(() => '?').join(', ')})`,
        months.map(m => m.month),
      )
      .first('id');
    return row !== undefined;
  }

  /** Whether any fact has not been allocated yet (ingested since the last run). */
  async hasUnallocatedFacts(): Promise<boolean> {
    const row = await this.db(COST_FACTS_TABLE)
      .whereNull('allocated_at')
      .first('id');
    return row !== undefined;
  }

  /** An entity's rollup cost per day and currency in `[from, to)`, from the daily rollup. */
  async entityDailyCost(
    options: RollupPeriodQuery,
  ): Promise<EntityDailyCostRow[]> {
    const rows = await this.dailyCostQuery(options).select(
      'day',
      'currency',
      'direct',
      'shared',
    );
    return rows.map(dailyCostRow);
  }

  private dailyCostQuery(options: RollupPeriodQuery) {
    return this.db(ENTITY_DAILY_COST_TABLE)
      .where('entity_ref', options.ancestorRef)
      .where('day', '>=', options.from)
      .where('day', '<', options.to)
      .where('basis', options.basis);
  }

  /**
   * Both reads of a cost answer. On PostgreSQL one `UNION ALL` statement: rollup days
   * (`part` d) and breakdown groups (`part` b) padded to the same columns. At 50 concurrent
   * requests a statement's round trip (the socket write waking PostgreSQL, the pool, the
   * protocol) cost this process about as much CPU as summing the answer.
   */
  async entityCostReads(options: RollupPeriodQuery): Promise<EntityCostReads> {
    if (!this.isPostgres) {
      const [daily, detail] = await Promise.all([
        this.entityDailyCost(options),
        this.directCostDetail(options),
      ]);
      return { daily, detail };
    }
    const { sql, bindings } = this.costReadStatement(options);
    const { rows } = await this.db.raw(sql, bindings);
    const out: EntityCostReads = { daily: [], detail: [] };
    for (const row of rows) {
      if (row.part === 'd') {
        out.daily.push(dailyCostRow(row));
      } else {
        out.detail.push({
          currency: row.currency,
          serviceName: row.serviceName,
          serviceCategory: row.serviceCategory,
          chargeCategory: row.chargeCategory,
          resourceId: row.resourceId,
          resourceName: row.resourceName,
          amount: trimDecimal(row.amount),
        });
      }
    }
    return out;
  }

  /**
   * The SQL of `entityCostReads` and its bindings. The statement is compiled by knex once
   * per shape (basis, whole months or not, number of edge periods: at most 12 shapes) with
   * a named slot in place of each value, and reused with the request's values: building
   * and compiling the union on every request was a tenth of a computed answer's CPU.
   */
  private costReadStatement(options: RollupPeriodQuery): {
    sql: string;
    bindings: string[];
  } {
    const split = splitIntoMonths(options.from, options.to);
    const values: Record<string, string> = {
      ancestorRef: options.ancestorRef,
      from: options.from,
      to: options.to,
      basis: options.basis,
    };
    if (split.months) {
      values.monthsFrom = split.months.from;
      values.monthsTo = split.months.to;
    }
    split.edges.forEach((edge, i) => {
      values[`edge${i}From`] = edge.from;
      values[`edge${i}To`] = edge.to;
    });
    const shape = `${options.basis}|${split.months ? 'months' : ''}|${
      split.edges.length
    }`;
    let statement = this.costReadStatements.get(shape);
    if (!statement) {
      const slot = (name: string) => `${SLOT}${name}`;
      const query = {
        ancestorRef: slot('ancestorRef'),
        from: slot('from'),
        to: slot('to'),
        basis: slot('basis') as CostBasis,
      };
      const slotted = {
        months: split.months && {
          from: slot('monthsFrom'),
          to: slot('monthsTo'),
        },
        edges: split.edges.map((_, i) => ({
          from: slot(`edge${i}From`),
          to: slot(`edge${i}To`),
        })),
      };
      const compiled = this.costReadsQuery(
        query,
        options.basis,
        slotted,
      ).toSQL();
      statement = {
        sql: compiled.sql,
        slots: compiled.bindings.map(binding => {
          if (typeof binding !== 'string' || !binding.startsWith(SLOT)) {
            throw new Error(`Unexpected binding in the cost read: ${binding}`);
          }
          return binding.slice(SLOT.length);
        }),
      };
      this.costReadStatements.set(shape, statement);
    }
    return {
      sql: statement.sql,
      bindings: statement.slots.map(name => values[name]),
    };
  }

  /** The `UNION ALL` of `entityCostReads` on PostgreSQL, as a knex query. */
  private costReadsQuery(
    options: RollupPeriodQuery,
    basis: CostBasis,
    split: ReturnType<typeof splitIntoMonths>,
  ) {
    const none = this.db.raw('NULL::text');
    const daily = this.dailyCostQuery(options).select({
      part: this.db.raw("'d'"),
      day: 'day',
      currency: 'currency',
      direct: this.db.raw('direct::text'),
      shared: this.db.raw('shared::text'),
      serviceName: none,
      serviceCategory: none,
      chargeCategory: none,
      resourceId: none,
      resourceName: none,
      amount: none,
    });
    const { groups, union } = this.detailParts(options, split, basis);
    const detail = this.db
      .from(union.as('u'))
      .select({
        part: this.db.raw("'b'"),
        day: none,
        currency: groups.currency,
        direct: none,
        shared: none,
        serviceName: groups.serviceName,
        serviceCategory: groups.serviceCategory,
        chargeCategory: groups.chargeCategory,
        resourceId: groups.resourceId,
        resourceName: groups.resourceName,
        amount: this.db.raw('sum(u.amount)::text'),
      })
      .groupBy(Object.values(groups));
    return this.db.raw('? UNION ALL ?', [daily, detail]);
  }

  /**
   * Direct cost of an entity's rollup in `[from, to)` per currency, service, charge category
   * and resource (not per day): the rows behind the breakdowns of `GET .../cost`. Whole
   * calendar months are read from the keys' monthly sums, the days before and after them
   * from the facts. On SQLite a group may come back once per part: callers add them up.
   */
  async directCostDetail(options: RollupPeriodQuery) {
    const { groups, parts, union } = this.detailParts(options);
    if (this.isPostgres) {
      // One statement (UNION ALL of the parts): each round trip costs PostgreSQL planning
      // and this process's CPU. Unwrapped parts, as SQLite would need too.
      return this.sumBy(this.db.from(union.as('u')), groups, 'u.amount');
    }
    // In-process SQLite has no round trip to save; a group may come once per part. (Both
    // forms were measured on SQLite: the difference was within run-to-run variance.)
    const rows = await Promise.all(
      parts.map(part =>
        this.sumBy(this.db.from(part.as('u')), groups, 'u.amount'),
      ),
    );
    return rows.flat();
  }

  /** The parts of `directCostDetail` (whole months, edge days) and their union. */
  private detailParts(
    options: RollupPeriodQuery,
    split = splitIntoMonths(options.from, options.to),
    basis: CostBasis = options.basis,
  ) {
    const { months, edges } = split;
    const rowsOf = (currency: string, amount: string) =>
      this.db(`${ALLOCATION_KEYS_TABLE} as k`)
        .join(
          `${ROLLUP_MEMBERS_TABLE} as r`,
          'r.member_ref',
          'k.allocated_entity_ref',
        )
        .where('r.ancestor_ref', options.ancestorRef)
        .select({
          currency,
          serviceName: 'k.service_name',
          serviceCategory: 'k.service_category',
          chargeCategory: 'k.charge_category',
          resourceId: 'k.resource_id',
          resourceName: 'k.resource_name',
          amount,
        });
    const parts: Knex.QueryBuilder[] = [];
    if (months) {
      parts.push(
        rowsOf('m.currency', `m.${basis}`)
          .join(`${KEY_MONTHLY_COST_TABLE} as m`, 'm.allocation_key', 'k.key')
          .where('m.month', '>=', months.from)
          .where('m.month', '<', months.to),
      );
    }
    // One part per edge: a single day range per key lets PostgreSQL scan (allocation_key,
    // day) for just those days (with OR it read every day of the key and filtered).
    for (const edge of edges) {
      parts.push(
        rowsOf('f.currency', `f.${BASIS_COLUMN[basis]}`)
          .join(`${COST_FACTS_TABLE} as f`, 'f.allocation_key', 'k.key')
          .where('f.day', '>=', edge.from)
          .where('f.day', '<', edge.to),
      );
    }
    const groups = {
      currency: 'u.currency',
      serviceName: 'u.serviceName',
      serviceCategory: 'u.serviceCategory',
      chargeCategory: 'u.chargeCategory',
      resourceId: 'u.resourceId',
      resourceName: 'u.resourceName',
    };
    const [first, ...rest] = parts;
    // unionAll changes the builder it is called on: a clone keeps `parts` as they are.
    const union = rest.length > 0 ? first.clone().unionAll(rest, false) : first;
    return { groups, parts, union };
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
    return this.db(`${ALLOCATED_FACTS_VIEW} as f`)
      .join(
        `${ROLLUP_MEMBERS_TABLE} as r`,
        'r.member_ref',
        'f.allocated_entity_ref',
      )
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
      this.db(`${SHARED_ALLOCATIONS_TABLE} as s`)
        .join(`${ROLLUP_MEMBERS_TABLE} as r`, 'r.member_ref', 's.target_ref')
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
      this.db(ALLOCATED_FACTS_VIEW)
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
    const split = await this.db(SHARED_ALLOCATIONS_TABLE)
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

/** A rollup row as a cost answer reads it. */
function dailyCostRow(row: {
  day: string;
  currency: string;
  direct: string;
  shared: string;
}): EntityDailyCostRow {
  // trimDecimal, not normalizeAmount: this runs on every cost request for hundreds of rows.
  return {
    day: row.day,
    currency: row.currency,
    direct: trimDecimal(row.direct),
    shared: trimDecimal(row.shared),
  };
}
