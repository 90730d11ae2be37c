import { LoggerService } from '@backstage/backend-plugin-api';
import { readFile } from 'node:fs/promises';
import { SourceFileFetcher } from '../sources/SourceFileFetcher';
import { redactLocation } from '../sources/locations';
import {
  BudgetFileError,
  BudgetFileRecords,
  readBudgetFile,
} from './budgetFiles';
import { BudgetSourceConfig } from './budgetConfig';
import { FiscalCalendar } from './budgetPeriods';
import { BudgetOwnedElsewhereError, BudgetStore } from './BudgetStore';
import { BudgetBatchResult, validateBudgets } from './validateBudgets';

/** The outcome of one run of a budget source, as logged. */
export interface BudgetSourceRunResult {
  sourceId: string;
  status: 'stored' | 'skipped' | 'rejected' | 'failed';
  message: string;
}

/** A file is refused above this size: budgets are a few hundred rows at most. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Problems named in the log line of a rejected file. */
const LOGGED_PROBLEMS = 20;

export interface BudgetSourceRunnerOptions {
  fetcher: Pick<SourceFileFetcher, 'fetch'>;
  store: Pick<BudgetStore, 'list' | 'replaceSource'>;
  calendar: FiscalCalendar;
  knownEntityRefs(refs: readonly string[]): Promise<Set<string>>;
  logger: LoggerService;
  now?: () => Date;
}

/**
 * Reads a budget source and replaces its budgets. All or nothing: every file of the location
 * must read and validate (shape, catalog entities, overlaps with the other sources' budgets),
 * or nothing changes and the log names each bad row or record and field. A location whose
 * files did not change since the last stored run is skipped.
 */
export class BudgetSourceRunner {
  readonly #seen = new Map<string, Record<string, string>>();

  constructor(private readonly options: BudgetSourceRunnerOptions) {}

  async run(source: BudgetSourceConfig): Promise<BudgetSourceRunResult> {
    const result = await this.read(source);
    const log =
      result.status === 'stored' || result.status === 'skipped'
        ? this.options.logger.info
        : this.options.logger.warn;
    log.call(
      this.options.logger,
      `Budget source ${source.id} ${result.status}: ${result.message}`,
    );
    return result;
  }

  private async read(
    source: BudgetSourceConfig,
  ): Promise<BudgetSourceRunResult> {
    const base = { sourceId: source.id };
    const previous = this.#seen.get(source.id) ?? {};
    let fetched;
    try {
      fetched = await this.options.fetcher.fetch(source.location, previous);
    } catch (error) {
      return {
        ...base,
        status: 'failed',
        message: `could not read ${redactLocation(source.location)}: ${
          error instanceof Error ? error.message : error
        }`,
      };
    }
    try {
      const unchanged =
        fetched.files.length > 0 &&
        fetched.files.length === Object.keys(previous).length &&
        fetched.files.every(f => previous[f.key] === f.fingerprint);
      if (unchanged) {
        return {
          ...base,
          status: 'skipped',
          message: 'unchanged since the last stored run',
        };
      }
      const files = await fetched.localFiles();
      if (files.length === 0) {
        return {
          ...base,
          status: 'rejected',
          message: `no file at ${redactLocation(
            source.location,
          )}; the budgets stored before are kept`,
        };
      }
      const batch: Array<{ key: string; file: BudgetFileRecords; at: number }> =
        [];
      const records: unknown[] = [];
      const problems: string[] = [];
      for (const file of files) {
        const content = await readFile(file.path);
        if (content.length > MAX_FILE_BYTES) {
          problems.push(
            `${file.key}: ${content.length} bytes, more than the ${MAX_FILE_BYTES} a budget file may have`,
          );
          continue;
        }
        try {
          const read = readBudgetFile(file.key, content.toString('utf8'));
          batch.push({ key: file.key, file: read, at: records.length });
          records.push(...read.records);
        } catch (error) {
          if (!(error instanceof BudgetFileError)) throw error;
          problems.push(`${file.key} ${error.message}`);
        }
      }
      const checked =
        problems.length === 0
          ? await this.validate(source.id, records)
          : undefined;
      if (checked && !checked.ok) {
        for (const problem of checked.problems) {
          const entry = [...batch].reverse().find(b => b.at <= problem.index)!;
          const position = problem.index - entry.at + entry.file.firstPosition;
          problems.push(
            `${entry.key} ${entry.file.positionName} ${position}${
              problem.id ? ` (${problem.id})` : ''
            } ${problem.field}: ${problem.reason}`,
          );
        }
      }
      if (problems.length > 0 || !checked?.ok) {
        const shown = problems.slice(0, LOGGED_PROBLEMS).join('; ');
        const more =
          problems.length > LOGGED_PROBLEMS
            ? ` (and ${problems.length - LOGGED_PROBLEMS} more)`
            : '';
        return {
          ...base,
          status: 'rejected',
          message: `nothing stored, the budgets stored before are kept: ${shown}${more}`,
        };
      }
      try {
        const { upserted, deleted } = await this.options.store.replaceSource(
          source.id,
          checked.budgets,
          this.options.now?.() ?? new Date(),
        );
        this.#seen.set(
          source.id,
          Object.fromEntries(fetched.files.map(f => [f.key, f.fingerprint])),
        );
        return {
          ...base,
          status: 'stored',
          message: `stored ${upserted} budget(s) from ${files.length} file(s), removed ${deleted} no longer in them`,
        };
      } catch (error) {
        if (!(error instanceof BudgetOwnedElsewhereError)) throw error;
        return {
          ...base,
          status: 'rejected',
          message: `nothing stored: ${error.message}; ids are unique across sources`,
        };
      }
    } catch (error) {
      return {
        ...base,
        status: 'failed',
        message: error instanceof Error ? error.message : String(error),
      };
    } finally {
      await fetched.release();
    }
  }

  private async validate(
    sourceId: string,
    records: unknown[],
  ): Promise<BudgetBatchResult> {
    const stored = await this.options.store.list();
    const refs = records
      .map(r => (r as { entityRef?: unknown } | null)?.entityRef)
      .filter((r): r is string => typeof r === 'string')
      .map(r => r.trim().toLocaleLowerCase('en-US'));
    return validateBudgets(records, {
      calendar: this.options.calendar,
      // This source's budgets are replaced: only the others count for overlaps.
      existing: stored.filter(b => b.source !== sourceId),
      knownEntityRefs: await this.options.knownEntityRefs([...new Set(refs)]),
    });
  }
}
