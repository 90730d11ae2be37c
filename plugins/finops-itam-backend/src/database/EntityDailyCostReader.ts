/** A half-open range of days, `YYYY-MM-DD`: `from` inclusive, `to` exclusive. */
export interface DailyCostDays {
  from: string;
  to: string;
}

/** One entity's daily amortized cost in one currency, days ascending; days without cost absent. */
export interface EntityDailyTotals {
  /** Lowercase entity ref. */
  entityRef: string;
  currency: string;
  days: Array<{ day: string; amount: string }>;
}

/** One day of an entity's direct cost split by service and by resource, in one currency. */
export interface EntityDayBreakdown {
  day: string;
  currency: string;
  /** Exact decimal strings per service name. */
  byService: Record<string, string>;
  /** Exact decimal strings per resource (its name, or its id when it has none). */
  byResource: Record<string, string>;
}

/**
 * Bulk reads of daily amortized cost for anomaly detection: every entity's daily total from
 * the rollup (`finops_itam_entity_daily_cost`, direct plus shared), read in batches of
 * entities, and the per-service and per-resource split of the few entity-days detection
 * needs drivers for, from the allocated facts. Amounts are exact decimal strings.
 */
export interface EntityDailyCostReader {
  /** The latest day with amortized cost in the rollup, or null before any allocation. */
  latestCostDay(): Promise<string | null>;

  /**
   * Lowercase refs of the entities of `kinds` (lowercase, like `component`) with amortized
   * cost on any of `days`, sorted.
   */
  entitiesWithCost(
    kinds: readonly string[],
    days: DailyCostDays,
  ): Promise<string[]>;

  /** Daily amortized cost (direct + shared) of `entityRefs` over `days`, per currency. */
  dailyTotals(
    entityRefs: readonly string[],
    days: DailyCostDays,
  ): Promise<EntityDailyTotals[]>;

  /**
   * The direct amortized cost of each of `entityRefs`' rollups per day, service and
   * resource over `days`, by entity (an entity without direct cost then is absent). Shared
   * cost has no service or resource, so it is not split here.
   */
  dailyBreakdowns(
    entityRefs: readonly string[],
    days: DailyCostDays,
  ): Promise<Map<string, EntityDayBreakdown[]>>;
}
