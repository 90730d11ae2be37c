import { KpiRow } from './KpiRow';

/** A half-open period of days, `[from, to)`, as `YYYY-MM-DD`. */
export interface KpiPeriod {
  from: string;
  to: string;
}

/**
 * Maps the entity refs the allocation chose to the owner the KPI rows name (for `GET /kpis`,
 * the entity's owning group). Refs missing from the answer keep themselves.
 */
export type OwnerMapping = (
  entityRefs: string[],
) => Promise<Map<string, string>>;

/** What a rollup rebuild did. */
export interface KpiRollupBuild {
  /** The cost data version the rollup now answers for. */
  dataVersion: string;
  /** Rollup rows written (day and month rows). */
  rows: number;
}

/**
 * The sums behind the FinOps KPIs, read from the cost facts and their allocation. Rows are
 * {@link KpiRow}s summed per every column the formulas read (never per resource or day), with
 * exact decimal amounts; an amount is null only when every fact summed into the row left it
 * unknown, and rows with unknown and known amounts are never summed together.
 *
 * `ownerRef` is the allocated entity, `shared-pool:<id>` for cost a shared pool took (it is
 * allocated, to the pool's targets), or null when unallocated.
 */
export interface KpiStore {
  /**
   * The KPI rows of a period from the rollup, with `ownerRef` the owning group of the
   * allocated entity (or the entity when it has none); null when the rollup was not built
   * from the current cost data, so the caller can sum the facts instead.
   */
  rollupRows(period: KpiPeriod): Promise<KpiRow[] | null>;

  /** The same rows as {@link rollupRows}, summed from the facts, owners mapped by `owners`. */
  factRows(period: KpiPeriod, owners: OwnerMapping): Promise<KpiRow[]>;

  /** The rows of facts with a CommitmentDiscountId in a period, per allocated entity. */
  commitmentRows(period: KpiPeriod): Promise<KpiRow[]>;

  /** Whether the rollup answers for the current cost data. */
  rollupIsCurrent(): Promise<boolean>;

  /** Builds the rollup again from every fact, owners mapped by `owners`. */
  rebuildRollup(owners: OwnerMapping): Promise<KpiRollupBuild>;
}
