import { LoggerService } from '@backstage/backend-plugin-api';
import {
  IngestionReport,
  ReconciliationTotal,
  SchemaDrift,
} from '@finops-itam/plugin-finops-itam-common';
import { randomUUID } from 'node:crypto';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { FileRejectedError } from './errors';
import { FocusFile, FocusFileReader, FocusReadResult } from './FocusFileReader';
import { normalizeAmount as normalize } from './money';
import { FileTotal } from './types';

/** One delivery to ingest: the files of one source that belong together. */
export interface IngestRequest {
  /** Configured source id, or the label of an upload. */
  sourceId: string;
  files: FocusFile[];
}

export interface IngestionServiceOptions {
  /** Share of rejected rows above which the whole delivery is rejected (0.01 = 1 %). */
  maxRejectedShare: number;
}

class ReconciliationError extends Error {}

function describeFiles(files: FocusFile[]) {
  return files.length === 1 ? files[0].key : `${files.length} files`;
}

function schemaDrift(previous: string[] | null, current: string[]): SchemaDrift | null {
  if (!previous) return null;
  return {
    added: current.filter(c => !previous.includes(c)),
    removed: previous.filter(c => !current.includes(c)),
  };
}

function reconcile(fileTotals: FileTotal[], stored: FileTotal[]): ReconciliationTotal[] {
  const key = (t: FileTotal) => `${t.billingAccountId}|${t.billingPeriodStart}|${t.currency}`;
  const storedByKey = new Map(stored.map(t => [key(t), t]));
  return fileTotals.map(total => {
    const match = storedByKey.get(key(total));
    const storedAmounts = {
      billedCost: match?.billedCost ?? '0',
      effectiveCost: match?.effectiveCost ?? '0',
    };
    return {
      ...total,
      billedCost: normalize(total.billedCost),
      effectiveCost: normalize(total.effectiveCost),
      stored: storedAmounts,
      reconciled:
        normalize(total.billedCost) === storedAmounts.billedCost &&
        normalize(total.effectiveCost) === storedAmounts.effectiveCost,
    };
  });
}

/**
 * Runs one ingestion end to end: read and validate with DuckDB, reject or store atomically,
 * reconcile what the file says with what was stored, and keep the report.
 */
export class IngestionService {
  constructor(
    private readonly store: DatabaseCostStore,
    private readonly reader: FocusFileReader,
    private readonly logger: LoggerService,
    private readonly options: IngestionServiceOptions,
  ) {}

  async ingest(request: IngestRequest): Promise<IngestionReport> {
    const started = Date.now();
    const report: IngestionReport = {
      id: randomUUID(),
      sourceId: request.sourceId,
      fileName: describeFiles(request.files),
      status: 'running',
      message: 'Ingestion is running',
      rows: { read: 0, accepted: 0, rejected: 0 },
      rejections: [],
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
      const read = await this.reader.read(request.files);
      report.timings.readMs = Date.now() - started;
      this.describeRead(report, read);
      this.rejectWhenTooManyBadRows(read);

      const state = await this.store.getSourceState(request.sourceId);
      report.schemaDrift = schemaDrift(state?.columns ?? null, read.columns);

      const storeStarted = Date.now();
      await this.store.replaceFacts(
        { sourceId: request.sourceId, ingestionId: report.id, facts: read.facts },
        storedTotals => {
          report.totals = reconcile(read.totals, storedTotals);
          if (report.totals.some(t => !t.reconciled)) {
            throw new ReconciliationError(
              'Stored totals differ from the file totals; the ingestion was rolled back',
            );
          }
        },
      );
      report.timings.storeMs = Date.now() - storeStarted;

      report.status = 'succeeded';
      const rejectedNote =
        read.rowsRejected > 0 ? `; ${read.rowsRejected} row(s) rejected, see rejections` : '';
      report.message = `Ingested ${read.rowsRead - read.rowsRejected} of ${read.rowsRead} rows into ${
        read.facts.length
      } daily facts for billing period(s) ${report.billingPeriods.join(', ')}${rejectedNote}`;
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
        report.message = `Ingestion failed: ${error instanceof Error ? error.message : String(error)}`;
        this.logger.error(`Ingestion ${report.id} of ${report.sourceId} failed`, error as Error);
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

  private describeRead(report: IngestionReport, read: FocusReadResult) {
    report.format = read.format;
    report.rows = {
      read: read.rowsRead,
      accepted: read.rowsRead - read.rowsRejected,
      rejected: read.rowsRejected,
    };
    report.rejections = read.rejections;
    report.dataThrough = read.dataThrough;
    report.billingPeriods = [...new Set(read.facts.map(f => f.billingPeriodStart))].sort();
  }

  private rejectWhenTooManyBadRows(read: FocusReadResult) {
    const share = read.rowsRejected / read.rowsRead;
    if (read.rowsRejected > 0 && share > this.options.maxRejectedShare) {
      const first = read.rejections[0];
      throw new FileRejectedError(
        `${read.rowsRejected} of ${read.rowsRead} rows (${(share * 100).toFixed(2)} %) were rejected, ` +
          `more than the ${this.options.maxRejectedShare * 100} % allowed; first: row ${first.row}, ` +
          `${first.column}: ${first.reason}`,
      );
    }
  }
}
