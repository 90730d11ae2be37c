import { LoggerService } from '@backstage/backend-plugin-api';
import {
  IngestionReport,
  ReconciliationTotal,
  SchemaDrift,
} from '@finops-itam/plugin-finops-itam-common';
import { randomUUID } from 'node:crypto';
import { CostStore } from '../database/CostStore';
import { FileRejectedError } from './errors';
import {
  FocusFile,
  FocusFileReader,
  FocusReadSummary,
} from './FocusFileReader';
import {
  INTERRUPTED_AFTER_SILENT_MS,
  startHeartbeat,
} from '../shared/heartbeat';
import { Money, normalizeAmount as normalize } from '../money';
import { FileTotal, RejectedTotal } from './types';

/** One delivery to ingest: the files of one source that belong together. */
export interface IngestRequest {
  /** Configured source id, or the label of an upload. */
  sourceId: string;
  files: FocusFile[];
}

/** How much cost rejected rows may carry before the delivery is rejected whole. */
export interface RejectedCostLimit {
  /** Decimal amount allowed in any currency not named in `byCurrency`. */
  default: string;
  /** Decimal amount allowed per ISO currency code. */
  byCurrency: Record<string, string>;
}

export interface IngestionServiceOptions {
  /** Share of rejected rows above which the whole delivery is rejected (0.01 = 1 %). */
  maxRejectedShare: number;
  /** Rejected rows may carry at most this much cost per currency; default 0. */
  maxRejectedCost?: RejectedCostLimit;
  /** How often a running ingestion records that it is alive; default 30 s. */
  heartbeatMs?: number;
}

const NO_REJECTED_COST: RejectedCostLimit = { default: '0', byCurrency: {} };

class ReconciliationError extends Error {}

/** The batches of `facts`, unchanged, telling `count` the size of each as it passes. */
async function* counted<T>(
  facts: AsyncIterable<T[]>,
  count: (n: number) => void,
): AsyncGenerator<T[]> {
  for await (const batch of facts) {
    count(batch.length);
    yield batch;
  }
}

function describeFiles(files: FocusFile[]) {
  return files.length === 1 ? files[0].key : `${files.length} files`;
}

function schemaDrift(
  previous: string[] | null,
  current: string[],
): SchemaDrift | null {
  if (!previous) return null;
  return {
    added: current.filter(c => !previous.includes(c)),
    removed: previous.filter(c => !current.includes(c)),
  };
}

const totalKey = (t: {
  billingAccountId: string;
  billingPeriodStart: string;
  currency: string;
}) => `${t.billingAccountId}|${t.billingPeriodStart}|${t.currency}`;

const plus = (a: string, b: string) => new Money(a).plus(b).toFixed();

/**
 * Per billing account, billing period and currency: the file over all its rows, what was
 * stored and what was rejected. Stored must equal the accepted rows exactly.
 */
function reconcile(
  accepted: FileTotal[],
  rejected: RejectedTotal[],
  stored: FileTotal[],
): ReconciliationTotal[] {
  const storedByKey = new Map(stored.map(t => [totalKey(t), t]));
  const acceptedByKey = new Map(accepted.map(t => [totalKey(t), t]));
  const rejectedByKey = new Map(rejected.map(t => [totalKey(t), t]));
  const keys = [
    ...new Set([...acceptedByKey.keys(), ...rejectedByKey.keys()]),
  ].sort();
  return keys.map(key => {
    const kept = acceptedByKey.get(key);
    const lost = rejectedByKey.get(key);
    const keyOf = (kept ?? lost)!;
    const keptBilled = normalize(kept?.billedCost ?? '0');
    const keptEffective = normalize(kept?.effectiveCost ?? '0');
    const storedAmounts = {
      billedCost: storedByKey.get(key)?.billedCost ?? '0',
      effectiveCost: storedByKey.get(key)?.effectiveCost ?? '0',
    };
    return {
      billingAccountId: keyOf.billingAccountId,
      billingPeriodStart: keyOf.billingPeriodStart,
      currency: keyOf.currency,
      billedCost: plus(keptBilled, lost?.billedCost ?? '0'),
      effectiveCost: plus(keptEffective, lost?.effectiveCost ?? '0'),
      stored: storedAmounts,
      rejected: {
        rows: lost?.rows ?? 0,
        billedCost: normalize(lost?.billedCost ?? '0'),
        effectiveCost: normalize(lost?.effectiveCost ?? '0'),
        unreadableCostRows: lost?.unreadableCostRows ?? 0,
      },
      reconciled:
        keptBilled === storedAmounts.billedCost &&
        keptEffective === storedAmounts.effectiveCost,
    };
  });
}

/**
 * Runs one ingestion end to end: read and validate with DuckDB, reject or store atomically,
 * reconcile what the file says with what was stored, and keep the report.
 */
export class IngestionService {
  constructor(
    private readonly store: CostStore,
    private readonly reader: FocusFileReader,
    private readonly logger: LoggerService,
    private readonly options: IngestionServiceOptions,
  ) {}

  /** Ids of the ingestions this process is running now. */
  private readonly inFlight = new Set<string>();

  /**
   * Marks the ingestions that stopped giving signs of life (a killed backend, here or on
   * another replica) as failed, never one this process is still running.
   */
  async failInterrupted(now = new Date()): Promise<number> {
    return this.store.failInterruptedIngestions(now, {
      silentSince: new Date(now.getTime() - INTERRUPTED_AFTER_SILENT_MS),
      exceptIds: this.inFlight,
    });
  }

  async ingest(request: IngestRequest): Promise<IngestionReport> {
    const id = randomUUID();
    this.inFlight.add(id);
    const stopHeartbeat = startHeartbeat(
      () => this.store.touchIngestion(id, new Date()),
      error =>
        this.logger.warn(
          `Ingestion ${id} could not record its heartbeat`,
          error,
        ),
      this.options.heartbeatMs,
    );
    try {
      return await this.run(id, request);
    } finally {
      stopHeartbeat();
      this.inFlight.delete(id);
    }
  }

  private async run(
    id: string,
    request: IngestRequest,
  ): Promise<IngestionReport> {
    const started = Date.now();
    const report: IngestionReport = {
      id,
      sourceId: request.sourceId,
      fileName: describeFiles(request.files),
      status: 'running',
      message: 'Ingestion is running',
      rows: { read: 0, accepted: 0, rejected: 0 },
      rejections: [],
      warnings: [],
      totals: [],
      schemaDrift: null,
      billingPeriods: [],
      dataThrough: null,
      timings: { readMs: 0, storeMs: 0, totalMs: 0 },
      startedAt: new Date(started).toISOString(),
      finishedAt: null,
    };
    await this.store.insertIngestion(report);

    try {
      // The facts go from DuckDB to the store batch by batch while the reader is open, so
      // memory does not grow with the delivery; readMs is the scan and checks, storeMs
      // includes fetching the facts from DuckDB.
      const { read, state, factCount } = await this.reader.stream(
        request.files,
        async reading => {
          report.timings.readMs = Date.now() - started;
          this.describeRead(report, reading);
          report.totals = reconcile(reading.totals, reading.rejectedTotals, []);
          this.rejectWhenRejectedRowsCarryCost(reading);
          this.rejectWhenTooManyBadRows(reading);

          const sourceState = await this.store.getSourceState(request.sourceId);
          report.schemaDrift = schemaDrift(
            sourceState?.columns ?? null,
            reading.columns,
          );

          const storeStarted = Date.now();
          let storedFacts = 0;
          await this.store.replaceFacts(
            {
              sourceId: request.sourceId,
              ingestionId: report.id,
              facts: counted(reading.facts, n => {
                storedFacts += n;
              }),
            },
            storedTotals => {
              report.totals = reconcile(
                reading.totals,
                reading.rejectedTotals,
                storedTotals,
              );
              if (report.totals.some(t => !t.reconciled)) {
                throw new ReconciliationError(
                  'Stored totals differ from the file totals; the ingestion was rolled back',
                );
              }
            },
          );
          report.timings.storeMs = Date.now() - storeStarted;
          return { read: reading, state: sourceState, factCount: storedFacts };
        },
      );

      report.status = 'succeeded';
      const rejectedNote =
        read.rowsRejected > 0
          ? `; ${read.rowsRejected} row(s) skipped, see rejections`
          : '';
      const warningNote =
        read.warnings.length > 0
          ? `; unknown values stored in ${read.warnings
              .map(w => `${w.column} (${w.count} row(s))`)
              .join(', ')}, see warnings`
          : '';
      report.message = `Ingested ${read.rowsRead - read.rowsRejected} of ${
        read.rowsRead
      } rows into ${factCount} daily facts for billing period(s) ${report.billingPeriods.join(
        ', ',
      )}${rejectedNote}${warningNote}`;
      await this.store.saveSourceState({
        ...(state ?? { id: request.sourceId, fileFingerprints: {} }),
        id: request.sourceId,
        fileFingerprints: state?.fileFingerprints ?? {},
        columns: read.columns,
        lastIngestionId: report.id,
        lastRunAt: report.startedAt,
        lastStatus: report.status,
        lastMessage: report.message,
        schemaDrift: report.schemaDrift,
      });
    } catch (error) {
      if (error instanceof FileRejectedError) {
        report.status = 'rejected';
        report.message = `${error.message}; nothing was stored`;
      } else {
        report.status = 'failed';
        report.message = `Ingestion failed: ${
          error instanceof Error ? error.message : String(error)
        }`;
        this.logger.error(
          `Ingestion ${report.id} of ${report.sourceId} failed`,
          error as Error,
        );
      }
    }

    report.finishedAt = new Date().toISOString();
    report.timings.totalMs = Date.now() - started;
    await this.store.updateIngestion(report);
    this.logger.info(
      `Ingestion ${report.id} of ${report.sourceId} (${report.fileName}) ${report.status}: ${report.message}`,
    );
    return report;
  }

  private describeRead(report: IngestionReport, read: FocusReadSummary) {
    report.format = read.format;
    report.rows = {
      read: read.rowsRead,
      accepted: read.rowsRead - read.rowsRejected,
      rejected: read.rowsRejected,
    };
    report.rejections = read.rejections;
    report.warnings = read.warnings;
    report.dataThrough = read.dataThrough;
    report.billingPeriods = read.billingPeriods;
  }

  /**
   * Rejected rows must not take money with them unseen: a delivery whose rejected rows carry
   * more cost than allowed in any currency (default 0), or a cost that cannot be read, is
   * rejected whole.
   */
  private rejectWhenRejectedRowsCarryCost(read: FocusReadSummary) {
    if (read.rowsRejected === 0) return;
    const first = read.rejections[0];
    const firstRow = first
      ? `first: row ${first.row}${first.file ? ` of ${first.file}` : ''}, ${
          first.column
        }: ${first.reason}`
      : '';
    const unreadable = read.rejectedTotals.reduce(
      (n, t) => n + t.unreadableCostRows,
      0,
    );
    if (unreadable > 0) {
      throw new FileRejectedError(
        `${unreadable} rejected row(s) have a cost that cannot be read, so the money they carry is unknown; ${firstRow}`,
      );
    }
    const limit = this.options.maxRejectedCost ?? NO_REJECTED_COST;
    const atStake = new Map<string, { billed: string; effective: string }>();
    for (const total of read.rejectedTotals) {
      const seen = atStake.get(total.currency) ?? {
        billed: '0',
        effective: '0',
      };
      atStake.set(total.currency, {
        billed: plus(seen.billed, total.billedCostAbsolute),
        effective: plus(seen.effective, total.effectiveCostAbsolute),
      });
    }
    const overLimit = [...atStake.entries()].filter(
      ([currency, { billed, effective }]) => {
        const allowed = limit.byCurrency[currency] ?? limit.default;
        return (
          new Money(billed).gt(allowed) || new Money(effective).gt(allowed)
        );
      },
    );
    if (overLimit.length > 0) {
      const amounts = overLimit
        .map(
          ([currency, { billed, effective }]) =>
            `${billed} ${currency} (BilledCost), ${effective} ${currency} (EffectiveCost)`,
        )
        .join(', ');
      throw new FileRejectedError(
        `The rejected rows carry cost that would be lost: ${amounts}; ${firstRow}; ` +
          `finopsItam.ingestion.maxRejectedCost allows ${limit.default} per currency` +
          `${
            Object.keys(limit.byCurrency).length
              ? ` (${Object.entries(limit.byCurrency)
                  .map(([c, a]) => `${a} ${c}`)
                  .join(', ')})`
              : ''
          }`,
      );
    }
  }

  private rejectWhenTooManyBadRows(read: FocusReadSummary) {
    const share = read.rowsRejected / read.rowsRead;
    if (read.rowsRejected > 0 && share > this.options.maxRejectedShare) {
      const first = read.rejections[0];
      throw new FileRejectedError(
        `${read.rowsRejected} of ${read.rowsRead} rows (${(share * 100).toFixed(
          2,
        )} %) were rejected, ` +
          `more than the ${
            this.options.maxRejectedShare * 100
          } % allowed; first: row ${first.row}, ` +
          `${first.column}: ${first.reason}`,
      );
    }
  }
}
