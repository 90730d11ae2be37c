import { EntitlementFileError } from './entitlementFiles';
import { SeatSourceConfig } from './licenseConfig';
import {
  LicenseFileSourceRunner,
  LicenseFileSourceRunnerOptions,
  LicenseSourceRunResult,
} from './LicenseFileSourceRunner';
import { LicenseService } from './LicenseService';
import { readSeatFile } from './seatFiles';

/** State key of a seat source, apart from entitlement sources of the same id. */
export const seatSourceStateId = (id: string) => `seats:${id}`;

/**
 * Imports the assigned seats of a SaaS product from the files of a seat source (an export
 * of the SaaS admin console) on its schedule. All files together replace the product's
 * seats; an unreadable file or an invalid seat changes nothing.
 */
export class SeatSourceRunner {
  private readonly runner: LicenseFileSourceRunner;

  constructor(
    private readonly options: LicenseFileSourceRunnerOptions & {
      licenses: Pick<LicenseService, 'replaceSeats'>;
    },
  ) {
    this.runner = new LicenseFileSourceRunner(options);
  }

  run(source: SeatSourceConfig): Promise<LicenseSourceRunResult> {
    return this.runner.run({
      stateId: seatSourceStateId(source.id),
      location: source.location,
      eventId: 'license-seat-load',
      meta: { sourceId: source.id, productId: source.productId },
      load: async files => {
        const seats = files.flatMap(file => {
          try {
            return readSeatFile(file.key, file.content);
          } catch (error) {
            if (error instanceof EntitlementFileError) {
              throw new EntitlementFileError(`${file.key} ${error.message}`);
            }
            throw error;
          }
        });
        const count = await this.options.licenses.replaceSeats(
          source.productId,
          { seats },
        );
        return `${count} seat(s) of ${source.productId} imported`;
      },
    });
  }
}
