import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/config';
import { readFile } from 'node:fs/promises';
import { SourceFileFetcher } from '../sources/SourceFileFetcher';
import { redactLocation } from '../sources/locations';
import { LicenseStore, LicenseSourceState } from './LicenseStore';
import { EntitlementFileError } from './entitlementFiles';

/** Outcome of one run of a license file source. */
export interface LicenseSourceRunResult {
  sourceId: string;
  status: NonNullable<LicenseSourceState['lastStatus']>;
  message: string;
}

/** One file of a source, read as text. */
export interface LicenseSourceFile {
  key: string;
  content: string;
}

export interface LicenseFileSourceRunnerOptions {
  fetcher: Pick<SourceFileFetcher, 'fetch'>;
  store: Pick<LicenseStore, 'getSourceState' | 'saveSourceState'>;
  auditor: AuditorService;
  logger: LoggerService;
  /** Called after a load changed stored data, e.g. to recompute license cost. */
  onChange?: () => void;
  now?: () => Date;
}

/**
 * Runs a license file source (entitlements or seats): fetches its files (local paths or
 * URLs through the Backstage URL reader), skips a delivery seen before, and hands the
 * files to `load`, which stores all of them or nothing. A file that cannot be read or
 * holds invalid records is recorded as `rejected` with the reasons; nothing changes.
 */
export class LicenseFileSourceRunner {
  constructor(private readonly options: LicenseFileSourceRunnerOptions) {}

  async run(params: {
    /** Key of the source's state, e.g. the entitlement source id. */
    stateId: string;
    location: string;
    /** Audit event id of a load, e.g. `license-entitlement-load`. */
    eventId: string;
    meta: JsonObject;
    /** Stores the files' content (all or nothing) and says what it did. */
    load: (files: LicenseSourceFile[]) => Promise<string>;
  }): Promise<LicenseSourceRunResult> {
    const { stateId, location } = params;
    const now = (this.options.now ?? (() => new Date()))().toISOString();
    const state: LicenseSourceState = (await this.options.store.getSourceState(
      stateId,
    )) ?? {
      id: stateId,
      fingerprints: {},
      lastRunAt: null,
      lastStatus: null,
      lastMessage: null,
    };
    const finish = async (
      status: LicenseSourceRunResult['status'],
      message: string,
      fingerprints = state.fingerprints,
    ): Promise<LicenseSourceRunResult> => {
      await this.options.store.saveSourceState({
        ...state,
        fingerprints,
        lastRunAt: now,
        lastStatus: status,
        lastMessage: message,
      });
      const level =
        status === 'rejected' || status === 'failed' ? 'warn' : 'info';
      this.options.logger[level](
        `License source ${stateId} ${status}: ${message}`,
      );
      return { sourceId: stateId, status, message };
    };

    let fetched;
    try {
      fetched = await this.options.fetcher.fetch(location, state.fingerprints);
    } catch (error) {
      return finish(
        'failed',
        `could not read "${redactLocation(location)}": ${
          (error as Error).message
        }`,
      );
    }
    try {
      const fingerprints = Object.fromEntries(
        fetched.files.map(f => [f.key, f.fingerprint]),
      );
      const unchanged =
        fetched.files.length === Object.keys(state.fingerprints).length &&
        fetched.files.every(f => state.fingerprints[f.key] === f.fingerprint);
      // Fingerprints move only on a successful load, so a rejected delivery is retried.
      if (unchanged && state.lastStatus !== null) {
        return await finish('skipped', 'unchanged since the last load');
      }
      const files: LicenseSourceFile[] = [];
      for (const file of await fetched.localFiles()) {
        files.push({
          key: file.key,
          content: await readFile(file.path, 'utf8'),
        });
      }
      const event = await this.options.auditor.createEvent({
        eventId: params.eventId,
        severityLevel: 'medium',
        meta: { ...params.meta, files: files.map(f => f.key) },
      });
      try {
        const message = await params.load(files);
        await event.success();
        this.options.onChange?.();
        return await finish('loaded', message, fingerprints);
      } catch (error) {
        await event.fail({ error: error as Error });
        if (
          error instanceof InputError ||
          error instanceof EntitlementFileError
        ) {
          return await finish(
            'rejected',
            `${error.message}; what was loaded before is kept`,
          );
        }
        throw error;
      }
    } catch (error) {
      return finish('failed', (error as Error).message);
    } finally {
      await fetched.release();
    }
  }
}
