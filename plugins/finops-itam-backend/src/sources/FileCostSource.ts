import {
  FinopsItamCostDelivery,
  FinopsItamCostSource,
  FinopsItamCostSourceContents,
  FinopsItamCostSourceReadContext,
} from '@finops-itam/plugin-finops-itam-node';
import { CostSourceConfig } from './config';
import { LocationNotFoundError } from './errors';
import { redactLocation } from './locations';
import {
  SourceDelivery,
  SourceFileFetcher,
  TREE_ETAG_KEY,
} from './SourceFileFetcher';

/** The name of a file within its delivery; fetched keys are `<delivery id>/<name>`. */
const nameIn = (deliveryId: string, key: string) =>
  deliveryId === '' ? key : key.slice(deliveryId.length + 1);

/**
 * A source of `finopsItam.costSources`: files on local disk (a path, directory or glob) or
 * behind URLs read through the Backstage URL reader, split into deliveries by their export
 * layout. It goes through the same runner as sources that modules contribute.
 */
export class FileCostSource implements FinopsItamCostSource {
  readonly id: string;
  /** The location without credentials (pre-signed and SAS URLs carry them). */
  readonly description: string;
  readonly schedule: CostSourceConfig['schedule'];

  constructor(
    private readonly config: CostSourceConfig,
    private readonly fetcher: Pick<SourceFileFetcher, 'fetchDeliveries'>,
  ) {
    this.id = config.id;
    this.description = redactLocation(config.location);
    this.schedule = config.schedule;
  }

  async read(
    context: FinopsItamCostSourceReadContext,
  ): Promise<FinopsItamCostSourceContents> {
    let fetched;
    try {
      fetched = await this.fetcher.fetchDeliveries(
        this.config.location,
        this.config.layout ?? 'auto',
        {
          ...context.lastFingerprints,
          ...(context.lastSourceFingerprint
            ? { [TREE_ETAG_KEY]: context.lastSourceFingerprint }
            : {}),
        },
      );
    } catch (error) {
      // A location with nothing in it says so itself; other errors get the location named.
      throw error instanceof LocationNotFoundError
        ? error
        : this.couldNotRead(error);
    }
    return {
      deliveries: fetched.deliveries.map(delivery => this.adapt(delivery)),
      problems: fetched.problems,
      unchanged: fetched.treeUnchanged,
      sourceFingerprint: fetched.treeEtag,
      release: () => fetched.release(),
    };
  }

  private adapt(delivery: SourceDelivery): FinopsItamCostDelivery {
    return {
      id: delivery.id,
      files: delivery.files.map(file => ({
        name: nameIn(delivery.id, file.key),
        fingerprint: file.fingerprint,
      })),
      notes: delivery.notes,
      read: async () => {
        let files;
        try {
          files = await delivery.localFiles();
        } catch (error) {
          throw this.couldNotRead(error);
        }
        return files.map(file => ({
          name: nameIn(delivery.id, file.key),
          path: file.path,
          // A URL the store called unchanged is downloaded again and may have a new etag.
          fingerprint: file.fingerprint,
        }));
      },
    };
  }

  private couldNotRead(error: unknown): Error {
    const reason = error instanceof Error ? error.message : String(error);
    return new Error(
      `could not read location "${this.description}": ${reason}`,
    );
  }
}

/** The configured sources, each read through the fetcher. */
export function fileCostSources(
  configs: CostSourceConfig[],
  fetcher: Pick<SourceFileFetcher, 'fetchDeliveries'>,
): FileCostSource[] {
  return configs.map(config => new FileCostSource(config, fetcher));
}
