import { Knex } from 'knex';
import { databaseKindOf } from '../database/databaseKind';
import { Money, normalizeAmount } from '../money';

/** The table of daily business metric values (migration 20261127170000_business_metrics). */
export const METRIC_VALUES_TABLE = 'finops_itam_metric_values';

/** Entity refs per `entity_ref IN (...)`: within both engines' parameter limits. */
const REFS_PER_QUERY = 500;

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

/**
 * MetricVolumeReader over the plugin database. Sums with SUM on PostgreSQL (numeric is
 * exact) and in JavaScript with exact decimals on SQLite, where values are text.
 */
export class DatabaseMetricVolumeReader implements MetricVolumeReader {
  private readonly isPostgres: boolean;

  constructor(private readonly db: Knex) {
    this.isPostgres = databaseKindOf(db) === 'postgres';
  }

  async volumes(
    metric: string,
    entityRefs: string[],
    from: string,
    to: string,
  ): Promise<Map<string, string>> {
    const asPassed = new Map<string, string[]>();
    for (const ref of entityRefs) {
      const stored = normalizeStoredRef(ref);
      asPassed.set(stored, [...(asPassed.get(stored) ?? []), ref]);
    }
    const sums = new Map<string, string>();
    for (let i = 0; i < asPassed.size; i += REFS_PER_QUERY) {
      const refs = [...asPassed.keys()].slice(i, i + REFS_PER_QUERY);
      const query = this.db(METRIC_VALUES_TABLE)
        .where('metric', metric)
        .whereIn('entity_ref', refs)
        .where('day', '>=', from)
        .where('day', '<', to);
      if (this.isPostgres) {
        const rows: Array<{ entity_ref: string; volume: string }> = await query
          .groupBy('entity_ref')
          .select('entity_ref', this.db.raw('SUM(value)::text AS volume'));
        for (const row of rows) {
          sums.set(row.entity_ref, normalizeAmount(row.volume));
        }
      } else {
        const rows: Array<{ entity_ref: string; value: string }> =
          await query.select('entity_ref', 'value');
        const totals = new Map<string, InstanceType<typeof Money>>();
        for (const row of rows) {
          totals.set(
            row.entity_ref,
            (totals.get(row.entity_ref) ?? new Money(0)).plus(row.value),
          );
        }
        for (const [ref, total] of totals) {
          sums.set(ref, total.toFixed());
        }
      }
    }
    const result = new Map<string, string>();
    for (const [stored, volume] of sums) {
      for (const ref of asPassed.get(stored) ?? []) {
        result.set(ref, volume);
      }
    }
    return result;
  }

  /** Every value of `metric` for one entity in `[from, to)`, by day, for unit-cost series. */
  async dailyVolumes(
    metric: string,
    entityRef: string,
    from: string,
    to: string,
  ): Promise<DailyMetricVolume[]> {
    const rows: Array<{
      entity_ref: string;
      day: string;
      value: string | number;
    }> = await this.db(METRIC_VALUES_TABLE)
      .where('metric', metric)
      .where('entity_ref', normalizeStoredRef(entityRef))
      .where('day', '>=', from)
      .where('day', '<', to)
      .orderBy('day')
      .select(
        'entity_ref',
        'day',
        this.isPostgres ? this.db.raw('value::text AS value') : 'value',
      );
    return rows.map(row => ({
      entityRef: row.entity_ref,
      day: row.day,
      value: normalizeAmount(row.value),
    }));
  }
}
