import { EntitlementFileError, readEntitlementFile } from './entitlementFiles';
import { EntitlementSourceConfig } from './licenseConfig';
import {
  LicenseFileSourceRunner,
  LicenseFileSourceRunnerOptions,
  LicenseSourceRunResult,
} from './LicenseFileSourceRunner';
import { LicenseService } from './LicenseService';

/**
 * Loads entitlement files (YAML, CSV, JSON) of a source on its schedule. All files of a
 * source are one batch that replaces what the source loaded before; an unreadable file or
 * any invalid record changes nothing and is recorded with its reasons.
 */
export class EntitlementSourceRunner {
  private readonly runner: LicenseFileSourceRunner;

  constructor(
    private readonly options: LicenseFileSourceRunnerOptions & {
      licenses: Pick<LicenseService, 'applyEntitlements'>;
    },
  ) {
    this.runner = new LicenseFileSourceRunner(options);
  }

  run(source: EntitlementSourceConfig): Promise<LicenseSourceRunResult> {
    return this.runner.run({
      stateId: source.id,
      location: source.location,
      eventId: 'license-entitlement-load',
      meta: { sourceId: source.id },
      load: async files => {
        const batches = files.map(file => {
          try {
            return {
              ...readEntitlementFile(file.key, file.content),
              file: file.key,
            };
          } catch (error) {
            if (error instanceof EntitlementFileError) {
              throw new EntitlementFileError(`${file.key} ${error.message}`);
            }
            throw error;
          }
        });
        const result = await this.options.licenses.applyEntitlements(
          batches,
          source.id,
          { replaceSource: true },
        );
        return `${result.upserted} entitlement(s) loaded, ${result.deleted} removed`;
      },
    });
  }
}
