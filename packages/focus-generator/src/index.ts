/**
 * Deterministic generator of realistic FOCUS 1.2 cost exports: the finops-itam demo
 * organisation's monthly files, and single large files for ingestion benchmarks.
 *
 * @packageDocumentation
 */

export { generateDemoExports, DEMO_PROVIDERS } from './demo';
export type {
  DemoExportOptions,
  DemoExportResult,
  GeneratedFile,
} from './demo';
export { writeDemoMetrics } from './demoMetrics';
export type { DemoBudget, GeneratedBudgetFile } from './demoBudgets';
export type { DemoMetricsOptions, GeneratedMetricFile } from './demoMetrics';
export { generateBenchExport } from './bench';
export type { BenchExportOptions, BenchExportResult } from './bench';
export { convertCsvToParquet } from './parquet';
export type { CostTotal } from './totals';
export { FOCUS_COLUMNS, FOCUS_MANDATORY_COLUMNS } from './focusColumns';
export type { FocusColumn } from './focusColumns';
export { createRng } from './prng';
export type { Rng } from './prng';
export { runCli } from './cli';
