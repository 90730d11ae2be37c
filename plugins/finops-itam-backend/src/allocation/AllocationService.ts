import {
  AuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AllocationConflictRecord,
  AllocationValues,
  COST_BASES,
  DatabaseAllocationStore,
  SharedAllocationRow,
  StoredAllocationFact,
} from '../database/DatabaseAllocationStore';
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

/** The kinds that own costs or roll them up. */
export const ALLOCATION_KINDS = [
  'Component',
  'Resource',
  'System',
  'Group',
  'Domain',
];

const DEFAULT_BATCH_SIZE = 5000;
const POOL_CACHE_SIZE = 200_000;

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
}

export interface AllocationServiceOptions {
  store: DatabaseAllocationStore;
  catalog: Pick<CatalogService, 'getEntities'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  logger: LoggerService;
  fallbackRules: readonly AllocationFallbackRule[];
  sharedCost: SharedCostConfig;
  /** Facts read and compared per batch; default 5,000. */
  batchSize?: number;
  now?: () => Date;
}

function sameValues(fact: StoredAllocationFact, values: AllocationValues) {
  return (
    fact.allocatedEntityRef === values.allocatedEntityRef &&
    fact.allocationRule === values.allocationRule &&
    fact.sharedPoolId === values.sharedPoolId
  );
}

/**
 * Conflicts of one run, one entry per distinct (resource, rule, winner, candidates) with
 * the number of facts, so the stored snapshot stays small however many days a resource has.
 */
class ConflictCollector {
  private readonly entries = new Map<string, AllocationConflictRecord>();

  add(
    fact: Pick<StoredAllocationFact, 'resourceId' | 'resourceName'>,
    winner: string,
    rule: string,
    candidates: readonly string[],
  ): void {
    const key = [
      fact.resourceId ?? '\u0001',
      fact.resourceName ?? '\u0001',
      rule,
      winner,
      ...candidates,
    ].join('\u0000');
    const entry = this.entries.get(key);
    if (entry) {
      entry.factCount += 1;
    } else {
      this.entries.set(key, {
        resourceId: fact.resourceId,
        resourceName: fact.resourceName,
        rule,
        winner,
        candidates: [...candidates],
        factCount: 1,
      });
    }
  }

  rows(): AllocationConflictRecord[] {
    return [...this.entries.values()];
  }
}

/**
 * Assigns every cost fact to one catalog entity, one shared-cost pool, or neither
 * (unallocated), then splits each pool between its targets. A run reads the catalog,
 * compares each fact's computed allocation with the stored one and writes only the
 * differences, so a catalog change or a new delivery re-allocates just the rows it affects.
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
  conflicts(limit: number): Promise<{ conflicts: AllocationConflictRecord[]; total: number }> {
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
    const started = this.now();
    const startedMs = Date.now();
    const runId = await store.startRun(started);
    const counts = { entities: 0, factsScanned: 0, factsChanged: 0, sharedPools: 0, sharedParts: 0, conflicts: 0 };
    try {
      const entities = await this.readEntities();
      counts.entities = entities.length;
      const rules = compileAllocationRules(entities, this.options.fallbackRules);
      if (rules.problems.length > 0) {
        logger.warn(
          `Allocation ignored ${rules.problems.length} malformed annotation(s), e.g. ` +
            `${rules.problems[0].entityRef} ${rules.problems[0].annotation}: ${rules.problems[0].message}`,
        );
      }
      const pairs = buildRollupMembers(entities);
      await store.replaceRollupMembers(pairs);

      const conflicts = new ConflictCollector();
      await this.allocateFacts(rules, started, counts, conflicts);
      const conflictRows = conflicts.rows();
      await store.replaceConflicts(runId, conflictRows);
      counts.conflicts = conflictRows.length;

      const components = componentsByAncestor(pairs);
      for (const pool of this.options.sharedCost.pools) {
        counts.sharedParts += await this.splitSharedPool(pool, components);
        counts.sharedPools += 1;
      }
      await store.deleteSharedAllocationsExcept(
        this.options.sharedCost.pools.map(p => p.id),
      );
      // Full rebuild of the daily rollup that `GET .../cost` reads; incremental (only the
      // days of changed facts and pools) is left for later.
      await store.rebuildEntityDailyCost();

      const message =
        `Allocated with ${counts.entities} entities: ${counts.factsChanged} of ` +
        `${counts.factsScanned} facts changed, ${counts.sharedParts} shared part(s) ` +
        `in ${counts.sharedPools} pool(s), ${counts.conflicts} conflict(s)`;
      await store.finishRun(
        runId,
        {
          status: 'succeeded',
          factsScanned: counts.factsScanned,
          factsChanged: counts.factsChanged,
          message,
        },
        this.now(),
      );
      return { status: 'succeeded', ...counts, durationMs: Date.now() - startedMs, message };
    } catch (error) {
      const message = `Allocation failed: ${error instanceof Error ? error.message : error}`;
      await store.finishRun(
        runId,
        {
          status: 'failed',
          factsScanned: counts.factsScanned,
          factsChanged: counts.factsChanged,
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

  /** Streams facts in id order, writing each batch's changes in one transaction. */
  private async allocateFacts(
    rules: AllocationRules,
    at: Date,
    counts: { factsScanned: number; factsChanged: number },
    conflicts: ConflictCollector,
  ): Promise<void> {
    const { store } = this.options;
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    const poolOf = this.poolMatcher();
    let afterId: string | null = null;
    for (;;) {
      const batch = await store.readFactBatch(afterId, batchSize);
      if (batch.length === 0) {
        return;
      }
      const changes: Array<{ id: string; values: AllocationValues }> = [];
      for (const fact of batch) {
        const values = allocationOf(fact, rules, poolOf, conflicts);
        if (!fact.allocated || !sameValues(fact, values)) {
          changes.push({ id: fact.id, values });
        }
      }
      await store.applyAllocations(changes, at);
      counts.factsScanned += batch.length;
      counts.factsChanged += changes.length;
      afterId = batch[batch.length - 1].id;
    }
  }

  /** The pool of a fact, cached on the fields pools read. */
  private poolMatcher(): (fact: StoredAllocationFact) => string | null {
    const pools = this.options.sharedCost.pools;
    const cache = new Map<string, string | null>();
    const tagCache = new Map<string, PoolRow['tags']>();
    return fact => {
      if (pools.length === 0) {
        return null;
      }
      const key = [
        fact.tags,
        fact.subAccountId,
        fact.billingAccountId,
        fact.serviceName,
        fact.chargeCategory,
      ].join('\u0000');
      const cached = cache.get(key);
      if (cached !== undefined) {
        return cached;
      }
      let tags = fact.tags === null ? null : tagCache.get(fact.tags);
      if (tags === undefined) {
        tags = parseTags(fact.tags);
        if (tagCache.size >= POOL_CACHE_SIZE) tagCache.clear();
        tagCache.set(fact.tags!, tags);
      }
      const pool = findPoolForRow(pools, {
        tags,
        subAccountId: fact.subAccountId,
        billingAccountId: fact.billingAccountId,
        serviceName: fact.serviceName,
        chargeCategory: fact.chargeCategory,
      });
      if (cache.size >= POOL_CACHE_SIZE) cache.clear();
      cache.set(key, pool?.id ?? null);
      return pool?.id ?? null;
    };
  }

  /**
   * Replaces one pool's parts: per day, currency and basis the pool's cost is split
   * between its targets. A pool without targets keeps no parts, so its cost stays
   * unallocated (and visible in coverage) instead of vanishing.
   */
  private async splitSharedPool(
    pool: SharedCostPool,
    components: Map<string, string[]>,
  ): Promise<number> {
    const { store, logger } = this.options;
    const targets =
      'entities' in pool.targets
        ? pool.targets.entities
        : components.get(pool.targets.allComponentsOf) ?? [];
    const totals = await store.poolTotals(pool.id);
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
    // One read of the targets' direct cost per pool, on the pool's days only, both bases.
    const direct =
      pool.method === 'proportional'
        ? await store.directCostByTarget(
            targets,
            totals.map(t => t.day),
          )
        : undefined;
    for (const basis of COST_BASES) {
      for (const total of totals) {
        const directCostByTarget = direct
          ? Object.fromEntries(
              targets.map(t => [
                t,
                direct.get(`${t}\u0000${total.day}\u0000${total.currency}`)?.[basis] ?? '0',
              ]),
            )
          : undefined;
        const result = splitPool({
          amount: total[basis],
          method: pool.method,
          targets,
          directCostByTarget,
          fixedWeights: pool.weights,
          // Business metrics arrive with the unit-cost issue; until then metric pools split evenly.
          metricByTarget: {},
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
      logger.info(`Shared cost pool ${pool.id}: ${[...notes].slice(0, 3).join(' | ')}`);
    }
    await store.replaceSharedAllocations(pool.id, rows);
    return rows.length;
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

/** A pool claims a row before any entity: shared costs are split, not owned. */
function allocationOf(
  fact: StoredAllocationFact,
  rules: AllocationRules,
  poolOf: (fact: StoredAllocationFact) => string | null,
  conflicts: ConflictCollector,
): AllocationValues {
  const poolId = poolOf(fact);
  if (poolId !== null) {
    return { allocatedEntityRef: null, allocationRule: null, sharedPoolId: poolId };
  }
  const assignment = rules.assign(fact);
  if (assignment?.conflict) {
    conflicts.add(fact, assignment.entityRef, assignment.rule, assignment.conflict.candidates);
  }
  return {
    allocatedEntityRef: assignment?.entityRef ?? null,
    allocationRule: assignment?.rule ?? null,
    sharedPoolId: null,
  };
}

/** Ancestor ref → its component members, sorted, for `allComponentsOf` targets. */
function componentsByAncestor(pairs: readonly RollupPair[]): Map<string, string[]> {
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
