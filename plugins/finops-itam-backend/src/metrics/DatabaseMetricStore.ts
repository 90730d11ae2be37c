import { Knex } from 'knex';
import { METRIC_VALUES_TABLE } from './MetricVolumeReader';
import { MetricRow } from './metricValidation';

/** Rows per INSERT: 6 columns each, well within both engines' parameter limits. */
const ROWS_PER_INSERT = 500;

/** Writes business metric values. Reads go through DatabaseMetricVolumeReader. */
export class DatabaseMetricStore {
  constructor(private readonly db: Knex) {}

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
}
