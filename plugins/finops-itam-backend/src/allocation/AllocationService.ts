import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AllocationConflictRecord,
  AllocationRunRecord,
  AllocationStore,
} from '../database/AllocationStore';
import type { FactMonth } from '../database/changedMonths';
import { AllocationKeyChange } from '../database/AllocationKeyStore';
import type { DayAmounts } from '../database/DailyRollupWriter';
import type { MetricVolumeReader } from '../metrics/MetricVolumeReader';
import { ConflictCollector } from './ConflictCollector';
import {
  UNALLOCATED,
  allocationOf,
  createPoolMatcher,
  sameValues,
} from './keyAllocation';
import { OpenPrepaidMonth, PoolSplitter, unusedTargetOf } from './PoolSplitter';
import {
  AllocationFallbackRule,
  AllocationRules,
  compileAllocationRules,
} from './rules';
import { SharedCostConfig, SharedCostPool } from './shared';
import { RollupPair, buildRollupMembers } from './rollupMembers';
import {
  ancestorsByMember,
  directCostDeltas,
  membersWithNewAncestors,
} from './rollupDeltas';
import {
  INTERRUPTED_AFTER_SILENT_MS,
  startHeartbeat,
} from '../shared/heartbeat';

/** The kinds that own costs or roll them up. */
export const ALLOCATION_KINDS = [
  'Component',
  'Resource',
  'System',
  'Group',
  'Domain',
];

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
  /**
   * Months of prepaid pools still open at the run's clock: split month-to-date only, by
   * usage so far, with nothing unused until they close; also in `message`.
   */
  openPrepaidMonths: OpenPrepaidMonth[];
  /** Milliseconds per phase, to see where a slow run goes. */
  phasesMs: Record<string, number>;
  /**
   * How the daily rollup was brought up to date: `incremental` (only moved cost, when no
   * facts were added or removed since the previous run), `months` (moved cost, and the
   * months whose facts an ingestion or retention changed rebuilt) or `rebuilt`.
   */
  rollup: RollupMode;
}

/** See {@link AllocationRunResult.rollup}. */
export type RollupMode = 'incremental' | 'months' | 'rebuilt';

export interface AllocationServiceOptions {
  store: AllocationStore;
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
  private readonly pools: PoolSplitter;

  /** Ids of the runs this process is doing now. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: AllocationServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.pools = new PoolSplitter(options);
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

  /**
   * Marks the runs that stopped giving signs of life (a killed backend, here or on another
   * replica) as failed, never one this process is still doing.
   */
  failInterrupted(now = new Date()): Promise<number> {
    return this.options.store.failInterruptedRuns(now, {
      silentSince: new Date(now.getTime() - INTERRUPTED_AFTER_SILENT_MS),
      exceptIds: this.inFlight,
    });
  }

  /** Starts a run in the background, e.g. right after an ingestion. */
  runSoon(): void {
    this.run().catch(error =>
      this.options.logger.error(`Allocation failed: ${error}`),
    );
  }

  private runOnce(): Promise<AllocationRunResult> {
    // Recorded only once it may start, so runs of two replicas never overlap.
    return this.options.store.exclusively(() => this.runExclusively());
  }

  private async runExclusively(): Promise<AllocationRunResult> {
    const { store, logger } = this.options;
    const started = this.now();
    const startedMs = Date.now();
    // What the previous run left, read before this run is recorded as the latest.
    const previous = await store.latestRun();
    const runId = await store.startRun(started);
    this.inFlight.add(runId);
    const stopHeartbeat = startHeartbeat(
      () => store.touchRun(runId, new Date()),
      error =>
        logger.warn(
          `Allocation run ${runId} could not record its heartbeat`,
          error,
        ),
    );
    try {
      return await this.allocate(runId, started, startedMs, previous);
    } finally {
      stopHeartbeat();
      this.inFlight.delete(runId);
    }
  }

  /** The body of one run, recorded as `runId`. */
  private async allocate(
    runId: string,
    started: Date,
    startedMs: number,
    previous: AllocationRunRecord | undefined,
  ): Promise<AllocationRunResult> {
    const { store, logger } = this.options;
    const { keys } = store;
    const counts = {
      entities: 0,
      factsScanned: 0,
      factsChanged: 0,
      sharedPools: 0,
      sharedParts: 0,
      conflicts: 0,
    };
    const configIssues: string[] = [];
    const openPrepaidMonths: OpenPrepaidMonth[] = [];
    const phasesMs: Record<string, number> = {};
    let phaseStart = Date.now();
    const phase = (name: string) => {
      const at = Date.now();
      phasesMs[name] = at - phaseStart;
      phaseStart = at;
    };
    try {
      // Months changed by fact writes, read before the facts' state: a write committed in
      // between is in this run's facts and its record stays for the next run.
      const changed = await store.changedMonths();
      // This run handles the facts stored up to now; later ones wait for the next run.
      const backfilled = await keys.backfillFactKeys();
      const { maxId, count: factCount, fingerprint } = await keys.factsState();
      const mode = await this.rollupMode(previous, {
        backfilled,
        fingerprint,
        months: changed.months,
      });

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
      const moved =
        mode === 'rebuilt'
          ? undefined
          : await this.rollupDeltas(changes, pairsBefore, pairs, maxId);
      const deltas = moved?.deltas;
      counts.factsScanned = factCount;
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
            await this.pools.metricVolumesByMonth(
              pool,
              targetsOf(pool),
              days,
              configIssues,
            ),
          );
        }
      }
      phase('poolInputs');
      let sharedChanged = false;
      await store.transaction(async tx => {
        // The closure changes with the rollup amounts, in one commit: a System's total and
        // the members its permission check reads (src/permissions) never disagree.
        await tx.allocation.replaceRollupMembers(pairs);
        if (deltas) {
          await tx.rollup.addToDirect(deltas);
        }
        if (mode !== 'incremental') {
          // Changed months are rebuilt over whatever the deltas did to them.
          const months = mode === 'months' ? changed.months : undefined;
          await tx.rollup.rebuildDirect(maxId, months);
          await tx.keyMonths.rebuild(maxId, months);
        }
        await tx.allocation.clearChangedMonths(changed.bound);
        // A rebuild includes the keys' monthly sums.
        phase(mode === 'incremental' ? 'rollupDeltas' : 'rollupRebuild');
        for (const pool of this.options.sharedCost.pools) {
          const targets = targetsOf(pool);
          const direct =
            pool.method === 'proportional' && targets.length > 0
              ? await tx.rollup.directOf(targets)
              : new Map<string, DayAmounts[]>();
          const split = await this.pools.splitSharedPool(tx.allocation, pool, {
            targets,
            totals: poolTotals.get(pool.id) ?? [],
            directByTarget: direct,
            usageByMonth: usage.get(pool.id),
            unusedTarget:
              pool.method === 'prepaid'
                ? unusedTargetOf(pool, poolBuyers, configIssues)
                : undefined,
          });
          counts.sharedParts += split.parts;
          openPrepaidMonths.push(...split.openMonths);
          sharedChanged ||= split.changed;
          counts.sharedPools += 1;
        }
        const removedParts = await tx.allocation.deleteSharedAllocationsExcept(
          this.options.sharedCost.pools.map(p => p.id),
        );
        sharedChanged ||= removedParts > 0;
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
      const open =
        openPrepaidMonths.length > 0
          ? `; month-to-date: ${openPrepaidMonths
              .map(m => `${m.poolId} ${m.month} through ${m.through}`)
              .join(', ')}`
          : '';
      const message =
        `Allocated with ${counts.entities} entities: ${counts.factsChanged} of ` +
        `${counts.factsScanned} facts changed owner, ${counts.sharedParts} shared part(s) ` +
        `in ${counts.sharedPools} pool(s), ${counts.conflicts} conflict(s)${issues}${open}`;
      // Cached cost answers stay valid through a run that changed none of what they show.
      const costChanged =
        mode !== 'incremental' ||
        deltas!.length > 0 ||
        changes.length > 0 ||
        sharedChanged ||
        !sameRollupMembers(pairsBefore, pairs);
      await store.finishRun(
        runId,
        {
          status: 'succeeded',
          factsScanned: counts.factsScanned,
          factsChanged: counts.factsChanged,
          factsFingerprint: fingerprint,
          message,
          costChanged,
        },
        this.now(),
      );
      return {
        status: 'succeeded',
        ...counts,
        configIssues,
        openPrepaidMonths,
        phasesMs,
        rollup: mode,
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
          // What a failed run left behind is not known: cached answers are dropped.
          costChanged: true,
        },
        this.now(),
      );
      throw error;
    }
  }

  /**
   * How this run brings the rollup up to date. `incremental` (deltas only) needs the
   * previous run to have completed over the same facts, with nothing recorded as changed
   * since. `months` (deltas, then the changed months rebuilt) needs every fact change since
   * the previous run recorded as a changed month: no facts without keys, and no facts
   * waiting for allocation outside those months. Otherwise everything is `rebuilt`.
   */
  private async rollupMode(
    previous: AllocationRunRecord | undefined,
    facts: {
      backfilled: number;
      fingerprint: string;
      months: readonly FactMonth[];
    },
  ): Promise<RollupMode> {
    const { store } = this.options;
    if (previous?.status !== 'succeeded' || facts.backfilled > 0) {
      return 'rebuilt';
    }
    if (facts.months.length === 0) {
      const same =
        previous.factsFingerprint === facts.fingerprint &&
        !(await store.hasUnallocatedFacts());
      return same ? 'incremental' : 'rebuilt';
    }
    return (await store.hasUnallocatedFactsOutside(facts.months))
      ? 'rebuilt'
      : 'months';
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
    const poolOf = createPoolMatcher(this.options.sharedCost.pools);
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
}

/** Whether two rollups pair the same members with the same ancestors. */
function sameRollupMembers(
  before: readonly RollupPair[],
  after: readonly RollupPair[],
): boolean {
  if (before.length !== after.length) return false;
  const pairKey = (p: RollupPair) => `${p.ancestorRef}\u0000${p.memberRef}`;
  const known = new Set(before.map(pairKey));
  return after.every(p => known.has(pairKey(p)));
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
