import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { IngestionReport } from '@finops-itam/plugin-finops-itam-common';
import {
  FinopsItamCostDelivery,
  FinopsItamCostSource,
  FinopsItamCostSourceContents,
} from '@finops-itam/plugin-finops-itam-node';
import os from 'node:os';
import { CostSourceState, CostStore } from '../database/CostStore';
import { IngestionService } from '../ingestion/IngestionService';
import { checkContents } from './checkContents';
import { fileKey, readDeliveryFiles } from './deliveryFiles';
import { KeyedLock } from './KeyedLock';
import { TREE_ETAG_KEY } from './SourceFileFetcher';
import { CostSourceDeliveryResult, CostSourceRunResult } from './types';

export const UNCHANGED_MESSAGE =
  'unchanged since the last run (same etag or content hash)';

export interface CostSourceRunnerOptions {
  /** Configured sources (FileCostSource) and those modules contribute, alike. */
  sources: FinopsItamCostSource[];
  ingestion: Pick<IngestionService, 'ingest'>;
  store: Pick<CostStore, 'getSourceState' | 'saveSourceState'>;
  logger: LoggerService;
  now?: () => Date;
  /** Where content that sources hand over is written while it is read; the OS temp directory by default. */
  tempDirectory?: string;
}

/** A file of a delivery by its key among the source's fingerprints. */
interface KeyedFile {
  key: string;
  fingerprint: string;
}

const keyedFiles = (delivery: FinopsItamCostDelivery): KeyedFile[] =>
  delivery.files.map(f => ({
    key: fileKey(delivery.id, f.name),
    fingerprint: f.fingerprint,
  }));

/** Same file set, every file with the fingerprint of the last successful run. */
function isUnchanged(previous: Record<string, string>, files: KeyedFile[]) {
  return (
    files.length === Object.keys(previous).length &&
    files.every(file => previous[file.key] === file.fingerprint)
  );
}

/** What happened to one delivery (one billing period, or the whole location) in a run. */
type DeliveryOutcome = CostSourceDeliveryResult & {
  report: IngestionReport | null;
  /** The files ingested, with the fingerprints they had when read. */
  files?: KeyedFile[];
};

/**
 * The fingerprints of one delivery: keys below its id; for the whole location (`''`),
 * every key but the tree etag.
 */
function ofDelivery(
  fingerprints: Record<string, string>,
  id: string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fingerprints).filter(([key]) =>
      id === '' ? key !== TREE_ETAG_KEY : key.startsWith(`${id}/`),
    ),
  );
}

function withoutDelivery(
  fingerprints: Record<string, string>,
  id: string,
): Record<string, string> {
  const dropped = ofDelivery(fingerprints, id);
  return Object.fromEntries(
    Object.entries(fingerprints).filter(([key]) => !(key in dropped)),
  );
}

/** Fingerprints of the deliveries the location still holds; vanished periods are dropped. */
function keptFingerprints(
  fingerprints: Record<string, string>,
  outcomes: DeliveryOutcome[],
): Record<string, string> {
  return Object.assign(
    {},
    ...outcomes.map(o => ofDelivery(fingerprints, o.id)),
  );
}

const isSettled = (status: DeliveryOutcome['status']) =>
  status === 'succeeded' || status === 'skipped';

/** A run is as bad as its worst delivery: failed, then rejected, then succeeded, then skipped. */
function worstStatus(
  outcomes: DeliveryOutcome[],
): CostSourceRunResult['status'] {
  const order: Array<CostSourceRunResult['status']> = [
    'failed',
    'rejected',
    'succeeded',
    'skipped',
  ];
  return (
    order.find(status => outcomes.some(o => o.status === status)) ?? 'skipped'
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
 * Runs cost sources, configured or contributed by modules: reads what each holds (all files
 * of a location, or one delivery per billing period), skips a delivery seen before, and
 * ingests each other one with all its files together. Every outcome, failures included, is
 * recorded on the source, so `GET /sources` tells what happened.
 */
export class CostSourceRunner {
  private readonly sources: Map<string, FinopsItamCostSource>;
  private readonly lock = new KeyedLock();
  private readonly now: () => Date;
  private readonly tempDirectory: string;

  constructor(private readonly options: CostSourceRunnerOptions) {
    this.sources = new Map(options.sources.map(s => [s.id, s]));
    this.now = options.now ?? (() => new Date());
    this.tempDirectory = options.tempDirectory ?? os.tmpdir();
  }

  list(): FinopsItamCostSource[] {
    return [...this.sources.values()];
  }

  /** The source, or a 404 that lists the ids there are. */
  get(sourceId: string): FinopsItamCostSource {
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
    source: FinopsItamCostSource,
  ): Promise<CostSourceRunResult> {
    const at = this.now().toISOString();
    const state =
      (await this.options.store.getSourceState(source.id)) ??
      emptyState(source.id);

    const { [TREE_ETAG_KEY]: lastSourceFingerprint, ...lastFingerprints } =
      state.fileFingerprints;
    let contents: FinopsItamCostSourceContents;
    try {
      contents = await source.read({
        lastFingerprints,
        lastSourceFingerprint: lastSourceFingerprint || undefined,
        logger: this.options.logger,
      });
    } catch (error) {
      return this.recordReadFailure(source, state, at, error);
    }
    try {
      checkContents(contents);
    } catch (error) {
      await contents.release?.();
      return this.recordReadFailure(source, state, at, error);
    }
    try {
      if (contents.unchanged) {
        return await this.recordSkip(source, state, at);
      }
      const outcomes: DeliveryOutcome[] = [];
      let fingerprints = { ...state.fileFingerprints };
      for (const delivery of contents.deliveries) {
        const outcome = await this.runDelivery(source, delivery, fingerprints);
        outcomes.push(outcome);
        if (outcome.status === 'succeeded') {
          fingerprints = {
            ...withoutDelivery(fingerprints, delivery.id),
            // From the files read: a URL the store called unchanged is downloaded again
            // with the delivery and may carry a new etag.
            ...Object.fromEntries(
              (outcome.files ?? keyedFiles(delivery)).map(f => [
                f.key,
                f.fingerprint,
              ]),
            ),
          };
          // Saved after each period, so a period ingested before a crash stays skipped.
          await this.saveFingerprints(source.id, state, fingerprints);
        }
      }
      for (const problem of contents.problems ?? []) {
        outcomes.push({
          id: problem.id,
          status: 'failed',
          message: problem.message,
          ingestionId: null,
          report: null,
        });
      }
      return await this.recordRun(source, state, at, outcomes, {
        ...keptFingerprints(fingerprints, outcomes),
        ...(contents.sourceFingerprint &&
        outcomes.every(o => isSettled(o.status))
          ? { [TREE_ETAG_KEY]: contents.sourceFingerprint }
          : {}),
      });
    } finally {
      await contents.release?.();
    }
  }

  /** Ingests one delivery unless every file has the fingerprint of the last success. */
  private async runDelivery(
    source: FinopsItamCostSource,
    delivery: FinopsItamCostDelivery,
    fingerprints: Record<string, string>,
  ): Promise<DeliveryOutcome> {
    const notes = delivery.notes ?? [];
    const noted = (message: string) =>
      notes.length > 0 ? `${message} (${notes.join('; ')})` : message;
    if (
      isUnchanged(ofDelivery(fingerprints, delivery.id), keyedFiles(delivery))
    ) {
      return {
        id: delivery.id,
        status: 'skipped',
        message: noted(UNCHANGED_MESSAGE),
        ingestionId: null,
        report: null,
      };
    }
    let read;
    try {
      read = await readDeliveryFiles(delivery, this.tempDirectory);
    } catch (error) {
      return {
        id: delivery.id,
        status: 'failed',
        message: error instanceof Error ? error.message : String(error),
        ingestionId: null,
        report: null,
      };
    }
    try {
      const report = await this.options.ingestion.ingest({
        sourceId: source.id,
        files: read.files.map(({ path, key }) => ({ path, key })),
      });
      return {
        id: delivery.id,
        status: report.status as DeliveryOutcome['status'],
        message: noted(report.message),
        ingestionId: report.id,
        report,
        files: read.files.map(({ key, fingerprint }) => ({ key, fingerprint })),
      };
    } finally {
      await read.release();
    }
  }

  private async saveFingerprints(
    sourceId: string,
    before: CostSourceState,
    fileFingerprints: Record<string, string>,
  ) {
    // The ingestion service saved the new columns and status; the fingerprints are ours.
    const after = (await this.options.store.getSourceState(sourceId)) ?? before;
    await this.options.store.saveSourceState({ ...after, fileFingerprints });
  }

  /**
   * Records the run on the source. Fingerprints only move for deliveries ingested
   * successfully, so a rejected, failed or incomplete period is tried again next run.
   */
  private async recordRun(
    source: FinopsItamCostSource,
    before: CostSourceState,
    at: string,
    outcomes: DeliveryOutcome[],
    fileFingerprints: Record<string, string>,
  ): Promise<CostSourceRunResult> {
    // A source that is one delivery (id '') reports it as the run; others per delivery.
    const whole = outcomes.length === 1 && outcomes[0].id === '';
    const status = worstStatus(outcomes);
    const message =
      whole ||
      (status === 'skipped' &&
        outcomes.every(o => o.message === UNCHANGED_MESSAGE))
        ? outcomes[0]?.message ?? UNCHANGED_MESSAGE
        : outcomes.map(o => `${o.id}: ${o.message}`).join('; ');
    const ingested = outcomes.filter(o => o.report);
    const report = ingested[ingested.length - 1]?.report ?? null;
    const after =
      (await this.options.store.getSourceState(source.id)) ?? before;
    await this.options.store.saveSourceState({
      ...after,
      fileFingerprints,
      lastIngestionId: report?.id ?? null,
      lastRunAt: report && whole ? report.startedAt : at,
      lastStatus: status,
      lastMessage: message,
    });
    const log = `Cost source ${source.id} ${status}: ${message}`;
    if (status === 'failed' || status === 'rejected') {
      this.options.logger.warn(log);
    } else {
      this.options.logger.info(log);
    }
    return {
      sourceId: source.id,
      status,
      message,
      at,
      report,
      ...(whole
        ? {}
        : {
            deliveries: outcomes.map(o => ({
              id: o.id,
              status: o.status,
              message: o.message,
              ingestionId: o.ingestionId,
            })),
          }),
    };
  }

  private async recordSkip(
    source: FinopsItamCostSource,
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

  /** The source could not say what it holds: its error message is the run's message. */
  private async recordReadFailure(
    source: FinopsItamCostSource,
    state: CostSourceState,
    at: string,
    error: unknown,
  ): Promise<CostSourceRunResult> {
    const message = error instanceof Error ? error.message : String(error);
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
