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
     * are ingested together and replace the billing periods they hold. A directory or URL
     * prefix in a provider's export layout (see `layout`) is one delivery per billing period.
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
       * git hosts, not S3, Azure Blob Storage or plain HTTP). A URL ending in `/` is a
       * prefix: every object below it is read with the URL reader's `readTree` (S3, Azure
       * Blob Storage, GCS, git hosts) and split by `layout`.
       */
      location: string;
      /**
       * How a directory or URL prefix splits into deliveries. Default `auto`: the AWS layout
       * when `data/` or `metadata/` folders hold `BILLING_PERIOD=YYYY-MM` partitions, the
       * Azure layout when `YYYYMMDD-YYYYMMDD/<run id>/` folders exist, else `files`.
       * - `files`: all cost files are one delivery.
       * - `aws-data-exports`: AWS Data Exports (FOCUS 1.0 with AWS columns, CUR 2.0); one
       *   delivery per `BILLING_PERIOD=YYYY-MM`: the files listed by the newest manifest
       *   (`metadata/.../*-Manifest.json`) whose files are all present, overwrite or
       *   create-new-versions mode; without manifests the newest version folder.
       * - `azure-cost-export`: Azure Cost Management exports; one delivery per
       *   `YYYYMMDD-YYYYMMDD` folder: the run whose manifest.json has the latest
       *   `runInfo.submittedTime` and lists only blobs that are present; without manifests
       *   the run folder with the newest files.
       * A period whose manifests all list a missing file is not ingested; the run fails and
       * names the file. A provider layout on a URL needs the location to end in `/`.
       */
      layout?: 'auto' | 'files' | 'aws-data-exports' | 'azure-cost-export';
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
       * How much cost the rejected rows of one delivery may carry before it is rejected
       * whole, per currency: one amount for every currency (`5`) or amounts per currency
       * code (`{ USD: 5, EUR: 4 }`, others 0). Measured as the sum of the rows' absolute
       * BilledCost and EffectiveCost. Default 0: a rejected row carrying any money, or a cost
       * that cannot be read, rejects the file. Rows of zero cost may still be skipped
       * within `maxRejectedShare`.
       */
      maxRejectedCost?:
        | number
        | string
        | { [currency: string]: number | string };
      /**
       * Largest file `POST /api/finops-itam/ingestions` accepts, in megabytes (MiB);
       * larger uploads get 413. Default 1024.
       */
      uploadLimitMb?: number;
      /**
       * Largest size a gzip file may decompress to, in bytes; a file that expands further
       * (a gzip bomb) is rejected whole and its partial output removed. Default 17179869184
       * (16 GiB).
       */
      maxDecompressedBytes?: number;
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
     * target's direct cost that day), `fixed` (`weights`: ref → percentage, summing to 100),
     * `metric` (in proportion to each target's values of the business metric `metric` in the
     * day's calendar month) or `prepaid` (a prepaid commitment, e.g. SaaS credits, drawn down
     * by each target's usage, see `committedQuantity`). A row matching several pools goes to
     * the first. A pool without targets stays unallocated.
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
      method: 'even' | 'proportional' | 'fixed' | 'metric' | 'prepaid';
      /** For `fixed` (required): entity ref → percentage; they sum to exactly 100. */
      weights?: { [entityRef: string]: string | number };
      /**
       * For `metric` and `prepaid` (required): the business metric, per entity and day, like
       * `snowflake-credits`. Its values are summed per calendar month for each target.
       */
      metric?: string;
      /**
       * For `prepaid` (required): the usage the month's commitment covers, in the metric's
       * unit, above zero, like `1000` or `"2500.5"`. Each day's cost is split in the ratio
       * `min(usage, committed) : committed - min(usage, committed)` of the month's total
       * usage; the used part goes to the targets in proportion to their usage, the rest to
       * `unusedTarget`. Usage above the commitment only changes the proportions.
       */
      committedQuantity?: string | number;
      /**
       * For `prepaid`: the entity ref that carries the unused part. When unset, the owner
       * (`finops-itam.io/cost-accounts`) of the account the pool's rows were bought in, if
       * that is one entity; otherwise the whole amount is split by usage, reported as a
       * config issue. If it is also a target, its unused part is added to its usage part. A
       * month without any usage is wholly unused.
       */
      unusedTarget?: string;
    }>;

    /**
     * Id of the shared-cost pool that takes unused commitment cost (FOCUS
     * CommitmentDiscountStatus `Unused`); without it, the owner of the buying account does.
     */
    unusedCommitmentPool?: string;

    /**
     * Megabytes of `GET .../cost` answers each backend keeps in memory, so that a service
     * page opened again (or by someone else) is answered without reading the database. All
     * are dropped when an ingestion, allocation run or license cost update changes the data;
     * the least recently used go first when full. Default 64; 0 turns the cache off.
     */
    costAnswerCacheMegabytes?: number;

    // business metrics (unit cost): begin
    /**
     * CSV files of daily business metric values (orders, searches, ...) read on a schedule:
     * the divisor of unit cost, for entities whose `finops-itam.io/unit-metric` annotation
     * names the metric. Columns `entityRef,date,value` (header first, any order), e.g.
     * `component:default/checkout-api,2026-11-01,1250`. Each file is all or nothing: one bad
     * row rejects the file and the log lists every bad line. A stored file replaces the
     * entity-days it holds, like `PUT /api/finops-itam/metrics/:name`.
     */
    metricSources?: Array<{
      /** Unique id of the source, lowercase kebab-case, like `shop-orders`. */
      id: string;
      /** The metric the files hold: lowercase letters, digits, `-` and `_`, like `orders`. */
      metric: string;
      /**
       * Where the files are: a local file, directory (read recursively) or glob relative to
       * the backend's working directory, or an http(s) URL read through the Backstage URL
       * reader (S3, Azure Blob Storage, GCS, plain HTTP), as for `costSources`.
       */
      location: string;
      /**
       * When to read the source: a Backstage scheduler definition. Each field left out takes
       * its default: `frequency` every hour, `timeout` 10 minutes, `initialDelay` 15 seconds.
       * Always global scope. Files unchanged since the last run are skipped.
       */
      schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
    }>;
    // business metrics (unit cost): end

    // licenses (issue 5): begin
    /** Software licenses: products, entitlements, consumption in cost data and license cost. */
    licenses?: {
      /**
       * Products added to, or overriding by id, the shipped catalog (SQL Server Standard and
       * Enterprise, Windows Server Standard and Datacenter, Oracle Database EE and SE2, RHEL,
       * a SaaS seat). An override needs only `id` and the fields it changes; `rule` and
       * `byol` are merged key by key. A new product needs id, publisher, name and metric.
       * `PUT /api/finops-itam/licenses/products` stores further overrides.
       */
      products?: Array<{
        /** Lowercase kebab-case, like `microsoft-sql-server-enterprise`. */
        id: string;
        publisher?: string;
        name?: string;
        edition?: string;
        metric?:
          | 'per-core'
          | 'per-vcpu'
          | 'per-processor'
          | 'per-socket'
          | 'per-instance'
          | 'per-user'
          | 'subscription'
          | 'consumption-credit';
        /** Counting rule per VM: minimumPerVm, packSize, vcpusPerLicense(HyperThreaded), coreFactor, maxVcpusCounted, vmsPerLicense, maxVcpusAllowed. */
        rule?: { [key: string]: number };
        byol?: {
          allowedProviders?: string[];
          allowedTenancy?: Array<
            'shared' | 'dedicated-instance' | 'dedicated-host'
          >;
          requiresLicenseMobility?: boolean;
          sharedTenancyProviders?: string[];
          /**
           * Licenses acquired on or after `acquiredBefore` (entitlement `acquiredOn`) may not go
           * to these providers' dedicated hosts and instances, unless License Mobility covers
           * them and `unlessLicenseMobility` is true.
           */
          dedicatedHostCutoff?: {
            acquiredBefore: string;
            providers: string[];
            tenancy?: Array<'shared' | 'dedicated-instance' | 'dedicated-host'>;
            unlessLicenseMobility: boolean;
          };
          /** Providers where the license needs Software Assurance (or a subscription, see below). */
          softwareAssuranceRequiredOn?: string[];
          /** Whether subscription licenses (entitlement `subscription: true`) count as Software Assurance. */
          subscriptionIncludesSoftwareAssurance?: boolean;
        };
        /**
         * Other products this product's surplus licenses cover: `ratio` licenses of the covered
         * product per license, optionally only on `providers` and only with Software Assurance.
         * `productId` must be a known product.
         */
        covers?: Array<{
          productId: string;
          ratio: number;
          providers?: string[];
          requiresSoftwareAssurance?: boolean;
          source?: string;
        }>;
        /**
         * The list price, for shortage exposure (its cost per year). `per`: `year` for a
         * subscription (the default), or `perpetual` for a one-time license price, which
         * needs `amortisationYears` (the years it is spread over) and may give
         * `annualSupportRate` (yearly support as a fraction of the price, Oracle 0.22).
         * `units`: license units the amount buys (2 for a 2-core pack); default 1.
         */
        listPrice?: {
          amount: string;
          currency: string;
          units?: number;
          per?: 'year' | 'perpetual';
          annualSupportRate?: string;
          amortisationYears?: number;
        };
      }>;
      /**
       * Entitlement files (YAML, JSON or CSV) read on a schedule. All files of a source are
       * one batch that replaces what the source loaded before; a file with any invalid
       * record changes nothing. `location` is a local file or glob (`contracts/*.yaml`,
       * relative to the backend's working directory) or an http(s) URL read through the
       * Backstage URL reader.
       */
      entitlementSources?: Array<{
        /** Lowercase kebab-case, unique, not `api`. */
        id: string;
        location: string;
        /** Scheduler definition; defaults: every hour, timeout 10 minutes, initial delay 20 s. Always global. */
        schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
      }>;
      /**
       * Seat exports of SaaS products (the admin console's user list), read on a schedule:
       * CSV with columns `user`, `lastActive` (YYYY-MM-DD, empty when never used) and
       * `entityRef`, or a YAML/JSON list of the same fields. All files of a source replace
       * the product's seats; a file with any invalid seat changes nothing.
       * `PUT /api/finops-itam/licenses/seats/:productId` imports seats the same way.
       */
      seatSources?: Array<{
        /** Lowercase kebab-case, unique. */
        id: string;
        /** The SaaS product the seats are of, e.g. `saas-observability-seat`. */
        productId: string;
        location: string;
        /** Scheduler definition; defaults: every hour, timeout 10 minutes, initial delay 20 s. Always global. */
        schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
      }>;
      /** How licensed software is recognised in cost data. */
      costData?: {
        /** Tag naming the product id. Default `license-product`. */
        productTag?: string;
        /** Tag saying `byol` or `license-included`. Default `license-model`. */
        modelTag?: string;
        /** Substrings of SkuId or SkuPriceDetails (case-insensitive) marking BYOL. Default `byol`, `bring your own license`, `hybrid benefit`. */
        byolPatterns?: string[];
        /** Substrings marking license-included rows. Default `license included`, `license-included`. */
        licenseIncludedPatterns?: string[];
        /** Substrings of SkuId or SkuPriceDetails that name a product (default: SQL Server Enterprise and Standard, e.g. `sql-ent`, `sql std`). */
        skuProducts?: Array<{
          pattern: string;
          productId: string;
          model?: 'byol' | 'license-included';
        }>;
        /**
         * Cost data read for licenses: resources billed within this many days of the latest
         * cost day are listed (and their stops found for reharvest); `required` is the peak
         * over `evaluationDays`, a part of it. Default 90.
         */
        windowDays?: number;
        /** A resource absent from cost data this many days is a reharvest candidate. Default 30. */
        absentAfterDays?: number;
        /** Tag naming the dedicated host a VM runs on (its host id). Default `license-host`. */
        hostTag?: string;
      };
      /**
       * Instance types missing from the shipped table, or corrections: vCPUs, e.g. `{ m8g.large: 2 }`,
       * or vCPUs with threads per core, e.g. `{ m8g.large: { vcpus: 2, threadsPerCore: 1 } }`
       * (default 2 threads per core).
       */
      instanceTypes?: {
        [instanceType: string]:
          | number
          | { vcpus: number; threadsPerCore?: number };
      };
      /** Dedicated host types missing from the shipped table, e.g. `{ m7i: { physicalCores: 48, sockets: 2 } }`. */
      hostTypes?: {
        [hostType: string]: { physicalCores: number; sockets: number };
      };
      /** Product ids flagged on every entity that runs them. */
      unauthorizedProducts?: string[];
      /** Seats unused this many days are reharvest candidates. Default 90. */
      inactiveSeatDays?: number;
      /**
       * Complete days of cost data (up to the latest complete day, yesterday at the latest)
       * over which a product's required quantity is taken: its highest daily requirement,
       * each day the sum over the deployments billed that day. Default 30.
       */
      evaluationDays?: number;
      /** When the global task recomputes daily license cost; defaults: every 6 hours. */
      costSchedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
    };
    // licenses (issue 5): end

    // onboarding (issue 15)
    /**
     * One policy set for new workloads (the onboarding `policy` check) and running cost (the
     * compliance report). Every key is optional. A malformed value stops the backend at
     * start-up naming the key; a provider or region the portal does not know is a warning
     * (add it under `finopsItam.onboarding.regions`).
     */
    policies?: {
      /** Providers workloads may run on, e.g. `[AWS, Azure, Google Cloud]`; all when left out (never empty). */
      allowedProviders?: string[];
      /** Region codes workloads may run in, e.g. `[eu-west-1, westeurope]`; all when left out (never empty). */
      allowedRegions?: string[];
      /** Tags every workload must declare for its resources, e.g. `[cost-center]`. Default none. */
      requiredTags?: string[];
      /**
       * Tags required on one provider's resources only, on top of `requiredTags`, by provider
       * name, e.g. `{ Azure: [application] }`. Default none.
       */
      requiredTagsByProvider?: { [provider: string]: string[] };
      /**
       * Product ids no workload may use. `finopsItam.licenses.unauthorizedProducts` are
       * blocked too.
       */
      blockedProducts?: string[];
      /** Buying through a cloud marketplace: `allowed` (default), `needs-approval` or `forbidden`. */
      marketplace?: 'allowed' | 'needs-approval' | 'forbidden';
      /**
       * With `marketplace: needs-approval`, the marketplace sellers already approved; running
       * cost bought from any other seller is outside policy. Default none.
       */
      approvedMarketplacePublishers?: string[];
    };
    /** Onboarding requests: regions, reviewers, how long approval holds licenses. */
    onboarding?: {
      /**
       * Regions to add to the shipped list, per provider (a new region, a sovereign cloud),
       * e.g. `{ AWS: [us-isob-east-1] }`. A provider not shipped is added with its regions.
       */
      regions?: { [provider: string]: string[] };
      /** Group refs notified of every request, e.g. `[group:default/team-itam]`. Default none. */
      reviewers?: string[];
      /**
       * Days after go-live an approved request keeps its licenses reserved while its
       * workload has not shown up in cost data; then it expires. Default 60.
       */
      reservationDays?: number;
      /** When the global task rechecks open requests and finds fulfilled or expired ones; default every 15 minutes. */
      schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
    };
    // onboarding (issue 15): end

    // budgets and forecasts (issue 16): begin
    /**
     * The month (1–12) fiscal years start in; quarters and years of budgets follow it.
     * Default 1 (the calendar year); 4 is April, as in the UK and Japan.
     */
    fiscalYearStartMonth?: number;
    /**
     * Budgets kept in app-config, stored as source `config` at start-up and replaced whole on
     * each start (a budget removed here is deleted). Checked at start like `PUT /budgets`: a
     * mistake stops the backend naming the record and field. They cannot be changed through
     * the API.
     */
    budgets?: Array<{
      /** Unique id, like `checkout-q1`. */
      id: string;
      /** A Group, System or Component, like `group:default/team-checkout`. */
      entityRef: string;
      period: 'month' | 'quarter' | 'year';
      /** The period's first day, like `2027-01-01` (a fiscal quarter's or year's first day). */
      start: string;
      /** A decimal amount above 0, like `45000.00`. */
      amount: string | number;
      /** ISO 4217 code, like `USD`. */
      currency: string;
      scope: 'all-in' | 'cloud' | 'licenses';
      /** Percentages of the budget; default forecast above 100, below 80, actual above 100. */
      thresholds?: {
        forecastAbove?: number;
        forecastBelow?: number;
        actualAbove?: number;
      };
    }>;
    /**
     * Budget files (CSV with columns `id,entityRef,period,start,amount,currency,scope` and the
     * optional `forecastAbove,forecastBelow,actualAbove`; or YAML/JSON, a list of records or
     * `{ budgets: [...] }`) read on a schedule. Each run replaces the source's budgets with
     * the files' records, all or nothing: one bad record keeps the budgets stored before and
     * the log names the file, row (CSV) or record (YAML) and field.
     */
    budgetSources?: Array<{
      /** Unique id of the source, lowercase kebab-case, like `finance-budgets`; not `config` or `api`. */
      id: string;
      /**
       * A local file, directory or glob relative to the backend's working directory, or an
       * http(s) URL read through the Backstage URL reader, as for `costSources`.
       */
      location: string;
      /**
       * A Backstage scheduler definition; fields left out default to every hour, timeout 10
       * minutes, initial delay 30 seconds. Always global scope.
       */
      schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
    }>;
    /** The task that tells owner groups about budgets crossing their thresholds. */
    budgetAlerts?: {
      /**
       * Default every hour (timeout 30 minutes, initial delay 2 minutes); also run after new
       * cost data. Always global scope.
       */
      schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
    };
    // budgets and forecasts (issue 16): end

    // anomalies (issue 16): begin
    /**
     * Anomaly detection: a global task judges every watched entity's daily amortized cost
     * (direct plus shared, licenses apart) and compares the license position with the one
     * the previous run saw, then tells each owning group once per anomaly. Every key is
     * optional; a mistake stops the backend at start-up.
     */
    anomalies?: {
      /** Whether the detection task runs at all. Default true. */
      enabled?: boolean;
      /** Days a day's cost needs to be complete (billing data settles for about 48 h). Default 2. */
      lagDays?: number;
      /** Complete days an entity needs before its days are judged. Default 14, at most 28. */
      minHistoryDays?: number;
      /** |robust z-score| at or above which a day is unusual. Default 3. */
      threshold?: number;
      /** Smallest impact worth an alert as a percentage of the expected cost. Default 10. */
      minImpactPercent?: number;
      /**
       * Smallest absolute impact worth an alert per currency, as decimal strings, like
       * `{ USD: '50.00', EUR: '50.00' }`. A currency not listed has no absolute minimum.
       */
      minImpact?: { [currency: string]: string };
      /** Only increases are anomalies (a drop is not reported). Default false. */
      increasesOnly?: boolean;
      /** Days before the last complete day whose anomalies a run reports. Default 30. */
      lookbackDays?: number;
      /** Catalog kinds whose entities' cost is watched. Default `[component]`. */
      entityKinds?: string[];
      /** One notification a day per owning group listing its new anomalies, instead of one per anomaly. Default false. */
      digest?: boolean;
      /** Minutes after the last new cost data before an early run starts. Default 15. */
      debounceMinutes?: number;
      /** License anomalies. Unauthorized products are `licenses.unauthorizedProducts` and `policies.blockedProducts`. */
      licenses?: {
        /** A rise in a product's requirement is a jump at this percentage and above. Default 20. */
        consumptionJumpPercent?: number;
        /** A jump must also add at least this many license units. Default 1. */
        consumptionJumpAbsolute?: number;
        /** When given, any other product in use is unauthorized. */
        allowedProducts?: string[];
      };
      /** A Backstage scheduler definition; default daily (timeout 30 minutes, initial delay 10 minutes). Always global scope. */
      schedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
    };
    // anomalies (issue 16): end

    // KPIs (issue 17): begin
    /** FinOps KPIs (`GET /kpis`) and commitments (`GET /commitments`). */
    kpis?: {
      /**
       * FOCUS ServiceCategory values whose on-demand cost a commitment could have covered:
       * the denominator of commitment coverage for exports before FOCUS 1.4, which have no
       * CommitmentProgramEligibilityDetails (compared without regard to case).
       * Default `["Compute", "Databases"]`.
       */
      eligibleServiceCategories?: string[];
      /**
       * When the KPI rollup (sums per day, aligned block of days and month, without resources) is rebuilt if the
       * cost data changed; until then `GET /kpis` sums the facts. A Backstage scheduler
       * definition; default every 5 minutes (timeout 30 minutes, initial delay 1 minute).
       * Always global scope.
       */
      rollupSchedule?: Partial<SchedulerServiceTaskScheduleDefinitionConfig>;
    };
    // KPIs (issue 17): end

    // glossary and accountability (issue 17): begin
    /**
     * The organisation's glossary terms, by kebab-case id: an id the portal ships replaces
     * the fields given (a new definition without a source becomes the organisation's own),
     * any other id adds a term, which needs `term` and `definition`.
     */
    glossary?: {
      [id: string]: {
        term?: string;
        definition?: string;
        /** Other names and abbreviations the term is found by; replaces the shipped list. */
        aliases?: string[];
        /** Default `both` for an added term. */
        discipline?: 'finops' | 'itam' | 'both';
        /** Where the definition comes from; `url` left out for an internal source. */
        source?: { title: string; url?: string };
      };
    };
    /** Who decides and who is consulted for each decision the portal shows. */
    accountability?: {
      /** The group behind each role, as an entity ref (`group:default/team-finops`). */
      roles?: {
        finops?: string;
        itam?: string;
        finance?: string;
        procurement?: string;
      };
      /**
       * Changes to the shipped decisions (`budget`, `license-purchase`, `shared-cost-method`,
       * `onboarding-approval`, `anomaly-resolution`, `policy-exception`): who decides and who
       * is consulted, each a role (`owner`, `finops`, `itam`, `finance`, `procurement`) or a
       * group ref.
       */
      decisions?: {
        [id: string]: { decides?: string; consulted?: string[] };
      };
    };
    // glossary and accountability (issue 17): end

    // marketplace and SaaS (issue 17): begin
    /** Marketplace spend (`GET /marketplace`): charges whose seller differs from the invoice issuer. */
    marketplace?: {
      /**
       * Per provider name (`AWS`, `Azure`, `Google Cloud`; aliases such as `Amazon Web
       * Services` work too): whether it counts marketplace purchases toward its commitment.
       * A provider not listed counts them. Example: `{ Azure: false }`.
       */
      countsTowardCommitment?: { [provider: string]: boolean };
    };
    /** SaaS contracts (`GET /saas/contracts`), checked at start-up: a mistake stops the backend naming the key. */
    saas?: {
      /**
       * Prepaid contracts are drawn down month by month by the amortized cost (`EffectiveCost`)
       * of the cost rows they match, from `start` to the day before the day asked about;
       * consumption-based ones compare the average of the last (up to three) full months with
       * `contractedMonthlyRunRate`. Unused commitment rows are not consumption, and matching
       * rows in another currency are named in the message, never drawn down. Consumption is
       * read from cost rows only, not from business metric sources: a drawdown is money,
       * which metrics do not carry.
       */
      contracts?: Array<{
        /** Unique id, like `lumenwatch-ingest`. */
        id: string;
        title: string;
        vendor: string;
        kind: 'prepaid' | 'consumption';
        /** ISO 4217 code of the contract, like `USD`. */
        currency: string;
        /** First day, like `2026-07-01`. */
        start: string;
        /** Last day (inclusive), like `2027-06-30`. */
        end: string;
        /** Prepaid contracts only: the amount bought, above 0, like `30000` or `"2500.50"`. */
        committed?: string | number;
        /** Consumption-based contracts only: what is expected per month, above 0. */
        contractedMonthlyRunRate?: string | number;
        /** The owning group, like `group:default/team-platform` (`group` is the default kind). */
        ownerRef?: string;
        /** The license product the contract is for, when it is one. */
        productId?: string;
        /**
         * Which cost rows consume the contract: every field given must match,
         * case-insensitively, and one of the first three is required.
         */
        match: {
          /** FOCUS `PublisherName` (1.3: `ServiceProviderName`), the seller. */
          publisherName?: string;
          /** FOCUS `ServiceName`. */
          serviceName?: string;
          /** Value of the license product tag (`finopsItam.licenses.costData.productTag`). */
          productTag?: string;
          /** FOCUS `ChargeCategory`, like `Usage` or `Purchase` (a seat fee is a purchase). */
          chargeCategory?: string;
        };
      }>;
    };
    // marketplace and SaaS (issue 17): end
  };
}
