import { DbTimestamp } from '../database/tables';
import { LicensedFactRow } from './costDataLicenses';
import { CostDataLicenseSettings } from './licenseConfig';

/** One stored row of the licensed fact extract, with its owner read through its allocation key. */
export interface LicensedFactExtractRow {
  /** The compacted facts as JSON, without day, days, owner and allocation key. */
  facts: string;
  /** The days the facts were billed, comma-separated, sorted. */
  days: string;
  allocationKey: string | null;
  entityRef: string | null;
}

/** What one refresh of the extract writes, in one transaction. */
export interface LicensedFactExtractWrite {
  /** Drops every stored row first (a new format or settings); otherwise only the months below. */
  replaceAll: boolean;
  /** Months (`YYYY-MM`) read again, whose stored rows go. */
  staleMonths: string[];
  /** Rows of months before this one (`YYYY-MM`) left the window and go. */
  dropBefore: string | null;
  rows: Array<{
    month: string;
    allocationKey: string | null;
    facts: string;
    days: string;
  }>;
  /** The extract's state, as JSON text. */
  state: string;
}

/**
 * The cost facts the license position reads: licensed facts of a day range, their compact
 * per-month extract kept between reads, and what tells that cost data changed.
 */
export interface LicensedFactStore {
  /** The latest day of any stored cost fact, or null when there is none. */
  latestFactDay(): Promise<string | null>;

  /**
   * Cost facts of the days `from`–`to` (both included) that may carry licensed software:
   * tagged with the product tag, with a SKU matching a product pattern, or a dedicated
   * host. Distinct per day and resource; owners from each fact's allocation key.
   */
  licensedFacts(
    settings: Pick<CostDataLicenseSettings, 'productTag' | 'skuProducts'>,
    days: { from: string; to: string },
  ): Promise<LicensedFactRow[]>;

  /** The extract's state as stored (JSON text), or undefined before the first refresh. */
  readExtractState(): Promise<string | undefined>;

  /** The extract's rows of months from `fromMonth` on, in the order they were written. */
  readExtract(fromMonth: string): Promise<LicensedFactExtractRow[]>;

  writeExtract(write: LicensedFactExtractWrite): Promise<void>;

  /** How many ingestions ran and when the latest finished: new cost data changes these. */
  ingestionStamp(): Promise<{ count: number; finishedAt: DbTimestamp | null }>;

  /** The latest allocation run, or undefined before any. */
  latestAllocationRun(): Promise<
    { id: string; status: string; finishedAt: DbTimestamp | null } | undefined
  >;
}
