import { MetricRow } from './metricValidation';
import { DailyMetricVolume, MetricVolumeReader } from './MetricVolumeReader';

/** Daily business metric values per entity: written by the API and metric sources, read by allocation and unit cost. */
export interface MetricStore extends MetricVolumeReader {
  /**
   * Replaces the values of `metric` for exactly the entity-days in `rows`, in one
   * transaction; other entity-days of the metric are left alone. Returns how many were written.
   *
   * @param source - who wrote the values, kept per row for tracing odd numbers back.
   */
  replaceValues(
    metric: string,
    rows: readonly MetricRow[],
    source: string,
    at: Date,
  ): Promise<number>;

  /** Every value of `metric` for one entity in `[from, to)`, by day, for unit-cost series. */
  dailyVolumes(
    metric: string,
    entityRef: string,
    from: string,
    to: string,
  ): Promise<DailyMetricVolume[]>;
}
