import { Knex } from 'knex';
import { databaseKindOf } from '../database/databaseKind';
import { METRIC_VALUES_TABLE } from '../database/tables';
import { Money, normalizeAmount } from '../money';
import { MetricRow } from './metricValidation';
import { MetricStore } from './MetricStore';
import { DailyMetricVolume, normalizeStoredRef } from './MetricVolumeReader';

/** Rows per INSERT: 6 columns each, well within both engines' parameter limits. */
const ROWS_PER_INSERT = 500;

/** Entity refs per `entity_ref IN (...)`: within both engines' parameter limits. */
const REFS_PER_QUERY = 500;

/**
 * MetricStore over the plugin database. Sums with SUM on PostgreSQL (numeric is exact) and
 * in JavaScript with exact decimals on SQLite, where values are text.
 */
export class DatabaseMetricStore implements MetricStore {
  private readonly isPostgres: boolean;

  constructor(private readonly db: Knex) {
    this.isPostgres = databaseKindOf(db) === 'postgres';
  }

  /**
   * Replaces the values of `metric` for exactly the entity-days in `rows`, in one
   * transaction: a failure part-way leaves the previous values in place. Other entity-days
   * of the metric are left alone, so senders can deliver one day at a time.
   *
   * @param source - who wrote the values, kept per row for tracing odd numbers back.
   */
  async replaceValues(
    metric: string,
    rows: readonly MetricRow[],
    source: string,
    at: Date,
  ): Promise<number> {
    await this.db.transaction(async trx => {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await trx(METRIC_VALUES_TABLE)
          .insert(
            rows.slice(i, i + ROWS_PER_INSERT).map(row => ({
              metric,
              entity_ref: row.entityRef,
              day: row.day,
              value: row.value,
              source,
              updated_at: at,
            })),
          )
          .onConflict(['metric', 'entity_ref', 'day'])
          .merge(['value', 'source', 'updated_at']);
      }
    });
    return rows.length;
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
