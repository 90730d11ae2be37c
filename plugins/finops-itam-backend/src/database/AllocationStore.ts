import { AllocationKeyStore } from './AllocationKeyStore';
import { FactMonth } from './changedMonths';
import { DailyRollupWriter } from './DailyRollupWriter';
import { KeyMonthlyCost } from './KeyMonthlyCost';

/** An entity's rollup over a half-open period, in one cost basis. */
export interface RollupPeriodQuery {
  ancestorRef: string;
  from: string;
  to: string;
  basis: CostBasis;
}

/** Which amount a cost is read as: EffectiveCost (amortized, the default) or BilledCost. */
export type CostBasis = 'amortized' | 'billed';

export const COST_BASES: readonly CostBasis[] = ['amortized', 'billed'];

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

/** The rows behind one cost answer: see `AllocationStore.entityCostReads`. */
export interface EntityCostReads {
  daily: EntityDailyCostRow[];
  detail: Grouped<
    | 'currency'
    | 'serviceName'
    | 'serviceCategory'
    | 'chargeCategory'
    | 'resourceId'
    | 'resourceName'
  >[];
}

/** The latest allocation run. */
export interface AllocationRunRecord {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'succeeded' | 'failed';
  /** Last sign of life of a running run; null before its first heartbeat. */
  heartbeatAt: string | null;
  factsScanned: number | null;
  factsChanged: number | null;
  message: string | null;
  /** Which facts the run's rollup covers; null for failed and unfinished runs. */
  factsFingerprint: string | null;
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

/** Rows summed per group: each grouped column, and the exact sum as `amount`. */
export type Grouped<K extends string> = Record<K, string | null> & {
  amount: string;
};

/**
 * Allocation state: each fact's owner (through its allocation key), the rollup closure,
 * the parts of shared pools, allocation runs and their conflicts, and the rollup reads the
 * entity cost answers are built from. Amounts are exact decimal strings.
 */
export interface AllocationStore {
  /** The facts' allocation keys. */
  readonly keys: AllocationKeyStore;
  /** Writes of the daily rollup. */
  readonly rollup: DailyRollupWriter;
  /** The allocation keys' monthly sums. */
  readonly keyMonths: KeyMonthlyCost;

  /**
   * Runs `fn` as the only allocation run on the database: a run asked of another replica
   * (or of this one) at the same time waits until `fn` has finished.
   */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;

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
  ): Promise<T>;

  /** The rollup closure as stored (by the previous run). */
  readRollupMembers(): Promise<
    Array<{ ancestorRef: string; memberRef: string }>
  >;
  /** Replaces the rollup closure in one transaction. */
  replaceRollupMembers(
    pairs: ReadonlyArray<{ ancestorRef: string; memberRef: string }>,
  ): Promise<void>;
  /** Every entity whose cost `ancestorRef` includes, itself among them. */
  rollupMembersOf(ancestorRef: string): Promise<string[]>;

  /** Replaces the conflicts of the latest run in one transaction. */
  replaceConflicts(
    runId: string | null,
    conflicts: readonly AllocationConflictRecord[],
  ): Promise<void>;
  /** Conflicts of the latest run, most facts first, with their total number. */
  listConflicts(
    limit: number,
  ): Promise<{ conflicts: AllocationConflictRecord[]; total: number }>;
  /** Number of distinct conflicts of the latest run. */
  countConflicts(): Promise<number>;

  /**
   * Replaces all parts of one pool, unless they are the parts already stored; says whether
   * anything was written.
   */
  replaceSharedAllocations(
    poolId: string,
    rows: readonly SharedAllocationRow[],
  ): Promise<boolean>;
  /** Removes the parts of pools no longer configured; returns the parts removed. */
  deleteSharedAllocationsExcept(poolIds: readonly string[]): Promise<number>;

  startRun(at: Date): Promise<string>;
  /** Records that a running run is still alive (its heartbeat). */
  touchRun(id: string, at: Date): Promise<void>;
  /**
   * Marks as failed ("interrupted") the running runs whose last sign of life (heartbeat, or
   * start) is before `silentSince`, except `exceptIds`. Returns how many were marked.
   */
  failInterruptedRuns(
    now: Date,
    options: { silentSince: Date; exceptIds?: ReadonlySet<string> },
  ): Promise<number>;
  finishRun(
    id: string,
    outcome: {
      status: 'succeeded' | 'failed';
      factsScanned: number;
      factsChanged: number;
      /** Which facts the run's rollup covers (see `AllocationKeyStore#factsFingerprint`). */
      factsFingerprint: string | null;
      message: string;
      /** Whether the run changed what cost answers show: raises the cost data version. */
      costChanged: boolean;
    },
    at: Date,
  ): Promise<void>;
  latestRun(): Promise<AllocationRunRecord | undefined>;
  /**
   * The latest run, whether facts wait for allocation, and the cost data version answer
   * caches compare; reused briefly across concurrent requests.
   */
  allocationSnapshot(): Promise<{
    run: AllocationRunRecord | undefined;
    waiting: boolean;
    costDataVersion: string;
  }>;

  /** Months whose facts changed since the last run, and the records' bound. */
  changedMonths(): Promise<{ bound: string | null; months: FactMonth[] }>;
  /** Forgets the changed months recorded up to `bound`: a run brought them up to date. */
  clearChangedMonths(bound: string | null): Promise<void>;
  /** Whether facts wait for allocation outside `months` (only a full rebuild takes them in). */
  hasUnallocatedFactsOutside(months: readonly FactMonth[]): Promise<boolean>;
  /** Whether any fact has not been allocated yet (ingested since the last run). */
  hasUnallocatedFacts(): Promise<boolean>;

  /** An entity's rollup cost per day and currency in `[from, to)`, from the daily rollup. */
  entityDailyCost(options: RollupPeriodQuery): Promise<EntityDailyCostRow[]>;
  /**
   * Direct cost of an entity's rollup in `[from, to)` per currency, service, charge category
   * and resource; on SQLite a group may come back once per part: callers add them up.
   */
  directCostDetail(
    options: RollupPeriodQuery,
  ): Promise<
    Grouped<
      | 'currency'
      | 'serviceName'
      | 'serviceCategory'
      | 'chargeCategory'
      | 'resourceId'
      | 'resourceName'
    >[]
  >;
  /**
   * `entityDailyCost` and `directCostDetail` of one period together, as one statement on
   * PostgreSQL (a cost answer's two reads: one round trip instead of two).
   */
  entityCostReads(options: RollupPeriodQuery): Promise<EntityCostReads>;
  /** Direct cost of an entity's rollup in `[from, to)`, per day, currency, service and charge category. */
  directCostRows(
    options: RollupPeriodQuery,
  ): Promise<
    Grouped<
      'day' | 'currency' | 'serviceName' | 'serviceCategory' | 'chargeCategory'
    >[]
  >;
  /** Shared cost of an entity's rollup in `[from, to)`, per day and currency. */
  sharedCostRows(
    options: RollupPeriodQuery,
  ): Promise<Grouped<'day' | 'currency'>[]>;
  /**
   * Cost in `[from, to)` per billing account, currency, day, pool and whether it is
   * directly allocated; with the (pool, day, currency) keys whose pool has been split.
   */
  coverageRows(options: {
    from: string;
    to: string;
    basis: CostBasis;
  }): Promise<{
    rows: Grouped<
      'day' | 'currency' | 'direct' | 'billingAccountId' | 'sharedPoolId'
    >[];
    splitPools: Set<string>;
  }>;
}
