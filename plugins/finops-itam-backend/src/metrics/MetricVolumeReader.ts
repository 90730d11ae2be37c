/**
 * Reads the volume of a business metric per entity, e.g. to split a shared pool by the
 * orders each service took.
 */
export interface MetricVolumeReader {
  /**
   * The summed values of `metric` over the half-open period `[from, to)` (days as
   * `YYYY-MM-DD`) per entity ref, as exact decimal strings. Refs are matched
   * case-insensitively and returned as passed in; refs without any value reported in the
   * period are absent from the map (a reported 0 is present as "0").
   */
  volumes(
    metric: string,
    entityRefs: string[],
    from: string,
    to: string,
  ): Promise<Map<string, string>>;
}

/** One entity's metric value on one day. */
export interface DailyMetricVolume {
  entityRef: string;
  day: string;
  value: string;
}

/** Entity refs are stored lowercase, like the rollup tables, so lookups ignore case. */
export const normalizeStoredRef = (ref: string) =>
  ref.toLocaleLowerCase('en-US');
