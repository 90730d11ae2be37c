import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  finopsItam?: {
    /**
     * A cost source over a DuckDB warehouse of FOCUS charges: each billing month is read as
     * daily facts (summed per UTC day and every column the plugin keeps) and ingested whole.
     * Left out, the module adds nothing. Give exactly one of `database` and `files`.
     */
    duckdbWarehouse?: {
      /** Source id in GET /sources and ingestion reports, lowercase kebab-case. Default `duckdb-warehouse`. */
      id?: string;
      /** A DuckDB database file, opened read-only. */
      database?: string;
      /** The table or view of `database` holding FOCUS charges (`focus` or `schema.focus`). Default `focus`. */
      table?: string;
      /**
       * Parquet or CSV files (paths or globs, one format) read as the table. CSV cells are
       * read as text, so amounts are parsed as exact decimals.
       */
      files?: string | string[];
      /** DuckDB's memory limit per run, e.g. `512MB` (the default); beyond it DuckDB spills to disk. */
      memoryLimit?: string;
      /** DuckDB threads per run. Default 2. */
      threads?: number;
      /** When to read the source. Default: every hour, 30 minute timeout. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
