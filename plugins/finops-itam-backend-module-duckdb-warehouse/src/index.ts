/**
 * Backend module for finops-itam: a cost source that reads pre-aggregated daily FOCUS facts
 * from a DuckDB warehouse.
 *
 * @packageDocumentation
 */
export {};
