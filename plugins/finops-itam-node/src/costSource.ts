import {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/**
 * A source of FOCUS cost data that the finops-itam plugin reads on a schedule: the files
 * and URLs of `finopsItam.costSources`, or anything a backend module contributes, such as
 * a warehouse table or a billing API. The plugin runs every source the same way: one
 * scheduled task per source, unchanged deliveries skipped by their fingerprints, each
 * changed delivery ingested whole with an ingestion report, the outcome shown by
 * `GET /sources` and `POST /sources/:id/refresh`.
 *
 * @public
 */
export interface FinopsItamCostSource {
  /** Unique id, shown in source status and ingestion reports. Lowercase kebab-case. */
  readonly id: string;
  /** One line for people: where the data comes from. Shown as the source's location. */
  readonly description: string;
  /**
   * When to read the source. Left out: every hour, 30 minute timeout, first run 10 seconds
   * after start (the default of configured sources). The task always runs on one replica.
   */
  readonly schedule?: SchedulerServiceTaskScheduleDefinition;
  /**
   * What the source holds now. Cheap where it can be: list the deliveries with their
   * fingerprints and leave reading the content to {@link FinopsItamCostDelivery.read},
   * which the plugin calls only for deliveries that changed. An error thrown here is
   * recorded as the run's failure, with its message.
   */
  read(
    context: FinopsItamCostSourceReadContext,
  ): Promise<FinopsItamCostSourceContents>;
}

/**
 * What the plugin tells a source when it reads it.
 *
 * @public
 */
export interface FinopsItamCostSourceReadContext {
  /**
   * The fingerprint of every file as of its delivery's last successful ingestion, by key
   * (`<delivery id>/<file name>`, or the file name for a delivery with id `''`). A source
   * may hand them to its store as "if none match" to avoid sending unchanged files again.
   */
  readonly lastFingerprints: Readonly<Record<string, string>>;
  /** {@link FinopsItamCostSourceContents.sourceFingerprint} of the last complete run. */
  readonly lastSourceFingerprint?: string;
  readonly logger: LoggerService;
}

/**
 * The deliveries a source holds now.
 *
 * @public
 */
export interface FinopsItamCostSourceContents {
  /**
   * Each delivery replaces the billing periods its rows cover, so a delivery must hold a
   * period whole: a source with one delivery per billing period, or a single delivery
   * with id `''` for everything.
   */
  deliveries: FinopsItamCostDelivery[];
  /** Deliveries with nothing to ingest this run, and why; each is reported as failed. */
  problems?: Array<{ id: string; message: string }>;
  /**
   * Set when the source knows nothing changed since `lastSourceFingerprint` (an object
   * store answered "not modified"): the run is recorded as skipped without reading.
   */
  unchanged?: boolean;
  /** A fingerprint of the whole source, kept once every delivery of a run is ingested. */
  sourceFingerprint?: string;
  /** Frees what the read holds (temporary downloads); called after the run, also after a failure. */
  release?(): Promise<void>;
}

/**
 * All files of one billing period (or of the whole source), ingested together.
 *
 * @public
 */
export interface FinopsItamCostDelivery {
  /**
   * Names the delivery, the same for every version of it: a billing period such as
   * `2026-10` or its folder; `''` when the source is one delivery. Unique within a read.
   */
  id: string;
  /**
   * The files as they are now. The delivery is skipped when it has the same file names
   * with the same fingerprints as at its last successful ingestion.
   */
  files: FinopsItamCostFile[];
  /** Things the run should report with the delivery's outcome. */
  notes?: string[];
  /** The files' content; called only when the delivery changed. Errors fail the delivery. */
  read(): Promise<FinopsItamCostFileContent[]>;
}

/**
 * One file of a delivery, before its content is read.
 *
 * @public
 */
export interface FinopsItamCostFile {
  /** Stable within the delivery (`focus.csv`, `part-00001.parquet`); shown in reports. */
  name: string;
  /**
   * Changes whenever the content changes: a content hash, an object store's etag, a
   * table's version or last-modified time with its row count.
   */
  fingerprint: string;
}

/**
 * The content of one file of a delivery: FOCUS as CSV, gzipped CSV or Parquet (told apart
 * by their first bytes). Either a file on local disk or content the plugin writes to a
 * temporary file, streamed when it is an async iterable such as a Node.js `Readable`.
 *
 * @public
 */
export type FinopsItamCostFileContent = {
  /** The name of one of the delivery's files. */
  name: string;
  /** The fingerprint of what was read, when it differs from the one listed. */
  fingerprint?: string;
} & (
  | { path: string }
  | { content: string | Uint8Array | AsyncIterable<string | Uint8Array> }
);
