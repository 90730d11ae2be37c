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
 */
export interface CostSourceRunResult {
  sourceId: string;
  status: 'succeeded' | 'rejected' | 'failed' | 'skipped';
  message: string;
  /** When the run started (ISO 8601). */
  at: string;
  report: IngestionReport | null;
}
