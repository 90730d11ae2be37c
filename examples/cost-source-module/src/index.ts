/**
 * Example backend module: a finops-itam cost source that reads FOCUS rows from a SQL table.
 *
 * @packageDocumentation
 */
export { warehouseCostSourceModule as default } from './module';
export { WarehouseCostSource } from './WarehouseCostSource';
export type { WarehouseCostSourceOptions } from './WarehouseCostSource';
