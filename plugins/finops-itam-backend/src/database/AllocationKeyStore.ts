import { Knex } from 'knex';
import {
  ALLOCATION_KEY_COLUMNS,
  AllocationKeyColumns,
  allocationKeyOf,
} from './allocationKey';
import { databaseKindOf } from './databaseKind';
import {
  ALLOCATION_KEYS_TABLE,
  ALLOCATION_KEY_CHANGES_TABLE,
  COST_FACTS_TABLE,
} from './tables';

/** Rows per INSERT on SQLite (knex's compound SELECT limit) and ids per `IN (...)`. */
const CHUNK = 500;
/** Keys read per query: bounds memory on bills with millions of distinct resources. */
const READ_BATCH = 50_000;
/** Facts given a key per round when backfilling. */
const BACKFILL_BATCH = 20_000;

/** Who owns the facts of a key: one entity, one shared pool, or neither (unallocated). */
export interface AllocationValues {
  allocatedEntityRef: string | null;
  allocationRule: string | null;
  sharedPoolId: string | null;
}

/** A stored allocation key: the owner-deciding attributes and the current allocation. */
export interface StoredAllocationKey extends AllocationValues {
  key: string;
  billingAccountId: string;
  subAccountId: string | null;
  serviceName: string | null;
  chargeCategory: string;
  resourceId: string | null;
  resourceName: string | null;
  tags: string | null;
  /** FOCUS CommitmentDiscountStatus: `Used`, `Unused` or null. */
  commitmentDiscountStatus: string | null;
  /** Whether a run has decided this key before. */
  allocated: boolean;
}

/** A key whose allocation a run changes, with what it had. */
export interface AllocationKeyChange {
  key: string;
  before: AllocationValues;
  after: AllocationValues;
}

/** The facts of keys that changed owner, summed per (old owner, new owner, day, currency). */
export interface MovedCost {
  fromRef: string | null;
  toRef: string | null;
  day: string;
  currency: string;
  amortized: string;
  billed: string;
  /** How many facts the row sums. */
  facts: number;
}

/**
 * Allocation keys (see the `allocation_keys` migration): registering the keys of new facts,
 * reading and rewriting the keys' allocation, and the fact counts and sums behind them.
 */
export class AllocationKeyStore {
  private readonly isPostgres: boolean;

  constructor(private readonly db: Knex) {
    this.isPostgres = databaseKindOf(db) === 'postgres';
  }

  /**
   * The facts as they are now, in one read: the highest id (a run handles the facts up to
   * it, later ones wait for the next), the count, and both as a fingerprint that differs
   * from a previous one whenever facts were added or deleted since (ids only grow), which
   * makes the daily rollup's deltas unsafe.
   */
  async factsState(): Promise<{
    maxId: string;
    count: number;
    fingerprint: string;
  }> {
    const row = await this.db(COST_FACTS_TABLE)
      .count({ n: '*' })
      .max({ id: 'id' })
      .first();
    const count = Number(row?.n ?? 0);
    const maxId =
      row?.id === null || row?.id === undefined ? '0' : String(row.id);
    return { maxId, count, fingerprint: `${count}:${row?.id ?? ''}` };
  }

  /**
   * Facts stored without a key (before keys existed, or written by other tools) get one;
   * returns how many. Ingestion writes keys itself, so this is normally a no-op.
   */
  async backfillFactKeys(): Promise<number> {
    let done = 0;
    for (;;) {
      const rows = await this.db(COST_FACTS_TABLE)
        .whereNull('allocation_key')
        .orderBy('id')
        .limit(BACKFILL_BATCH)
        .select('id', ...ALLOCATION_KEY_COLUMNS);
      if (rows.length === 0) return done;
      const idsByKey = new Map<string, string[]>();
      for (const row of rows) {
        const key = allocationKeyOf(row as AllocationKeyColumns);
        const ids = idsByKey.get(key) ?? [];
        ids.push(String(row.id));
        idsByKey.set(key, ids);
      }
      await this.db.transaction(async trx => {
        for (const [key, ids] of idsByKey) {
          for (let i = 0; i < ids.length; i += CHUNK) {
            await trx(COST_FACTS_TABLE)
              .whereIn('id', ids.slice(i, i + CHUNK))
              .update({ allocation_key: key });
          }
        }
      });
      done += rows.length;
    }
  }

  /** Adds the keys of facts not yet allocated (up to `maxId`) that are not known yet. */
  async registerWaitingKeys(maxId: string): Promise<void> {
    const columns = ALLOCATION_KEY_COLUMNS.join(', ');
    const select =
      `SELECT DISTINCT allocation_key, ${columns} FROM ${COST_FACTS_TABLE} ` +
      'WHERE allocated_at IS NULL AND allocation_key IS NOT NULL AND id <= ?';
    await this.db.raw(
      this.isPostgres
        ? `INSERT INTO ${ALLOCATION_KEYS_TABLE} (key, ${columns}) ${select} ON CONFLICT (key) DO NOTHING`
        : `INSERT OR IGNORE INTO ${ALLOCATION_KEYS_TABLE} (key, ${columns}) ${select}`,
      [maxId],
    );
  }

  /** Marks the facts up to `maxId` as allocated (their keys are decided and rolled up). */
  async markFactsAllocated(maxId: string, at: Date): Promise<number> {
    return this.db(COST_FACTS_TABLE)
      .whereNull('allocated_at')
      .where('id', '<=', maxId)
      .update({ allocated_at: at });
  }

  /** Every key, in batches of at most 50,000, in key order. */
  async *readKeys(): AsyncGenerator<StoredAllocationKey[]> {
    let after: string | null = null;
    for (;;) {
      const query = this.db(ALLOCATION_KEYS_TABLE)
        .orderBy('key')
        .limit(READ_BATCH)
        .select();
      if (after !== null) query.where('key', '>', after);
      const rows = await query;
      if (rows.length === 0) return;
      yield rows.map(toStoredKey);
      after = rows[rows.length - 1].key;
    }
  }

  /** Writes new allocations of keys in one transaction. */
  async applyKeyAllocations(
    changes: readonly AllocationKeyChange[],
  ): Promise<void> {
    if (changes.length === 0) return;
    if (this.isPostgres) {
      await this.db.raw(
        `UPDATE ${ALLOCATION_KEYS_TABLE} AS k SET allocated_entity_ref = v.ref, allocation_rule = v.rule, ` +
          'shared_pool_id = v.pool, allocated = true ' +
          'FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS v(key, ref, rule, pool) ' +
          'WHERE k.key = v.key',
        // node-postgres turns each JavaScript array (nulls included) into a PostgreSQL array.
        [
          changes.map(c => c.key),
          changes.map(c => c.after.allocatedEntityRef),
          changes.map(c => c.after.allocationRule),
          changes.map(c => c.after.sharedPoolId),
        ] as unknown as Knex.RawBinding[],
      );
      return;
    }
    await this.db.transaction(async trx => {
      await this.fillSqliteChanges(trx, changes);
      await trx.raw(
        `UPDATE ${ALLOCATION_KEYS_TABLE} SET allocated_entity_ref = c.ref, allocation_rule = c.rule, ` +
          `shared_pool_id = c.pool, allocated = 1 FROM ${ALLOCATION_KEY_CHANGES_TABLE} AS c WHERE ${ALLOCATION_KEYS_TABLE}.key = c.key`,
      );
      await trx.raw(`DELETE FROM ${ALLOCATION_KEY_CHANGES_TABLE}`);
    });
  }

  /**
   * The cost and number of the facts (up to `maxId`) of keys that changed owner (entity or
   * pool), per (old entity, new entity, day, currency), for moving it in the daily rollup without rebuilding it. Summed
   * in SQL on PostgreSQL (numeric is exact); on SQLite one row per fact, since its amounts
   * are text that SQL SUM would turn into floats: callers sum them exactly.
   */
  async movedCost(
    changes: readonly AllocationKeyChange[],
    maxId: string,
  ): Promise<MovedCost[]> {
    const moved = changes.filter(
      c =>
        c.before.allocatedEntityRef !== c.after.allocatedEntityRef ||
        c.before.sharedPoolId !== c.after.sharedPoolId,
    );
    if (moved.length === 0) return [];
    if (this.isPostgres) {
      const result = await this.db.raw(
        'SELECT c.from_ref, c.to_ref, f.day, f.currency, ' +
          'sum(f.effective_cost)::text AS amortized, sum(f.billed_cost)::text AS billed, count(*) AS facts ' +
          `FROM ${COST_FACTS_TABLE} f JOIN unnest(?::text[], ?::text[], ?::text[]) AS c(key, from_ref, to_ref) ` +
          'ON f.allocation_key = c.key WHERE f.id <= ? ' +
          'GROUP BY c.from_ref, c.to_ref, f.day, f.currency',
        [
          moved.map(c => c.key),
          moved.map(c => c.before.allocatedEntityRef),
          moved.map(c => c.after.allocatedEntityRef),
          maxId,
        ] as unknown as Knex.RawBinding[],
      );
      return result.rows.map(toMovedCost);
    }
    return this.db.transaction(async trx => {
      await this.fillSqliteChanges(trx, moved);
      const rows = await trx.raw(
        'SELECT c.from_ref, c.ref AS to_ref, f.day, f.currency, f.effective_cost AS amortized, ' +
          `f.billed_cost AS billed, 1 AS facts FROM ${COST_FACTS_TABLE} f JOIN ${ALLOCATION_KEY_CHANGES_TABLE} c ON f.allocation_key = c.key ` +
          'WHERE f.id <= ?',
        [maxId],
      );
      await trx.raw(`DELETE FROM ${ALLOCATION_KEY_CHANGES_TABLE}`);
      return rows.map(toMovedCost);
    });
  }

  /**
   * The direct cost of the facts (up to `maxId`) that `refs` own now, per owner, day and
   * currency (one row per fact on SQLite, as in {@link movedCost}).
   */
  async ownCost(refs: readonly string[], maxId: string): Promise<MovedCost[]> {
    const out: MovedCost[] = [];
    for (let i = 0; i < refs.length; i += CHUNK) {
      const query = this.db(`${COST_FACTS_TABLE} as f`)
        .join(`${ALLOCATION_KEYS_TABLE} as k`, 'k.key', 'f.allocation_key')
        .whereIn('k.allocated_entity_ref', refs.slice(i, i + CHUNK))
        .where('f.id', '<=', maxId);
      const rows = this.isPostgres
        ? await query
            .groupBy('k.allocated_entity_ref', 'f.day', 'f.currency')
            .select(
              'k.allocated_entity_ref as to_ref',
              'f.day',
              'f.currency',
              this.db.raw('sum(f.effective_cost)::text as amortized'),
              this.db.raw('sum(f.billed_cost)::text as billed'),
            )
        : await query.select(
            'k.allocated_entity_ref as to_ref',
            'f.day',
            'f.currency',
            'f.effective_cost as amortized',
            'f.billed_cost as billed',
          );
      out.push(...rows.map(toMovedCost));
    }
    return out;
  }

  /** How many facts (up to `maxId`) the changed keys hold: the facts a run re-allocated. */
  async countFactsOfChangedKeys(
    changes: readonly AllocationKeyChange[],
    maxId: string,
  ): Promise<number> {
    if (changes.length === 0) return 0;
    if (this.isPostgres) {
      const result = await this.db.raw(
        `SELECT count(*) AS n FROM ${COST_FACTS_TABLE} f JOIN unnest(?::text[]) AS c(key) ON f.allocation_key = c.key WHERE f.id <= ?`,
        [changes.map(c => c.key), maxId] as unknown as Knex.RawBinding[],
      );
      return Number(result.rows[0].n);
    }
    return this.db.transaction(async trx => {
      await this.fillSqliteChanges(trx, changes);
      const [row] = await trx.raw(
        `SELECT count(*) AS n FROM ${COST_FACTS_TABLE} f JOIN ${ALLOCATION_KEY_CHANGES_TABLE} c ON f.allocation_key = c.key WHERE f.id <= ?`,
        [maxId],
      );
      await trx.raw(`DELETE FROM ${ALLOCATION_KEY_CHANGES_TABLE}`);
      return Number(row.n);
    });
  }

  /** Number of facts per key, for the keys asked (conflict reports count facts). */
  async countFactsByKey(keys: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const rows = await this.db(COST_FACTS_TABLE)
        .whereIn('allocation_key', keys.slice(i, i + CHUNK))
        .groupBy('allocation_key')
        .select('allocation_key')
        .count({ n: '*' });
      for (const row of rows as Array<{
        allocation_key: string;
        n: string | number;
      }>) {
        counts.set(row.allocation_key, Number(row.n));
      }
    }
    return counts;
  }

  /** Drops keys no fact uses any more (their facts were replaced or expired). */
  async deleteOrphanKeys(): Promise<number> {
    return this.db(ALLOCATION_KEYS_TABLE)
      .whereNotExists(
        this.db(COST_FACTS_TABLE)
          .select(this.db.raw('1'))
          .whereRaw('?? = ??', [
            `${COST_FACTS_TABLE}.allocation_key`,
            `${ALLOCATION_KEYS_TABLE}.key`,
          ]),
      )
      .delete();
  }

  private async fillSqliteChanges(
    trx: Knex.Transaction,
    changes: readonly AllocationKeyChange[],
  ): Promise<void> {
    await trx.raw(
      `CREATE TEMP TABLE IF NOT EXISTS ${ALLOCATION_KEY_CHANGES_TABLE} ` +
        '(key TEXT PRIMARY KEY, ref TEXT, rule TEXT, pool TEXT, from_ref TEXT)',
    );
    await trx.raw(`DELETE FROM ${ALLOCATION_KEY_CHANGES_TABLE}`);
    for (let i = 0; i < changes.length; i += CHUNK) {
      await trx(ALLOCATION_KEY_CHANGES_TABLE).insert(
        changes.slice(i, i + CHUNK).map(c => ({
          key: c.key,
          ref: c.after.allocatedEntityRef,
          rule: c.after.allocationRule,
          pool: c.after.sharedPoolId,
          from_ref: c.before.allocatedEntityRef,
        })),
      );
    }
  }
}

function toMovedCost(row: any): MovedCost {
  return {
    fromRef: row.from_ref ?? null,
    toRef: row.to_ref ?? null,
    day: row.day,
    currency: row.currency,
    amortized: String(row.amortized),
    billed: String(row.billed),
    facts: Number(row.facts ?? 1),
  };
}

function toStoredKey(row: any): StoredAllocationKey {
  return {
    key: row.key,
    billingAccountId: row.billing_account_id,
    subAccountId: row.sub_account_id,
    serviceName: row.service_name,
    chargeCategory: row.charge_category,
    resourceId: row.resource_id,
    resourceName: row.resource_name,
    tags: row.tags,
    commitmentDiscountStatus: row.commitment_discount_status ?? null,
    allocatedEntityRef: row.allocated_entity_ref,
    allocationRule: row.allocation_rule,
    sharedPoolId: row.shared_pool_id,
    allocated: row.allocated === true || Number(row.allocated) === 1,
  };
}
