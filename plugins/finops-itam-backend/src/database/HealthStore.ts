import { DatabaseKind } from './databaseKind';

/** What the health check asks of the database. */
export interface HealthStore {
  /** Resolves when the database answers a trivial query; rejects when it does not. */
  ping(): Promise<void>;
  /** The engine the plugin runs on. */
  kind(): DatabaseKind;
}
