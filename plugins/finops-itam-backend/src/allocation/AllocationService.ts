import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AllocationConflictRecord,
  COST_BASES,
  DatabaseAllocationStore,
  SharedAllocationRow,
} from '../database/DatabaseAllocationStore';
import {
  AllocationKeyChange,
  AllocationValues,
  StoredAllocationKey,
} from '../database/AllocationKeyStore';
import type { DayAmounts } from '../database/DailyRollupWriter';
import {
  AllocationFallbackRule,
  AllocationRules,
  compileAllocationRules,
} from './rules';
import {
  PoolRow,
  SharedCostConfig,
  SharedCostPool,
  findPoolForRow,
  splitPool,
} from './shared';
import { RollupPair, buildRollupMembers } from './rollupMembers';
import type { MetricVolumeReader } from '../metrics/MetricVolumeReader';
import { monthsOf, nextMonthStart } from './months';
import {
  ancestorsByMember,
  directCostDeltas,
  membersWithNewAncestors,
} from './rollupDeltas';

/** The kinds that own costs or roll them up. */
export const ALLOCATION_KINDS = [
  'Component',
  'Resource',
  'System',
  'Group',
  'Domain',
];

/** `allocation_rule` of unused commitment rows given to the buying account's owner. */
export const UNUSED_COMMITMENT_RULE = 'unused-commitment';
const POOL_CACHE_SIZE = 200_000;
/** What a key has before any run decided it. */
const UNALLOCATED: AllocationValues = {
  allocatedEntityRef: null,
  allocationRule: null,
  sharedPoolId: null,
};

/** What one allocation run did. */
export interface AllocationRunResult {
  status: 'succeeded' | 'failed';
  entities: number;
  factsScanned: number;
  factsChanged: number;
  sharedPools: number;
  sharedParts: number;
  durationMs: number;
  message: string;
  /** Distinct rule conflicts found (see `GET /allocation/conflicts`). */
  conflicts: number;
  /**
   * Configuration problems met while splitting pools (e.g. a metric pool without metric
   * values, split evenly instead); also in `message` and the log.
   */
  configIssues: string[];
  /** Milliseconds per phase, to see where a slow run goes. */
  phasesMs: Record<string, number>;
  /**
   * How the daily rollup was brought up to date: `incremental` (only moved cost, when no
   * facts were added or removed since the previous run) or `rebuilt`.
   */
  rollup: 'incremental' | 'rebuilt';
}

export interface AllocationServiceOptions {
  store: DatabaseAllocationStore;
  catalog: Pick<CatalogService, 'getEntities'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  logger: LoggerService;
  fallbackRules: readonly AllocationFallbackRule[];
  sharedCost: SharedCostConfig;
  /**
   * Business metric volumes for pools split by a metric. Without it (or without values for
   * a month) such pools split evenly, reported as a config issue.
   */
  metrics?: MetricVolumeReader;
  now?: () => Date;
}

function sameValues(key: StoredAllocationKey, values: AllocationValues) {
  return (
    key.allocatedEntityRef === values.allocatedEntityRef &&
    key.allocationRule === values.allocationRule &&
    key.sharedPoolId === values.sharedPoolId
  );
}

/**
 * Conflicts of one run, one entry per distinct (resource, rule, winner, candidates) with
 * the number of facts, so the stored snapshot stays small however many days a resource has.
 * Keys are collected during the run; their facts are counted once at the end.
 */
class ConflictCollector {
  private readonly entries = new Map<
    string,
    { record: AllocationConflictRecord; keys: string[] }
  >();

  add(
    key: StoredAllocationKey,
    winner: string,
    rule: string,
    candidates: readonly string[],
  ): void {
    const id = [
      key.resourceId ?? '\u0001',
      key.resourceName ?? '\u0001',
      rule,
      winner,
      ...candidates,
    ].join('\u0000');
    const entry = this.entries.get(id);
    if (entry) {
      entry.keys.push(key.key);
    } else {
      this.entries.set(id, {
        record: {
          resourceId: key.resourceId,
          resourceName: key.resourceName,
          rule,
          winner,
          candidates: [...candidates],
          factCount: 0,
        },
        keys: [key.key],
      });
    }
  }

  keys(): string[] {
    return [...this.entries.values()].flatMap(e => e.keys);
  }

  /** The conflicts with their fact counts; conflicts of keys without facts are dropped. */
  rows(factsByKey: ReadonlyMap<string, number>): AllocationConflictRecord[] {
    return [...this.entries.values()]
      .map(({ record, keys }) => ({
        ...record,
        factCount: keys.reduce((n, key) => n + (factsByKey.get(key) ?? 0), 0),
      }))
      .filter(record => record.factCount > 0);
  }
}

/**
 * Assigns every cost fact to one catalog entity, one shared-cost pool, or neither
 * (unallocated), then splits each pool between its targets.
 *
 * Facts are decided by allocation key (their owner-deciding attributes, see
 * `AllocationKeyStore`): a run reads the keys, not the facts, and rewrites only keys whose
 * owner changed. The daily rollup is rebuilt when facts were added or removed since the
 * last run; otherwise only the cost of keys that moved, and of entities that moved in the
 * catalog's hierarchy, is moved in it. So an annotation change costs in proportion to what
 * it moves, not to the size of the bill.
 */
export class AllocationService {
  private current: Promise<AllocationRunResult> | undefined;
  private readonly now: () => Date;

  constructor(private readonly options: AllocationServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Runs allocation; a call while a run is in progress waits for that run. */
  run(): Promise<AllocationRunResult> {
    if (!this.current) {
      this.current = this.runOnce().finally(() => {
        this.current = undefined;
      });
    }
    return this.current;
  }

  /** Rule conflicts of the latest run, most facts first, and how many there are. */
  conflicts(
    limit: number,
  ): Promise<{ conflicts: AllocationConflictRecord[]; total: number }> {
    return this.options.store.listConflicts(limit);
  }

  /** Number of distinct rule conflicts of the latest run. */
  conflictCount(): Promise<number> {
    return this.options.store.countConflicts();
  }

  /** Starts a run in the background, e.g. right after an ingestion. */
  runSoon(): void {
    this.run().catch(error =>
      this.options.logger.error(`Allocation failed: ${error}`),
    );
  }

  private async runOnce(): Promise<AllocationRunResult> {
    const { store, logger } = this.options;
    const { keys } = store;
    const started = this.now();
    const startedMs = Date.now();
    // What the previous run left, read before this run is recorded as the latest.
    const previous = await store.latestRun();
    const runId = await store.startRun(started);
    const counts = {
      entities: 0,
      factsScanned: 0,
      factsChanged: 0,
      sharedPools: 0,
      sharedParts: 0,
      conflicts: 0,
    };
    const configIssues: string[] = [];
    const phasesMs: Record<string, number> = {};
    let phaseStart = Date.now();
    const phase = (name: string) => {
      const at = Date.now();
      phasesMs[name] = at - phaseStart;
      phaseStart = at;
    };
    try {
      // This run handles the facts stored up to now; later ones wait for the next run.
      const backfilled = await keys.backfillFactKeys();
      const maxId = (await keys.maxFactId()) ?? '0';
      const fingerprint = await keys.factsFingerprint();
      const waiting = await store.hasUnallocatedFacts();
      // Deltas are exact only from a rollup that the previous run completed over the same facts.
      const incremental =
        previous?.status === 'succeeded' &&
        previous.factsFingerprint === fingerprint &&
        backfilled === 0 &&
        !waiting;

      const entities = await this.readEntities();
      counts.entities = entities.length;
      const rules = compileAllocationRules(
        entities,
        this.options.fallbackRules,
      );
      if (rules.problems.length > 0) {
        logger.warn(
          `Allocation ignored ${rules.problems.length} malformed annotation(s), e.g. ` +
            `${rules.problems[0].entityRef} ${rules.problems[0].annotation}: ${rules.problems[0].message}`,
        );
      }
      const pairs = buildRollupMembers(entities);
      const pairsBefore = await store.readRollupMembers();
      await store.replaceRollupMembers(pairs);
      phase('catalog');

      await keys.registerWaitingKeys(maxId);
      const conflicts = new ConflictCollector();
      const poolBuyers = new Map<string, Set<string | null>>();
      const changes = await this.allocateKeys(rules, conflicts, poolBuyers);
      await keys.applyKeyAllocations(changes);
      const conflictKeys = conflicts.keys();
      const conflictRows = conflicts.rows(
        await keys.countFactsByKey(conflictKeys),
      );
      await store.replaceConflicts(runId, conflictRows);
      counts.conflicts = conflictRows.length;
      phase('keys');

      // Reads first: on SQLite the transaction below holds the only connection.
      const moved = incremental
        ? await this.rollupDeltas(changes, pairsBefore, pairs, maxId)
        : undefined;
      const deltas = moved?.deltas;
      counts.factsScanned = Number(fingerprint.split(':')[0]);
      counts.factsChanged = moved
        ? moved.facts
        : await keys.countFactsOfChangedKeys(changes, maxId);
      phase('moved');

      const components = componentsByAncestor(pairs);
      const targetsOf = (pool: SharedCostPool) =>
        'entities' in pool.targets
          ? pool.targets.entities
          : components.get(pool.targets.allComponentsOf) ?? [];
      // Read before the transaction too: pools' totals and the business metrics they split by.
      const poolTotals = await store.rollup.poolTotals(maxId);
      const usage = new Map<string, Map<string, Record<string, string>>>();
      for (const pool of this.options.sharedCost.pools) {
        const days = (poolTotals.get(pool.id) ?? []).map(t => t.day);
        if (
          (pool.method === 'metric' || pool.method === 'prepaid') &&
          days.length > 0
        ) {
          usage.set(
            pool.id,
            await this.metricVolumesByMonth(
              pool,
              targetsOf(pool),
              days,
              configIssues,
            ),
          );
        }
      }
      phase('poolInputs');
      await store.transaction(async tx => {
        if (deltas) {
          await tx.rollup.addToDirect(deltas);
        } else {
          await tx.rollup.rebuildDirect(maxId);
          await tx.keyMonths.rebuild(maxId);
        }
        // A rebuild includes the keys' monthly sums.
        phase(deltas ? 'rollupDeltas' : 'rollupRebuild');
        for (const pool of this.options.sharedCost.pools) {
          const targets = targetsOf(pool);
          const direct =
            pool.method === 'proportional' && targets.length > 0
              ? await tx.rollup.directOf(targets)
              : new Map<string, DayAmounts[]>();
          counts.sharedParts += await this.splitSharedPool(
            tx.allocation,
            pool,
            {
              targets,
              totals: poolTotals.get(pool.id) ?? [],
              directByTarget: direct,
              usageByMonth: usage.get(pool.id),
              unusedTarget:
                pool.method === 'prepaid'
                  ? unusedTargetOf(pool, poolBuyers, configIssues)
                  : undefined,
            },
          );
          counts.sharedPools += 1;
        }
        await tx.allocation.deleteSharedAllocationsExcept(
          this.options.sharedCost.pools.map(p => p.id),
        );
        phase('pools');
        await tx.rollup.refreshShared();
        await tx.keys.markFactsAllocated(maxId, started);
        phase('rollupShared');
      });
      await keys.deleteOrphanKeys();

      const issues =
        configIssues.length > 0
          ? `; config issues: ${configIssues.join(' | ')}`
          : '';
      const message =
        `Allocated with ${counts.entities} entities: ${counts.factsChanged} of ` +
        `${counts.factsScanned} facts changed owner, ${counts.sharedParts} shared part(s) ` +
        `in ${counts.sharedPools} pool(s), ${counts.conflicts} conflict(s)${issues}`;
      await store.finishRun(
        runId,
        {
          status: 'succeeded',
          factsScanned: counts.factsScanned,
          factsChanged: counts.factsChanged,
          factsFingerprint: fingerprint,
          message,
        },
        this.now(),
      );
      return {
        status: 'succeeded',
        ...counts,
        configIssues,
        phasesMs,
        rollup: deltas ? 'incremental' : 'rebuilt',
        durationMs: Date.now() - startedMs,
        message,
      };
    } catch (error) {
      const message = `Allocation failed: ${
        error instanceof Error ? error.message : error
      }`;
      await store.finishRun(
        runId,
        {
          status: 'failed',
          factsScanned: counts.factsScanned,
          factsChanged: counts.factsChanged,
          factsFingerprint: null,
          message,
        },
        this.now(),
      );
      throw error;
    }
  }

  private async readEntities(): Promise<Entity[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntities(
      { filter: { kind: ALLOCATION_KINDS } },
      { credentials },
    );
    return items;
  }

  /** Decides every key; returns the keys whose allocation differs from the stored one. */
  private async allocateKeys(
    rules: AllocationRules,
    conflicts: ConflictCollector,
    poolBuyers: Map<string, Set<string | null>>,
  ): Promise<AllocationKeyChange[]> {
    const poolOf = this.poolMatcher();
    const changes: AllocationKeyChange[] = [];
    for await (const batch of this.options.store.keys.readKeys()) {
      for (const key of batch) {
        const values = allocationOf(
          key,
          rules,
          poolOf,
          conflicts,
          this.options.sharedCost.unusedCommitmentPool,
        );
        if (values.sharedPoolId !== null) {
          // Who bought what the pool's rows charge for: the default owner of unused prepaid cost.
          const buyers = poolBuyers.get(values.sharedPoolId) ?? new Set();
          buyers.add(rules.assignByAccount(key)?.entityRef ?? null);
          poolBuyers.set(values.sharedPoolId, buyers);
        }
        if (!key.allocated || !sameValues(key, values)) {
          changes.push({
            key: key.key,
            before: key.allocated
              ? {
                  allocatedEntityRef: key.allocatedEntityRef,
                  allocationRule: key.allocationRule,
                  sharedPoolId: key.sharedPoolId,
                }
              : UNALLOCATED,
            after: values,
          });
        }
      }
    }
    return changes;
  }

  /**
   * The rollup's direct-cost changes for a run over the same facts as the previous one:
   * the cost of keys that changed owner and of entities that changed place in the
   * hierarchy; and how many facts changed owner.
   */
  private async rollupDeltas(
    changes: readonly AllocationKeyChange[],
    pairsBefore: readonly RollupPair[],
    pairsAfter: readonly RollupPair[],
    maxId: string,
  ) {
    const { keys } = this.options.store;
    const before = ancestorsByMember(pairsBefore);
    const after = ancestorsByMember(pairsAfter);
    const moved = await keys.movedCost(changes, maxId);
    const regrouped = [...membersWithNewAncestors(before, after)];
    const kept =
      regrouped.length > 0 ? await keys.ownCost(regrouped, maxId) : [];
    return {
      deltas: directCostDeltas({ moved, kept, before, after }),
      facts: moved.reduce((n, m) => n + m.facts, 0),
    };
  }

  /** The pool of a key, cached on the fields pools read. */
  private poolMatcher(): (key: StoredAllocationKey) => string | null {
    const pools = this.options.sharedCost.pools;
    const cache = new Map<string, string | null>();
    const tagCache = new Map<string, PoolRow['tags']>();
    return key => {
      if (pools.length === 0) {
        return null;
      }
      const cacheKey = [
        key.tags,
        key.subAccountId,
        key.billingAccountId,
        key.serviceName,
        key.chargeCategory,
      ].join('\u0000');
      const cached = cache.get(cacheKey);
      if (cached !== undefined) {
        return cached;
      }
      let tags = key.tags === null ? null : tagCache.get(key.tags);
      if (tags === undefined) {
        tags = parseTags(key.tags);
        if (tagCache.size >= POOL_CACHE_SIZE) tagCache.clear();
        tagCache.set(key.tags!, tags);
      }
      const pool = findPoolForRow(pools, {
        tags,
        subAccountId: key.subAccountId,
        billingAccountId: key.billingAccountId,
        serviceName: key.serviceName,
        chargeCategory: key.chargeCategory,
      });
      if (cache.size >= POOL_CACHE_SIZE) cache.clear();
      cache.set(cacheKey, pool?.id ?? null);
      return pool?.id ?? null;
    };
  }

  /**
   * Replaces one pool's parts: per day, currency and basis the pool's cost is split
   * between its targets. A pool without targets keeps no parts, so its cost stays
   * unallocated (and visible in coverage) instead of vanishing.
   */
  private async splitSharedPool(
    store: DatabaseAllocationStore,
    pool: SharedCostPool,
    inputs: {
      targets: string[];
      totals: readonly DayAmounts[];
      /** Rollup direct cost per target, for `proportional`. */
      directByTarget: ReadonlyMap<string, readonly DayAmounts[]>;
      /** Metric volumes per month (`YYYY-MM` → target → volume), for `metric` and `prepaid`. */
      usageByMonth: ReadonlyMap<string, Record<string, string>> | undefined;
      /** For `prepaid`: who carries the unused part; without one it is split by usage too. */
      unusedTarget: string | undefined;
    },
  ): Promise<number> {
    const { logger } = this.options;
    const { targets, totals, directByTarget, usageByMonth, unusedTarget } =
      inputs;
    if (targets.length === 0 || totals.length === 0) {
      if (totals.length > 0) {
        logger.warn(
          `Shared cost pool ${pool.id} has no targets in the catalog; its cost stays unallocated`,
        );
      }
      await store.replaceSharedAllocations(pool.id, []);
      return 0;
    }
    const rows: SharedAllocationRow[] = [];
    const notes = new Set<string>();
    // Each target's rollup direct cost by day and currency, for proportional pools.
    const directOn = new Map<string, DayAmounts>();
    for (const [target, days] of directByTarget) {
      for (const d of days)
        directOn.set(`${target}\u0000${d.day}\u0000${d.currency}`, d);
    }
    for (const total of totals) {
      for (const basis of COST_BASES) {
        const directCostByTarget =
          pool.method === 'proportional'
            ? Object.fromEntries(
                targets.map(t => [
                  t,
                  directOn.get(
                    `${t}\u0000${total.day}\u0000${total.currency}`,
                  )?.[basis] ?? '0',
                ]),
              )
            : undefined;
        const prepaid = pool.method === 'prepaid' && unusedTarget !== undefined;
        const result = splitPool({
          amount: total[basis],
          // A prepaid pool without anyone to carry its unused part is split by usage alone.
          method:
            pool.method === 'prepaid' && !prepaid ? 'metric' : pool.method,
          targets,
          directCostByTarget,
          fixedWeights: pool.weights,
          metricByTarget: usageByMonth?.get(total.day.slice(0, 7)) ?? {},
          committedQuantity: pool.committedQuantity,
          unusedTarget,
        });
        if (result.fallback) {
          notes.add(result.fallback);
        }
        for (const part of result.parts) {
          if (!/^-?0(\.0*)?$/.test(part.amount)) {
            rows.push({
              day: total.day,
              currency: total.currency,
              basis,
              targetRef: part.target,
              amount: part.amount,
            });
          }
        }
      }
    }
    if (notes.size > 0) {
      logger.info(
        `Shared cost pool ${pool.id}: ${[...notes].slice(0, 3).join(' | ')}`,
      );
    }

    await store.replaceSharedAllocations(pool.id, rows);
    return rows.length;
  }

  /**
   * A metric pool's targets' volumes per calendar month (`YYYY-MM` → ref → volume): each
   * day of a month is split by the month's volumes, so a missing daily value does not send
   * that day's cost elsewhere, and one read per month serves all its days. Months without
   * any volume are absent (split evenly, reported once).
   */
  private async metricVolumesByMonth(
    pool: SharedCostPool,
    targets: readonly string[],
    days: string[],
    configIssues: string[],
  ): Promise<Map<string, Record<string, string>>> {
    const out = new Map<string, Record<string, string>>();
    const { metrics } = this.options;
    // Without usage a prepaid commitment counts as unused, not as split evenly.
    const fallback =
      pool.method === 'prepaid' ? 'counted as unused' : 'split evenly';
    if (!metrics || !pool.metric) {
      configIssues.push(
        `shared cost pool ${pool.id} is split by metric "${pool.metric}" but business metrics ` +
          `are not available; ${fallback}`,
      );
      return out;
    }
    const empty: string[] = [];
    for (const month of monthsOf(days)) {
      const volumes = await metrics.volumes(
        pool.metric,
        [...targets],
        `${month}-01`,
        nextMonthStart(month),
      );
      if (volumes.size === 0) {
        empty.push(month);
      } else {
        out.set(month, Object.fromEntries(volumes));
      }
    }
    if (empty.length > 0) {
      configIssues.push(
        `shared cost pool ${pool.id}: no values of metric "${pool.metric}" for its targets in ` +
          `${empty.slice(0, 3).join(', ')}${
            empty.length > 3 ? ` and ${empty.length - 3} more month(s)` : ''
          }; ${fallback}`,
      );
    }
    return out;
  }
}

function parseTags(text: string | null): PoolRow['tags'] {
  if (text === null) {
    return null;
  }
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Who carries the unused part of a prepaid pool: the configured `unusedTarget`, else the
 * owner (by `cost-accounts`) of the account its rows were bought in, when that is one
 * entity. Otherwise none, reported: the pool is then split by usage alone.
 */
function unusedTargetOf(
  pool: SharedCostPool,
  poolBuyers: ReadonlyMap<string, ReadonlySet<string | null>>,
  configIssues: string[],
): string | undefined {
  if (pool.unusedTarget !== undefined) return pool.unusedTarget;
  const buyers = [...(poolBuyers.get(pool.id) ?? [])];
  if (buyers.length === 1 && buyers[0] !== null) return buyers[0];
  configIssues.push(
    `shared cost pool ${pool.id}: no unusedTarget and its rows' accounts do not have one ` +
      'owner (cost-accounts); the unused part of the commitment is split by usage',
  );
  return undefined;
}

/** FOCUS marks the unused part of a commitment (savings plan, reservation) this way. */
const isUnusedCommitment = (key: StoredAllocationKey) =>
  key.commitmentDiscountStatus?.toLowerCase() === 'unused';

/**
 * Unused commitment cost first: it goes to the configured pool, else to the owner of the
 * account that bought the commitment (its `cost-accounts` owner; tags and resource patterns
 * are not asked, since the row describes the purchase, not a workload). Unowned, it stays
 * unallocated and visible. Then a pool claims a row before any entity: shared costs are
 * split, not owned.
 */
function allocationOf(
  fact: StoredAllocationKey,
  rules: AllocationRules,
  poolOf: (key: StoredAllocationKey) => string | null,
  conflicts: ConflictCollector,
  unusedCommitmentPool: string | undefined,
): AllocationValues {
  if (isUnusedCommitment(fact)) {
    if (unusedCommitmentPool !== undefined) {
      return {
        allocatedEntityRef: null,
        allocationRule: null,
        sharedPoolId: unusedCommitmentPool,
      };
    }
    const owner = rules.assignByAccount(fact);
    if (owner?.conflict) {
      conflicts.add(
        fact,
        owner.entityRef,
        UNUSED_COMMITMENT_RULE,
        owner.conflict.candidates,
      );
    }
    return {
      allocatedEntityRef: owner?.entityRef ?? null,
      allocationRule: owner ? UNUSED_COMMITMENT_RULE : null,
      sharedPoolId: null,
    };
  }
  const poolId = poolOf(fact);
  if (poolId !== null) {
    return {
      allocatedEntityRef: null,
      allocationRule: null,
      sharedPoolId: poolId,
    };
  }
  const assignment = rules.assign(fact);
  if (assignment?.conflict) {
    conflicts.add(
      fact,
      assignment.entityRef,
      assignment.rule,
      assignment.conflict.candidates,
    );
  }
  return {
    allocatedEntityRef: assignment?.entityRef ?? null,
    allocationRule: assignment?.rule ?? null,
    sharedPoolId: null,
  };
}

/** Ancestor ref → its component members, sorted, for `allComponentsOf` targets. */
function componentsByAncestor(
  pairs: readonly RollupPair[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { ancestorRef, memberRef } of pairs) {
    if (memberRef.startsWith('component:')) {
      const list = out.get(ancestorRef) ?? [];
      list.push(memberRef);
      out.set(ancestorRef, list);
    }
  }
  for (const list of out.values()) {
    list.sort();
  }
  return out;
}
