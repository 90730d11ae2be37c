/**
 * Backend module for finops-itam: a cost source that reads pre-aggregated daily FOCUS facts
 * from a DuckDB warehouse (a database file, or Parquet and CSV files).
 *
 * @packageDocumentation
 */
export { finopsItamModuleDuckdbWarehouse as default } from './module';
export { DuckDbWarehouseCostSource } from './DuckDbWarehouseCostSource';
export type { DuckDbWarehouseCostSourceOptions } from './DuckDbWarehouseCostSource';
export type { WarehouseLimits, WarehouseLocation } from './warehouse';
