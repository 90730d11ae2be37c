import {
  IngestionReport,
  SchemaDrift,
} from '@finops-itam/plugin-finops-itam-common';
import { RowBatches } from './rowBatches';

/** One day of one resource's charges of one kind, summed exactly. Amounts are decimal strings. */
export interface CostFact {
  fileKey: string;
  billingPeriodStart: string;
  day: string;
  billingAccountId: string;
  subAccountId: string | null;
  providerName: string | null;
  publisherName: string | null;
  /** FOCUS 1.3 HostProviderName: where the resource runs; "Not Applicable" for software. */
  hostProviderName: string | null;
  invoiceIssuerName: string | null;
  serviceName: string | null;
  serviceCategory: string | null;
  regionId: string | null;
  resourceId: string | null;
  resourceName: string | null;
  resourceType: string | null;
  chargeCategory: string;
  chargeClass: string | null;
  pricingCategory: string | null;
  commitmentDiscountId: string | null;
  commitmentDiscountStatus: string | null;
  skuId: string | null;
  skuPriceDetails: string | null;
  /** JSON object text as in the file; keys are trimmed when stored. */
  tags: string | null;
  currency: string;
  billedCost: string;
  effectiveCost: string;
  /** Null when a row of the fact left it empty or unreadable (stored as unknown). */
  listCost: string | null;
  contractedCost: string | null;
  consumedQuantity: string;
  rowCount: number;
}

/** BilledCost and EffectiveCost of one billing account, billing period and currency. */
export interface FileTotal {
  billingAccountId: string;
  billingPeriodStart: string;
  currency: string;
  billedCost: string;
  effectiveCost: string;
}

/** What a source delivered last: file fingerprints for skip checks, columns for drift. */
export interface CostSourceState {
  id: string;
  fileFingerprints: Record<string, string>;
  columns: string[] | null;
  lastIngestionId: string | null;
  lastRunAt: string | null;
  lastStatus: string | null;
  lastMessage: string | null;
  schemaDrift: SchemaDrift | null;
}

/** The facts of one delivery, to be swapped in for what the store held before. */
export interface FactReplacement {
  sourceId: string;
  ingestionId: string;
  /** All at once, or in batches as the reader produces them (read once, while storing). */
  facts: RowBatches<CostFact>;
}

/**
 * Daily cost facts, ingestion reports and cost source state: what ingestion writes and
 * the cost source runner and ingestion routes read. Amounts are exact decimal strings.
 */
export interface CostStore {
  /**
   * Replaces, in one transaction, every fact of the source in each billing period the
   * delivery holds, then reads back the stored totals; if `verify` throws, nothing changes.
   */
  replaceFacts(
    replacement: FactReplacement,
    verify: (storedTotals: FileTotal[]) => void,
  ): Promise<void>;
  /** Exact totals of everything stored for a source, per account, period and currency. */
  sourceTotals(sourceId: string): Promise<FileTotal[]>;
  countFacts(sourceId?: string): Promise<number>;
  /** Drops facts of days before `day` (YYYY-MM-DD); returns how many went. */
  deleteFactsBefore(day: string): Promise<number>;
  insertIngestion(report: IngestionReport): Promise<void>;
  updateIngestion(report: IngestionReport): Promise<void>;
  getIngestion(id: string): Promise<IngestionReport | undefined>;
  listIngestions(options: {
    sourceId?: string;
    limit: number;
  }): Promise<IngestionReport[]>;
  /** Records that a running ingestion is still alive (its heartbeat). */
  touchIngestion(id: string, at: Date): Promise<void>;
  /**
   * Marks as failed ("interrupted") the running ingestions whose last sign of life (heartbeat,
   * or start when they never beat) is before `silentSince`, except `exceptIds` (the caller's
   * own runs, alive whatever the database says). Returns how many were marked.
   */
  failInterruptedIngestions(
    now: Date,
    options: { silentSince: Date; exceptIds?: ReadonlySet<string> },
  ): Promise<number>;
  getSourceState(id: string): Promise<CostSourceState | undefined>;
  saveSourceState(state: CostSourceState): Promise<void>;
  /** Last charge day stored for a source, or null when it has no facts. */
  dataThrough(sourceId: string): Promise<string | null>;
}
