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
import type { MetricVolumeReader } from '../metrics/MetricVolumeReader';
import { monthsOf, nextMonthStart } from './months';
import { ScanSums } from './scanSums';

/** The kinds that own costs or roll them up. */
export const ALLOCATION_KINDS = [
  'Component',
  'Resource',
  'System',
  'Group',
  'Domain',
];

// Fewer, larger batches: each is a round trip and a transaction; 20,000 facts stay a few MB.
const DEFAULT_BATCH_SIZE = 20_000;
/** `allocation_rule` of unused commitment rows given to the buying account's owner. */
export const UNUSED_COMMITMENT_RULE = 'unused-commitment';
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
  /**
   * Configuration problems met while splitting pools (e.g. a metric pool without metric
   * values, split evenly instead); also in `message` and the log.
   */
  configIssues: string[];
  /** Milliseconds per phase (catalog, facts, pools, rollup), to see where a slow run goes. */
  phasesMs: Record<string, number>;
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
  /** Facts read and compared per batch; default 20,000. */
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
    const configIssues: string[] = [];
    const phasesMs: Record<string, number> = {};
    let phaseStart = Date.now();
    const phase = (name: string) => {
      const at = Date.now();
      phasesMs[name] = at - phaseStart;
      phaseStart = at;
    };
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
      phase('catalog');

      // Pools' targets are known before the scan, so it can sum what splitting them needs.
      const components = componentsByAncestor(pairs);
      const members = membersByAncestor(pairs);
      const targetsOf = (pool: SharedCostPool) =>
        'entities' in pool.targets
          ? pool.targets.entities
          : components.get(pool.targets.allComponentsOf) ?? [];
      const directMembers = new Set<string>();
      for (const pool of this.options.sharedCost.pools) {
        if (pool.method !== 'proportional') continue;
        for (const target of targetsOf(pool)) {
          for (const member of members.get(target) ?? []) directMembers.add(member);
        }
      }
      const sums = new ScanSums(directMembers);

      const conflicts = new ConflictCollector();
      await this.allocateFacts(rules, started, counts, conflicts, sums);
      const conflictRows = conflicts.rows();
      await store.replaceConflicts(runId, conflictRows);
      counts.conflicts = conflictRows.length;
      phase('facts');

      const membersOf = (target: string) => members.get(target) ?? [];
      for (const pool of this.options.sharedCost.pools) {
        counts.sharedParts += await this.splitSharedPool(pool, targetsOf(pool), sums, membersOf, configIssues);
        counts.sharedPools += 1;
      }
      await store.deleteSharedAllocationsExcept(
        this.options.sharedCost.pools.map(p => p.id),
      );
      // Full rebuild of the daily rollup that `GET .../cost` reads; incremental (only the
      // days of changed facts and pools) is left for later.
      phase('pools');
      await store.rebuildEntityDailyCost();
      phase('rollup');

      const issues = configIssues.length > 0 ? `; config issues: ${configIssues.join(' | ')}` : '';
      const message =
        `Allocated with ${counts.entities} entities: ${counts.factsChanged} of ` +
        `${counts.factsScanned} facts changed, ${counts.sharedParts} shared part(s) ` +
        `in ${counts.sharedPools} pool(s), ${counts.conflicts} conflict(s)${issues}`;
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
      return { status: 'succeeded', ...counts, configIssues, phasesMs, durationMs: Date.now() - startedMs, message };
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
    sums: ScanSums,
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
        const values = allocationOf(fact, rules, poolOf, conflicts, this.options.sharedCost.unusedCommitmentPool);
        sums.add(fact, { entityRef: values.allocatedEntityRef, poolId: values.sharedPoolId });
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
    targets: string[],
    sums: ScanSums,
    membersOf: (target: string) => readonly string[],
    configIssues: string[],
  ): Promise<number> {
    const { store, logger } = this.options;
    const totals = sums.poolTotals(pool.id);
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
    const metricByMonth =
      pool.method === 'metric'
        ? await this.metricVolumesByMonth(pool, targets, totals.map(t => t.day), configIssues)
        : undefined;
    for (const total of totals) {
      // Direct cost over each target's rollup on the pool's day, from the scan's sums.
      const direct =
        pool.method === 'proportional'
          ? sums.directCost(targets, membersOf, total.day, total.currency)
          : undefined;
      for (const basis of COST_BASES) {
        const directCostByTarget = direct
          ? Object.fromEntries(targets.map(t => [t, direct.get(t)![basis]]))
          : undefined;
        const result = splitPool({
          amount: total[basis],
          method: pool.method,
          targets,
          directCostByTarget,
          fixedWeights: pool.weights,
          metricByTarget: metricByMonth?.get(total.day.slice(0, 7)) ?? {},
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

  /**
   * A metric pool's targets' volumes per calendar month (`YYYY-MM` → ref → volume): each
   * day of a month is split by the month's volumes, so a missing daily value does not send
   * that day's cost elsewhere, and one read per month serves all its days. Months without
   * any volume are absent (split evenly, reported once).
   */
  private async metricVolumesByMonth(
    pool: SharedCostPool,
    targets: string[],
    days: string[],
    configIssues: string[],
  ): Promise<Map<string, Record<string, string>>> {
    const out = new Map<string, Record<string, string>>();
    const { metrics } = this.options;
    if (!metrics || !pool.metric) {
      configIssues.push(
        `shared cost pool ${pool.id} is split by metric "${pool.metric}" but business metrics ` +
          'are not available; split evenly',
      );
      return out;
    }
    const empty: string[] = [];
    for (const month of monthsOf(days)) {
      const volumes = await metrics.volumes(pool.metric, targets, `${month}-01`, nextMonthStart(month));
      if (volumes.size === 0) {
        empty.push(month);
      } else {
        out.set(month, Object.fromEntries(volumes));
      }
    }
    if (empty.length > 0) {
      configIssues.push(
        `shared cost pool ${pool.id}: no values of metric "${pool.metric}" for its targets in ` +
          `${empty.slice(0, 3).join(', ')}${empty.length > 3 ? ` and ${empty.length - 3} more month(s)` : ''}; split evenly`,
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

/** FOCUS marks the unused part of a commitment (savings plan, reservation) this way. */
const isUnusedCommitment = (fact: StoredAllocationFact) =>
  fact.commitmentDiscountStatus?.toLowerCase() === 'unused';

/**
 * Unused commitment cost first: it goes to the configured pool, else to the owner of the
 * account that bought the commitment (its `cost-accounts` owner; tags and resource patterns
 * are not asked, since the row describes the purchase, not a workload). Unowned, it stays
 * unallocated and visible. Then a pool claims a row before any entity: shared costs are
 * split, not owned.
 */
function allocationOf(
  fact: StoredAllocationFact,
  rules: AllocationRules,
  poolOf: (fact: StoredAllocationFact) => string | null,
  conflicts: ConflictCollector,
  unusedCommitmentPool: string | undefined,
): AllocationValues {
  if (isUnusedCommitment(fact)) {
    if (unusedCommitmentPool !== undefined) {
      return { allocatedEntityRef: null, allocationRule: null, sharedPoolId: unusedCommitmentPool };
    }
    const owner = rules.assignByAccount(fact);
    if (owner?.conflict) {
      conflicts.add(fact, owner.entityRef, UNUSED_COMMITMENT_RULE, owner.conflict.candidates);
    }
    return {
      allocatedEntityRef: owner?.entityRef ?? null,
      allocationRule: owner ? UNUSED_COMMITMENT_RULE : null,
      sharedPoolId: null,
    };
  }
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

/** Ancestor ref → every member of its rollup, itself included. */
function membersByAncestor(pairs: readonly RollupPair[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { ancestorRef, memberRef } of pairs) {
    const list = out.get(ancestorRef) ?? [];
    list.push(memberRef);
    out.set(ancestorRef, list);
  }
  return out;
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
