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
 * A value stored as unknown on rows that were kept (an empty ContractedCost, a Tags cell that
 * is not a JSON object…): the column, how many rows, why, and the first rows (1-based).
 * @public
 */
export interface DataQualityWarning {
  column: string;
  count: number;
  reason: string;
  rows: number[];
  /** The file of `rows`, when a delivery has several. */
  file?: string;
}

/**
 * Reconciliation totals of one billing account, billing period and currency: what the file
 * says over all its rows (`billedCost`, `effectiveCost`), what the store holds after the
 * ingestion (`stored`) and what the rejected rows carried (`rejected`). `reconciled` is true
 * when the stored totals equal the file's accepted rows (file − rejected) exactly. Rejected
 * rows whose key cell is empty are totalled under `(empty)`.
 * @public
 */
export interface ReconciliationTotal {
  billingAccountId: string;
  billingPeriodStart: string;
  currency: string;
  billedCost: string;
  effectiveCost: string;
  stored: { billedCost: string; effectiveCost: string };
  rejected: {
    rows: number;
    billedCost: string;
    effectiveCost: string;
    /** Rejected rows whose cost cannot be read; their amounts are not in any total. */
    unreadableCostRows: number;
  };
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
  /** Values stored as unknown, per column (absent on reports written before they existed). */
  warnings?: DataQualityWarning[];
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
    /** `rejected` rows were skipped: they carried no cost (or no more than allowed). */
    rows: { read: number; accepted: number; rejected: number } | null;
    /** Values the run stored as unknown; empty when it stored nothing. */
    warnings: DataQualityWarning[];
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
    warnings: DataQualityWarning[];
  } | null;
  dataThrough: string | null;
  schemaDrift: SchemaDrift | null;
}
