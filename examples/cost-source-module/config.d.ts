export interface Config {
  /** The warehouse table the example cost source reads FOCUS rows from. */
  warehouseCostSource?: {
    /** Knex client of the warehouse, such as `pg`. */
    client: string;
    /**
     * Knex connection: a connection string or an object.
     * @visibility secret
     */
    connection: string | { [key: string]: unknown };
    /** Table or view whose columns are named like FOCUS columns, e.g. `finops.focus_daily`. */
    table: string;
    /**
     * A column that moves forward whenever rows are loaded (a load timestamp or batch id).
     * Without it, a period counts as changed only when its row count or billed cost does.
     */
    versionColumn?: string;
  };
}
