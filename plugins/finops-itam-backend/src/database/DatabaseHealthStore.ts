import { Knex } from 'knex';
import { DatabaseKind, databaseKindOf } from './databaseKind';
import { HealthStore } from './HealthStore';

/** HealthStore over the plugin's database. */
export class DatabaseHealthStore implements HealthStore {
  constructor(private readonly db: Knex) {}

  async ping(): Promise<void> {
    await this.db.raw('select 1');
  }

  kind(): DatabaseKind {
    return databaseKindOf(this.db);
  }
}
