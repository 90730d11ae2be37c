import { Knex } from 'knex';
import { METRIC_VALUES_TABLE } from '../database/tables';
import { MeteredEntityReader } from './MeteredEntityReader';

/** MeteredEntityReader over the plugin database's metric values. */
export class DatabaseMeteredEntityReader implements MeteredEntityReader {
  constructor(private readonly db: Knex) {}

  async meteredEntities(from: string, to: string): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.db(
      METRIC_VALUES_TABLE,
    )
      .where('day', '>=', from)
      .andWhere('day', '<', to)
      .distinct('entity_ref')
      .orderBy('entity_ref');
    return rows.map(row => row.entity_ref);
  }
}
