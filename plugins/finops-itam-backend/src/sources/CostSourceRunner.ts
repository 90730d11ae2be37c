import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { IngestionReport } from '@finops-itam/plugin-finops-itam-common';
import {
  CostSourceState,
  DatabaseCostStore,
} from '../database/DatabaseCostStore';
import { IngestionService } from '../ingestion/IngestionService';
import { CostSourceConfig } from './config';
import { LocationNotFoundError } from './errors';
import { KeyedLock } from './KeyedLock';
import { redactLocation } from './locations';
import {
  SourceFile,
  SourceFileFetcher,
  SourceFiles,
} from './SourceFileFetcher';
import { CostSourceRunResult } from './types';

export const UNCHANGED_MESSAGE =
  'unchanged since the last run (same etag or content hash)';

export interface CostSourceRunnerOptions {
  sources: CostSourceConfig[];
  fetcher: Pick<SourceFileFetcher, 'fetch'>;
  ingestion: Pick<IngestionService, 'ingest'>;
  store: Pick<DatabaseCostStore, 'getSourceState' | 'saveSourceState'>;
  logger: LoggerService;
  now?: () => Date;
}

/** Same file set, every file with the fingerprint of the last successful run. */
function isUnchanged(previous: Record<string, string>, files: SourceFile[]) {
  return (
    files.length === Object.keys(previous).length &&
    files.every(file => previous[file.key] === file.fingerprint)
  );
}

const emptyState = (id: string): CostSourceState => ({
  id,
  fileFingerprints: {},
  columns: null,
  lastIngestionId: null,
  lastRunAt: null,
  lastStatus: null,
  lastMessage: null,
  schemaDrift: null,
});

/**
 * Runs configured cost sources: fetches their files, skips a delivery seen before, and
 * otherwise ingests all the files of the source as one delivery. Every outcome, failures
 * included, is recorded on the source, so `GET /sources` tells what happened.
 */
export class CostSourceRunner {
  private readonly sources: Map<string, CostSourceConfig>;
  private readonly lock = new KeyedLock();
  private readonly now: () => Date;

  constructor(private readonly options: CostSourceRunnerOptions) {
    this.sources = new Map(options.sources.map(s => [s.id, s]));
    this.now = options.now ?? (() => new Date());
  }

  list(): CostSourceConfig[] {
    return [...this.sources.values()];
  }

  /** The configured source, or a 404 that lists the ids there are. */
  get(sourceId: string): CostSourceConfig {
    const source = this.sources.get(sourceId);
    if (!source) {
      const known = [...this.sources.keys()];
      const hint =
        known.length > 0
          ? `configured sources: ${known.join(', ')}`
          : 'none are configured in finopsItam.costSources';
      throw new NotFoundError(`No cost source "${sourceId}"; ${hint}`);
    }
    return source;
  }

  /** Runs one source now, after any run of the same source still in progress here. */
  async run(sourceId: string): Promise<CostSourceRunResult> {
    const source = this.get(sourceId);
    return this.lock.run(sourceId, () => this.runSource(source));
  }

  private async runSource(
    source: CostSourceConfig,
  ): Promise<CostSourceRunResult> {
    const at = this.now().toISOString();
    const state =
      (await this.options.store.getSourceState(source.id)) ??
      emptyState(source.id);

    let fetched: SourceFiles;
    try {
      fetched = await this.options.fetcher.fetch(
        source.location,
        state.fileFingerprints,
      );
    } catch (error) {
      return this.recordFetchFailure(source, state, at, error);
    }
    try {
      if (isUnchanged(state.fileFingerprints, fetched.files)) {
        return await this.recordSkip(source, state, at);
      }
      let files;
      try {
        files = await fetched.localFiles();
      } catch (error) {
        return await this.recordFetchFailure(source, state, at, error);
      }
      const report = await this.options.ingestion.ingest({
        sourceId: source.id,
        files: files.map(({ path, key }) => ({ path, key })),
      });
      await this.recordIngestion(source.id, state, report, files);
      return {
        sourceId: source.id,
        status: report.status as CostSourceRunResult['status'],
        message: report.message,
        at,
        report,
      };
    } finally {
      await fetched.release();
    }
  }

  private async recordIngestion(
    sourceId: string,
    before: CostSourceState,
    report: IngestionReport,
    files: SourceFile[],
  ) {
    if (report.status === 'succeeded') {
      // The ingestion service saved the new columns and status; the fingerprints are ours
      // and only move on success, so a rejected or failed delivery is tried again next run.
      const after =
        (await this.options.store.getSourceState(sourceId)) ?? before;
      await this.options.store.saveSourceState({
        ...after,
        fileFingerprints: Object.fromEntries(
          files.map(f => [f.key, f.fingerprint]),
        ),
      });
      return;
    }
    await this.options.store.saveSourceState({
      ...before,
      lastIngestionId: report.id,
      lastRunAt: report.startedAt,
      lastStatus: report.status,
      lastMessage: report.message,
    });
  }

  private async recordSkip(
    source: CostSourceConfig,
    state: CostSourceState,
    at: string,
  ): Promise<CostSourceRunResult> {
    await this.options.store.saveSourceState({
      ...state,
      lastIngestionId: null,
      lastRunAt: at,
      lastStatus: 'skipped',
      lastMessage: UNCHANGED_MESSAGE,
    });
    this.options.logger.info(`Cost source ${source.id} ${UNCHANGED_MESSAGE}`);
    return {
      sourceId: source.id,
      status: 'skipped',
      message: UNCHANGED_MESSAGE,
      at,
      report: null,
    };
  }

  private async recordFetchFailure(
    source: CostSourceConfig,
    state: CostSourceState,
    at: string,
    error: unknown,
  ): Promise<CostSourceRunResult> {
    const reason = error instanceof Error ? error.message : String(error);
    const message =
      error instanceof LocationNotFoundError
        ? reason
        : `could not read location "${redactLocation(
            source.location,
          )}": ${reason}`;
    this.options.logger.warn(`Cost source ${source.id} failed: ${message}`);
    await this.options.store.saveSourceState({
      ...state,
      lastIngestionId: null,
      lastRunAt: at,
      lastStatus: 'failed',
      lastMessage: message,
    });
    return { sourceId: source.id, status: 'failed', message, at, report: null };
  }
}
