import { AuthService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_COST_ACCOUNTS,
  ANNOTATION_COST_INSIGHTS_TAGS,
  ANNOTATION_COST_RESOURCES,
  ANNOTATION_COST_TAGS,
  AllocationCoverageResponse,
  AllocationCoverageTotals,
  AllocationStatus,
  CostBasis,
  CostGranularity,
  EntityCostResponse,
} from '@finops-itam/plugin-finops-itam-common';
import {
  AllocationRunRecord,
  AllocationStore,
} from '../database/AllocationStore';
import { AnswerCache, DEFAULT_ANSWER_CACHE_MEGABYTES } from './AnswerCache';
import { CostAnswer, SentAnswer } from './CostAnswer';
import { ExactSum, Money, MoneyValue, SumMap, mainCurrency } from '../money';
import { BucketSums } from './bucketSums';
import { costBreakdowns } from './costBreakdowns';
import { EntityLookupCache } from './entityLookupCache';
import { RollupLicenseCostReader } from '../licenses/RollupLicenseCostReader';
import { INTERRUPTED_AFTER_SILENT_MS } from '../shared/heartbeat';

const MAPPING_ANNOTATIONS = [
  ANNOTATION_COST_TAGS,
  ANNOTATION_COST_INSIGHTS_TAGS,
  ANNOTATION_COST_RESOURCES,
  ANNOTATION_COST_ACCOUNTS,
];

/** A half-open period of days and how to read it. */
export interface CostPeriod {
  from: string;
  to: string;
  basis: CostBasis;
}

/** A period of an entity's cost and the size of its series buckets. */
export type EntityCostPeriod = CostPeriod & { granularity: CostGranularity };

/** Sums decimal strings under string keys, exactly. */
class Totals {
  private readonly values = new Map<string, MoneyValue>();

  add(key: string, amount: string | MoneyValue): void {
    const current = this.values.get(key);
    this.values.set(key, current ? current.plus(amount) : new Money(amount));
  }

  get(key: string): MoneyValue {
    return this.values.get(key) ?? new Money(0);
  }

  entries(): Array<[string, MoneyValue]> {
    return [...this.values.entries()];
  }
}

function percent(part: MoneyValue, total: MoneyValue): number | null {
  if (total.isZero()) {
    return null;
  }
  return part.div(total).times(100).toDecimalPlaces(2).toNumber();
}

/** Bucket lists of recent periods: every request of a dashboard asks for the same few. */
const bucketCache = new Map<string, readonly string[]>();
const BUCKET_CACHE_SIZE = 64;

/** Every bucket of `[from, to)`: days as `YYYY-MM-DD`, months as `YYYY-MM`. */
export function periodBuckets(
  from: string,
  to: string,
  granularity: CostGranularity,
): readonly string[] {
  const cacheKey = `${from}/${to}/${granularity}`;
  const cached = bucketCache.get(cacheKey);
  if (cached) {
    return cached;
  }
  const buckets: string[] = [];
  const day = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (day < end) {
    const iso = day.toISOString().slice(0, 10);
    const bucket = granularity === 'day' ? iso : iso.slice(0, 7);
    if (buckets[buckets.length - 1] !== bucket) {
      buckets.push(bucket);
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  if (bucketCache.size >= BUCKET_CACHE_SIZE) {
    bucketCache.clear();
  }
  bucketCache.set(cacheKey, buckets);
  return buckets;
}

/** The annotations that map cost to the entity, as it has them. */
function mappingAnnotations(entity: Entity): Record<string, string> {
  return Object.fromEntries(
    MAPPING_ANNOTATIONS.filter(
      k => entity.metadata.annotations?.[k] !== undefined,
    ).map(k => [k, entity.metadata.annotations![k]]),
  );
}

const key = (...parts: Array<string | null>) =>
  parts.map(p => p ?? '').join('\u0000');

/**
 * Answers cost questions from allocated facts: an entity's cost over its rollup, and how
 * much of the total is allocated. Currencies are never added together.
 */
export class CostQueryService {
  private readonly entities: EntityLookupCache;
  private readonly answers: AnswerCache<CostAnswer>;

  constructor(
    private readonly options: {
      store: AllocationStore;
      catalog: Pick<CatalogService, 'getEntityByRef'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      /** Entitlement cost shares over the rollup; without it `licenses` stays "0". */
      licenseCosts?: Pick<RollupLicenseCostReader, 'dailyLicenseCost'>;
      /** Size of the answer cache of `entityCostAnswer`; 0 turns it off. Default 64. */
      answerCacheMegabytes?: number;
      now?: () => Date;
    },
  ) {
    const { catalog, auth } = options;
    this.answers = new AnswerCache(
      (options.answerCacheMegabytes ?? DEFAULT_ANSWER_CACHE_MEGABYTES) *
        1024 *
        1024,
      answer => answer.size,
    );
    this.entities = new EntityLookupCache(async ref =>
      catalog.getEntityByRef(ref, {
        credentials: await auth.getOwnServiceCredentials(),
      }),
    );
  }

  async allocationStatus(): Promise<AllocationStatus> {
    return this.statusOf(await this.options.store.allocationSnapshot());
  }

  private statusOf(snapshot: {
    run: AllocationRunRecord | undefined;
    waiting: boolean;
  }): AllocationStatus {
    const { run, waiting } = snapshot;
    if (!run) {
      return { state: 'never-run', lastRunAt: null };
    }
    const now = (this.options.now ?? (() => new Date()))().getTime();
    const running =
      // A run silent for minutes died with its backend, even before it is marked so.
      (run.status === 'running' &&
        now - Date.parse(run.heartbeatAt ?? run.startedAt) <
          INTERRUPTED_AFTER_SILENT_MS) ||
      waiting;
    return {
      state: running ? 'running' : 'current',
      lastRunAt: run.finishedAt ?? run.startedAt,
    };
  }

  private async requireEntity(ref: CompoundEntityRef): Promise<Entity> {
    const entity = await this.entities.get(ref);
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(
          ref,
        )} in the catalog; check the kind, namespace and name`,
      );
    }
    return entity;
  }

  /** Throws NotFoundError when the catalog does not know the entity. */
  async entityCost(
    ref: CompoundEntityRef,
    period: EntityCostPeriod,
  ): Promise<EntityCostResponse> {
    const entity = await this.requireEntity(ref);
    const [cost, allocation] = await Promise.all([
      this.costOf(entity, period),
      this.allocationStatus(),
    ]);
    return { ...cost, allocation };
  }

  /**
   * `entityCost` as sent (JSON bytes and ETag), computed once per version of the cost data:
   * repeated views of a service page (and the same page opened by many people) are answered
   * from the answer cache until an ingestion, allocation run or license cost update changes
   * the data. The allocation status is added fresh. The key holds the entity's mapping
   * annotations, which the answer shows, so a catalog edit is seen within the entity
   * lookup's minute.
   */
  async entityCostAnswer(
    ref: CompoundEntityRef,
    period: EntityCostPeriod,
  ): Promise<SentAnswer> {
    const entity = await this.requireEntity(ref);
    const snapshot = await this.options.store.allocationSnapshot();
    const answerKey = JSON.stringify([
      stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
      period.from,
      period.to,
      period.basis,
      period.granularity,
      mappingAnnotations(entity),
    ]);
    const status = JSON.stringify(this.statusOf(snapshot));
    const answer = await this.answers.get(
      snapshot.costDataVersion,
      answerKey,
      async () =>
        new CostAnswer(
          JSON.stringify(await this.costOf(entity, period)),
          status,
        ),
    );
    return answer.withStatus(status);
  }

  /**
   * An entity's cost without the allocation status, from three reads run together: the
   * daily rollup (totals and series), the grouped direct cost behind the breakdowns (whole
   * months from the keys' monthly sums, edge days from the facts) and the license cost
   * shares. Sums are scaled BigInts, not decimal.js, because a 365-day series is hundreds
   * of additions per request.
   */
  private async costOf(
    entity: Entity,
    period: EntityCostPeriod,
  ): Promise<Omit<EntityCostResponse, 'allocation'>> {
    const { store } = this.options;
    const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const query = { ancestorRef: entityRef, ...period };
    const { licenseCosts } = this.options;
    const [{ daily: dailyRows, detail: detailRows }, licenseRows] =
      await Promise.all([
        store.entityCostReads(query),
        licenseCosts
          ? licenseCosts.dailyLicenseCost(
              entityRef,
              period.from,
              period.to,
              period.basis,
            )
          : [],
      ]);

    // License cost follows the basis: amortized over each term, or paid on payment dates.
    // Each amount is added once per currency here; the main currency's sums are the
    // answer's totals too (every row lies in the period, so in one of its buckets).
    const directBy = new SumMap();
    const sharedBy = new SumMap();
    const licensesBy = new SumMap();
    for (const row of dailyRows) {
      directBy.add(row.currency, row.direct);
      sharedBy.add(row.currency, row.shared);
    }
    for (const row of licenseRows) {
      licensesBy.add(row.currency, row.amount);
    }
    const totalOf = (sums: SumMap, code: string | null) =>
      (code === null ? undefined : sums.get(code)) ?? new ExactSum();
    const byCurrency = new Map<string, ExactSum>();
    for (const sums of [directBy, sharedBy, licensesBy]) {
      for (const [code, sum] of sums.entries()) {
        byCurrency.set(
          code,
          (byCurrency.get(code) ?? new ExactSum()).addSum(sum),
        );
      }
    }
    const { currency, others } = mainCurrency(byCurrency.entries());

    const bucketOf = (day: string) =>
      period.granularity === 'day' ? day : day.slice(0, 7);
    const direct = new BucketSums();
    const shared = new BucketSums();
    for (const row of dailyRows) {
      if (row.currency !== currency) continue;
      const bucket = bucketOf(row.day);
      direct.add(bucket, row.direct);
      shared.add(bucket, row.shared);
    }
    const licenses = new BucketSums();
    for (const row of licenseRows) {
      if (row.currency === currency)
        licenses.add(bucketOf(row.day), row.amount);
    }
    const breakdowns = costBreakdowns(
      detailRows.filter(row => row.currency === currency),
    );

    const directTotal = totalOf(directBy, currency);
    const sharedTotal = totalOf(sharedBy, currency);
    const licensesTotal = totalOf(licensesBy, currency);
    const series = periodBuckets(
      period.from,
      period.to,
      period.granularity,
    ).map(date => {
      const dText = direct.text(date);
      const sText = shared.text(date);
      const lText = licenses.text(date);
      let total: string;
      if (sText === '0' && lText === '0') total = dText;
      else if (dText === '0' && lText === '0') total = sText;
      else total = ExactSum.of(dText, sText, lText).toString();
      return {
        date,
        total,
        direct: dText,
        shared: sText,
        licenses: lText,
      };
    });

    const annotations = mappingAnnotations(entity);
    const hasCost =
      dailyRows.length > 0 || detailRows.length > 0 || licenseRows.length > 0;
    const mapped = Object.keys(annotations).length > 0 || hasCost;

    return {
      entityRef,
      currency,
      from: period.from,
      to: period.to,
      basis: period.basis,
      granularity: period.granularity,
      total: new ExactSum()
        .addSum(directTotal)
        .addSum(sharedTotal)
        .addSum(licensesTotal)
        .toString(),
      direct: directTotal.toString(),
      shared: sharedTotal.toString(),
      licenses: licensesTotal.toString(),
      series,
      ...breakdowns,
      ...(others.length > 0 && { otherCurrencies: others }),
      mapping: {
        mapped,
        annotations,
        ...(!mapped && {
          suggestion: `${ANNOTATION_COST_TAGS}: application=${entity.metadata.name}`,
        }),
      },
    };
  }

  /** Allocated (direct plus split shared pools) and unallocated cost, overall and per billing account. */
  async coverage(period: CostPeriod): Promise<AllocationCoverageResponse> {
    const { store } = this.options;
    const [{ rows, splitPools }, allocation] = await Promise.all([
      store.coverageRows(period),
      this.allocationStatus(),
    ]);
    const total = new Totals();
    const allocated = new Totals();
    for (const row of rows) {
      const isAllocated =
        row.direct === 'y' ||
        (row.sharedPoolId !== null &&
          splitPools.has(key(row.sharedPoolId, row.day, row.currency)));
      for (const scope of ['', row.billingAccountId!]) {
        total.add(key(scope, row.currency), row.amount);
        if (isAllocated) {
          allocated.add(key(scope, row.currency), row.amount);
        }
      }
    }
    const totalsOf = (
      scope: string,
      currency: string | null,
    ): AllocationCoverageTotals => {
      const t = total.get(key(scope, currency));
      const a = allocated.get(key(scope, currency));
      return {
        currency,
        total: t.toFixed(),
        allocated: a.toFixed(),
        unallocated: t.minus(a).toFixed(),
        allocatedPercent: percent(a, t),
      };
    };
    const overall = new Totals();
    const accounts: Array<{ billingAccountId: string; currency: string }> = [];
    for (const [k, amount] of total.entries()) {
      const [scope, currency] = k.split('\u0000');
      if (scope === '') {
        overall.add(currency, amount);
      } else {
        accounts.push({ billingAccountId: scope, currency });
      }
    }
    const { currency, others } = mainCurrency(overall.entries());
    accounts.sort((a, b) =>
      a.billingAccountId === b.billingAccountId
        ? a.currency.localeCompare(b.currency)
        : a.billingAccountId.localeCompare(b.billingAccountId),
    );
    return {
      from: period.from,
      to: period.to,
      basis: period.basis,
      ...totalsOf('', currency),
      ...(others.length > 0 && { otherCurrencies: others }),
      byBillingAccount: accounts.map(a => ({
        billingAccountId: a.billingAccountId,
        ...totalsOf(a.billingAccountId, a.currency),
      })),
      allocation,
    };
  }
}
