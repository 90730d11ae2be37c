import { IngestionReport } from '@finops-itam/plugin-finops-itam-common';

/**
 * The outcome of one run of a cost source, the answer of `POST /sources/:id/refresh`.
 *
 * - `succeeded` / `rejected` / `failed` with `report`: the files were ingested (or refused),
 *   and `report` is the ingestion report also kept for `GET /ingestions/:id`.
 * - `skipped` with `report: null`: every file has the etag or content hash of the last
 *   successful run, so nothing was read.
 * - `failed` with `report: null`: the files could not be fetched (missing location,
 *   unreadable URL); `message` says why.
 *
 * A location with an export layout (AWS Data Exports, Azure cost exports) holds one
 * delivery per billing period; then `deliveries` says what happened to each, `status` is
 * the worst of them (failed, rejected, succeeded, skipped), `message` joins theirs, and
 * `report` is the last ingestion's.
 */
export interface CostSourceRunResult {
  sourceId: string;
  status: 'succeeded' | 'rejected' | 'failed' | 'skipped';
  message: string;
  /** When the run started (ISO 8601). */
  at: string;
  report: IngestionReport | null;
  /** Per billing period, for locations with an export layout only. */
  deliveries?: CostSourceDeliveryResult[];
}

/** What one run did with one billing period's delivery. */
export interface CostSourceDeliveryResult {
  /** The period's folder below the location, like `acme-focus/BILLING_PERIOD=2026-10`. */
  id: string;
  /** `failed` also when the delivery is incomplete (its manifest lists a missing file). */
  status: 'succeeded' | 'rejected' | 'failed' | 'skipped';
  message: string;
  ingestionId: string | null;
}
