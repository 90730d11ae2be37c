/**
 * Shapes of the cost-ingestion API: ingestion reports and source status.
 * Amounts are decimal strings, always next to their currency.
 */

/** Outcome of one ingestion. @public */
export type IngestionStatus = 'running' | 'succeeded' | 'rejected' | 'failed';

/** File formats the ingestion engine reads. @public */
export type CostFileFormat = 'csv' | 'csv.gz' | 'parquet';

/** One rejected row: its 1-based data row number (header excluded), the column and why. @public */
export interface RowRejection {
  row: number;
  column: string;
  reason: string;
  /** The file, when a delivery has several. */
  file?: string;
}

/**
 * Reconciliation totals of one billing account, billing period and currency: what the file
 * says and what the store holds after the ingestion. The two must be equal.
 * @public
 */
export interface ReconciliationTotal {
  billingAccountId: string;
  billingPeriodStart: string;
  currency: string;
  billedCost: string;
  effectiveCost: string;
  stored: { billedCost: string; effectiveCost: string };
  reconciled: boolean;
}

/** Columns added or removed since the source's previous run. @public */
export interface SchemaDrift {
  added: string[];
  removed: string[];
}

/** The answer of an upload and of `GET /ingestions/:id`. @public */
export interface IngestionReport {
  id: string;
  sourceId: string;
  fileName: string;
  status: IngestionStatus;
  message: string;
  format?: CostFileFormat;
  rows: { read: number; accepted: number; rejected: number };
  /** The first 100 rejected rows. */
  rejections: RowRejection[];
  totals: ReconciliationTotal[];
  /** Null on a source's first run. */
  schemaDrift: SchemaDrift | null;
  /** Billing periods (their start dates) this ingestion replaced or corrected. */
  billingPeriods: string[];
  /** Last charge day in the file (YYYY-MM-DD). */
  dataThrough: string | null;
  timings: { readMs: number; storeMs: number; totalMs: number };
  startedAt: string;
  finishedAt: string | null;
}

/** Status of a configured cost source, for `GET /sources`. @public */
export interface CostSourceStatus {
  id: string;
  location: string;
  schedule: string;
  lastRun: {
    ingestionId: string | null;
    at: string;
    status: IngestionStatus | 'skipped' | 'failed';
    message: string;
    rows: { read: number; accepted: number; rejected: number } | null;
  } | null;
  /**
   * The latest ingestion of this source, also when the last run was skipped or could not
   * fetch the files (then `lastRun.ingestionId` and `lastRun.rows` are null).
   */
  lastIngestion: {
    id: string;
    status: IngestionStatus;
    at: string;
    rows: { read: number; accepted: number; rejected: number };
  } | null;
  dataThrough: string | null;
  schemaDrift: SchemaDrift | null;
}
