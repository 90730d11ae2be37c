import { LoggerService } from '@backstage/backend-plugin-api';
import { MetricRejection } from '@finops-itam/plugin-finops-itam-common';
import { readFile, stat } from 'node:fs/promises';
import { KeyedLock } from '../sources/KeyedLock';
import { redactLocation } from '../sources/locations';
import { SourceFileFetcher } from '../sources/SourceFileFetcher';
import { MetricStore } from './MetricStore';
import { MetricSourceConfig } from './metricSourcesConfig';
import { parseMetricCsv } from './parseMetricCsv';

/** Metric files are a row per entity and day; anything this large is a wrong location. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Rejections written to the log per file; the count says how many there were. */
const LOGGED_REJECTIONS = 20;

/** What became of one file of a metric source run. */
export interface MetricFileOutcome {
  key: string;
  status: 'stored' | 'rejected' | 'unchanged';
  accepted: number;
  rejections: MetricRejection[];
}

/** The outcome of one run of a metric source. */
export interface MetricSourceRunResult {
  sourceId: string;
  metric: string;
  /** `failed`: the location could not be read; `rejected`: at least one file was refused. */
  status: 'succeeded' | 'rejected' | 'failed' | 'skipped';
  message: string;
  files: MetricFileOutcome[];
}

export interface MetricSourceRunnerOptions {
  sources: MetricSourceConfig[];
  fetcher: Pick<SourceFileFetcher, 'fetch'>;
  store: Pick<MetricStore, 'replaceValues'>;
  logger: LoggerService;
  now?: () => Date;
}

/**
 * Reads the CSV files of metric sources. Each file is all or nothing: one bad row rejects
 * the file, every reason is logged, and its values are not stored; good files of the same
 * source are stored. A file with the fingerprint of its last run is skipped, rejected ones
 * included, so a bad file is reported once per change rather than every hour. Fingerprints
 * are kept in memory: after a restart every file is read once more, which is harmless since
 * storing replaces the same entity-days with the same values.
 */
export class MetricSourceRunner {
  private readonly sources: Map<string, MetricSourceConfig>;
  private readonly seen = new Map<string, Record<string, string>>();
  private readonly lock = new KeyedLock();
  private readonly now: () => Date;

  constructor(private readonly options: MetricSourceRunnerOptions) {
    this.sources = new Map(options.sources.map(s => [s.id, s]));
    this.now = options.now ?? (() => new Date());
  }

  /** Runs one source now, after any run of the same source still in progress here. */
  async run(sourceId: string): Promise<MetricSourceRunResult> {
    const source = this.sources.get(sourceId);
    if (!source) {
      throw new Error(
        `No metric source "${sourceId}" in finopsItam.metricSources`,
      );
    }
    return this.lock.run(sourceId, () => this.runSource(source));
  }

  private async runSource(
    source: MetricSourceConfig,
  ): Promise<MetricSourceRunResult> {
    const { fetcher, logger } = this.options;
    const previous = this.seen.get(source.id) ?? {};
    const base = { sourceId: source.id, metric: source.metric };
    let fetched;
    try {
      fetched = await fetcher.fetch(source.location, previous);
    } catch (error) {
      const message = `could not read ${redactLocation(source.location)}: ${
        error instanceof Error ? error.message : error
      }`;
      logger.warn(`Metric source ${source.id} failed: ${message}`);
      return { ...base, status: 'failed', message, files: [] };
    }
    try {
      const changed = fetched.files.filter(
        file => previous[file.key] !== file.fingerprint,
      );
      if (changed.length === 0) {
        return {
          ...base,
          status: 'skipped',
          message: 'unchanged since the last run (same etag or content hash)',
          files: fetched.files.map(f => ({
            key: f.key,
            status: 'unchanged',
            accepted: 0,
            rejections: [],
          })),
        };
      }
      const local = await fetched.localFiles();
      const fingerprints: Record<string, string> = {};
      const files: MetricFileOutcome[] = [];
      for (const file of local) {
        if (previous[file.key] === file.fingerprint) {
          fingerprints[file.key] = file.fingerprint;
          files.push({
            key: file.key,
            status: 'unchanged',
            accepted: 0,
            rejections: [],
          });
          continue;
        }
        const outcome = await this.readFile(source, file.key, file.path);
        fingerprints[file.key] = file.fingerprint;
        files.push(outcome);
      }
      // Only files still at the location count: one that comes back is read again.
      this.seen.set(source.id, fingerprints);
      const stored = files.filter(f => f.status === 'stored');
      const rejected = files.filter(f => f.status === 'rejected');
      const accepted = stored.reduce((sum, f) => sum + f.accepted, 0);
      const rejectedNote =
        rejected.length > 0
          ? `; rejected ${rejected.map(f => f.key).join(', ')}`
          : '';
      const message = `stored ${accepted} value(s) of ${source.metric} from ${stored.length} file(s)${rejectedNote}`;
      return {
        ...base,
        status: rejected.length > 0 ? 'rejected' : 'succeeded',
        message,
        files,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(`Metric source ${source.id} failed: ${message}`);
      return { ...base, status: 'failed', message, files: [] };
    } finally {
      await fetched.release();
    }
  }

  private async readFile(
    source: MetricSourceConfig,
    key: string,
    path: string,
  ): Promise<MetricFileOutcome> {
    const { logger, store } = this.options;
    const { size } = await stat(path);
    const { rows, rejections } =
      size > MAX_FILE_BYTES
        ? {
            rows: [],
            rejections: [
              {
                row: 1,
                field: 'file',
                reason: `${size} bytes, more than the ${MAX_FILE_BYTES} a metric file may have`,
              },
            ],
          }
        : parseMetricCsv(await readFile(path, 'utf8'));
    if (rejections.length > 0) {
      const shown = rejections
        .slice(0, LOGGED_REJECTIONS)
        .map(r => `line ${r.row} ${r.field}: ${r.reason}`)
        .join('; ');
      const more =
        rejections.length > LOGGED_REJECTIONS
          ? ` (and ${rejections.length - LOGGED_REJECTIONS} more)`
          : '';
      logger.warn(
        `Metric source ${source.id} rejected ${key} whole, nothing of it was stored: ` +
          `${rejections.length} bad row(s): ${shown}${more}`,
      );
      return { key, status: 'rejected', accepted: 0, rejections };
    }
    const accepted = await store.replaceValues(
      source.metric,
      rows,
      `source:${source.id}`,
      this.now(),
    );
    return { key, status: 'stored', accepted, rejections: [] };
  }
}
