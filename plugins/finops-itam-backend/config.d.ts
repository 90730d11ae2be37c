import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /**
   * Settings of the finops-itam plugin suite. Data sources, schedules and retention are
   * added here as the cost, license and budget features land.
   */
  finopsItam?: {
    /**
     * Where FOCUS cost exports (CSV, gzip CSV or Parquet; FOCUS 1.0 to 1.3) are read from
     * on a schedule. All files of a source form one delivery: when any of them changes, all
     * are ingested together and replace the billing periods they hold.
     */
    costSources?: Array<{
      /**
       * Unique id of the source, lowercase kebab-case, like `aws-focus`. Shown in
       * `GET /api/finops-itam/sources` and stored with every cost fact of the source.
       */
      id: string;
      /**
       * Where the exports are. Either a local file, a directory (read recursively, files
       * ending in .csv, .csv.gz, .gz or .parquet) or a glob like `exports/aws/*.parquet`,
       * relative to the backend's working directory (`packages/backend` under `yarn start`);
       * or an http(s) URL read through the Backstage URL reader, such as an S3, Azure Blob
       * Storage or Google Cloud Storage object configured under `integrations`. A URL with
       * `*` is a search, which works only where the reader supports patterns (GCS and the
       * git hosts, not S3, Azure Blob Storage or plain HTTP).
       */
      location: string;
      /**
       * When to read the source: a Backstage scheduler definition. Each field left out takes
       * its default: `frequency` every hour, `timeout` 30 minutes, `initialDelay` 10 seconds.
       * Runs are always global, whatever `scope` says: one replica ingests each delivery.
       */
      schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
    }>;

    /** How cost files are ingested, by schedule and by upload. */
    ingestion?: {
      /**
       * Share of rejected rows (0 to 1) above which the whole delivery is rejected and
       * nothing is stored. Default 0.01 (1 %).
       */
      maxRejectedShare?: number;
      /**
       * Largest file `POST /api/finops-itam/ingestions` accepts, in megabytes (MiB);
       * larger uploads get 413. Default 1024.
       */
      uploadLimitMb?: number;
    };

    /** How long cost data is kept. */
    retention?: {
      /**
       * Months of daily cost facts to keep; a daily task deletes days before the first day
       * of the month this many months ago. Default 25.
       */
      months?: number;
    };

    /** How cost facts are allocated to catalog entities. */
    allocation?: {
      /**
       * When the global task `finops-itam-allocation` re-allocates facts the catalog or an
       * ingestion changed: a Backstage scheduler definition. Fields left out take their
       * defaults: `frequency` every 15 minutes, `timeout` 30 minutes, `initialDelay` 30 seconds.
       * Always global scope. `POST /api/finops-itam/allocation/run` runs it now.
       */
      schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
      /**
       * Org-wide rules tried after every entity annotation, in order: a row whose tag `tag`
       * names an existing entity of `entityKind` (in `namespace`, default `default`) goes to
       * it, e.g. `{ tag: team, entityKind: Group }` sends `team=payments` to group payments.
       */
      fallbackRules?: Array<{
        tag: string;
        entityKind: string;
        namespace?: string;
      }>;
      /**
       * Tag keys every resource should carry; `GET /api/finops-itam/allocation/unallocated`
       * lists, per owner, the resources lacking any of them (keys compared case-insensitively,
       * blank values count as missing). Default `application`, `environment`, `team`, `cost-center`.
       */
      requiredTags?: string[];
    };

    /**
     * Shared-cost pools: rows matching every criterion of `rows` (tags, accounts, services,
     * chargeCategories) are split each day between `targets` (`entities`: a list of refs, or
     * `allComponentsOf`: a system or group ref) by `method`: `even`, `proportional` (to each
     * target's direct cost that day), `fixed` (`weights`: ref → percentage, summing to 100) or
     * `metric` (split evenly until business metrics are available). A row matching several
     * pools goes to the first. A pool without targets stays unallocated.
     */
    sharedCostPools?: Array<{
      /** Lowercase kebab-case id, unique. */
      id: string;
      description?: string;
      mode: 'showback' | 'chargeback';
      rows: {
        tags?: { [key: string]: string | string[] };
        accounts?: string[];
        services?: string[];
        chargeCategories?: string[];
      };
      targets: { entities?: string[]; allComponentsOf?: string };
      method: 'even' | 'proportional' | 'fixed' | 'metric';
      weights?: { [entityRef: string]: string | number };
      metric?: string;
    }>;

    /** Id of the shared-cost pool that takes unused commitment cost (not yet applied). */
    unusedCommitmentPool?: string;
  };
}
