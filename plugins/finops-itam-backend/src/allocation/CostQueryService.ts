import { AuthService } from '@backstage/backend-plugin-api';
import { CompoundEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
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
  CurrencyTotal,
  EntityCostResponse,
} from '@finops-itam/plugin-finops-itam-common';
import { DatabaseAllocationStore } from '../database/DatabaseAllocationStore';
import { Money, MoneyValue } from '../ingestion/money';

const MAPPING_ANNOTATIONS = [
  ANNOTATION_COST_TAGS,
  ANNOTATION_COST_INSIGHTS_TAGS,
  ANNOTATION_COST_RESOURCES,
  ANNOTATION_COST_ACCOUNTS,
];

/** A run still marked running after this long died with its replica. */
const STALE_RUN_MS = 2 * 60 * 60 * 1000;

/** A half-open period of days and how to read it. */
export interface CostPeriod {
  from: string;
  to: string;
  basis: CostBasis;
}

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

/** The currency with the largest total (by magnitude, then name) and the others. */
function pickCurrency(totals: Totals): {
  currency: string | null;
  others: CurrencyTotal[];
} {
  const sorted = totals
    .entries()
    .sort(([a, x], [b, y]) => y.abs().cmp(x.abs()) || (a < b ? -1 : 1));
  if (sorted.length === 0) {
    return { currency: null, others: [] };
  }
  return {
    currency: sorted[0][0],
    others: sorted.slice(1).map(([currency, total]) => ({ currency, total: total.toFixed() })),
  };
}

function percent(part: MoneyValue, total: MoneyValue): number | null {
  if (total.isZero()) {
    return null;
  }
  return part.div(total).times(100).toDecimalPlaces(2).toNumber();
}

/** Every bucket of `[from, to)`: days as `YYYY-MM-DD`, months as `YYYY-MM`. */
export function periodBuckets(from: string, to: string, granularity: CostGranularity): string[] {
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
  return buckets;
}

const key = (...parts: Array<string | null>) => parts.map(p => p ?? '').join('\u0000');

/**
 * Answers cost questions from allocated facts: an entity's cost over its rollup, and how
 * much of the total is allocated. Currencies are never added together.
 */
export class CostQueryService {
  constructor(
    private readonly options: {
      store: DatabaseAllocationStore;
      catalog: Pick<CatalogService, 'getEntityByRef'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      now?: () => Date;
    },
  ) {}

  async allocationStatus(): Promise<AllocationStatus> {
    const { store } = this.options;
    const run = await store.latestRun();
    if (!run) {
      return { state: 'never-run', lastRunAt: null };
    }
    const now = (this.options.now ?? (() => new Date()))().getTime();
    const running =
      (run.status === 'running' && now - Date.parse(run.startedAt) < STALE_RUN_MS) ||
      (await store.hasUnallocatedFacts());
    return {
      state: running ? 'running' : 'current',
      lastRunAt: run.finishedAt ?? run.startedAt,
    };
  }

  /** Throws NotFoundError when the catalog does not know the entity. */
  async entityCost(
    ref: CompoundEntityRef,
    period: CostPeriod & { granularity: CostGranularity },
  ): Promise<EntityCostResponse> {
    const { store, catalog, auth } = this.options;
    const entity = await catalog.getEntityByRef(ref, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog; check the kind, namespace and name`,
      );
    }
    const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const query = { ancestorRef: entityRef, ...period };
    // Totals and series from the daily rollup (one row per day and currency); the
    // breakdowns by service and charge category from the facts, without the day.
    const [dailyRows, breakdownRows, allocation] = await Promise.all([
      store.entityDailyCost(query),
      store.directCostBreakdown(query),
      this.allocationStatus(),
    ]);

    const byCurrency = new Totals();
    for (const row of dailyRows) {
      byCurrency.add(row.currency, row.direct);
      byCurrency.add(row.currency, row.shared);
    }
    const { currency, others } = pickCurrency(byCurrency);

    const bucketOf = (day: string) => (period.granularity === 'day' ? day : day.slice(0, 7));
    const direct = new Totals();
    const shared = new Totals();
    for (const row of dailyRows) {
      if (row.currency !== currency) continue;
      direct.add(bucketOf(row.day), row.direct);
      shared.add(bucketOf(row.day), row.shared);
    }
    const services = new Totals();
    const serviceInfo = new Map<string, { serviceName: string | null; serviceCategory: string | null }>();
    const categories = new Totals();
    for (const row of breakdownRows) {
      if (row.currency !== currency) continue;
      const serviceKey = key(row.serviceName, row.serviceCategory);
      services.add(serviceKey, row.amount);
      serviceInfo.set(serviceKey, {
        serviceName: row.serviceName,
        serviceCategory: row.serviceCategory,
      });
      categories.add(row.chargeCategory!, row.amount);
    }

    let directTotal = new Money(0);
    let sharedTotal = new Money(0);
    const series = periodBuckets(period.from, period.to, period.granularity).map(date => {
      const d = direct.get(date);
      const s = shared.get(date);
      directTotal = directTotal.plus(d);
      sharedTotal = sharedTotal.plus(s);
      return {
        date,
        total: d.plus(s).toFixed(),
        direct: d.toFixed(),
        shared: s.toFixed(),
        licenses: '0',
      };
    });
    const byTotalDesc = <T extends { total: MoneyValue }>(a: T & { label: string }, b: T & { label: string }) =>
      b.total.cmp(a.total) || (a.label < b.label ? -1 : 1);

    const annotations = Object.fromEntries(
      MAPPING_ANNOTATIONS.filter(k => entity.metadata.annotations?.[k] !== undefined).map(k => [
        k,
        entity.metadata.annotations![k],
      ]),
    );
    const hasCost = dailyRows.length > 0 || breakdownRows.length > 0;
    const mapped = Object.keys(annotations).length > 0 || hasCost;

    return {
      entityRef,
      currency,
      from: period.from,
      to: period.to,
      basis: period.basis,
      granularity: period.granularity,
      total: directTotal.plus(sharedTotal).toFixed(),
      direct: directTotal.toFixed(),
      shared: sharedTotal.toFixed(),
      licenses: '0',
      series,
      byService: services
        .entries()
        .map(([label, total]) => ({ label, total }))
        .sort(byTotalDesc)
        .map(({ label, total }) => ({ ...serviceInfo.get(label)!, total: total.toFixed() })),
      byChargeCategory: categories
        .entries()
        .map(([label, total]) => ({ label, total }))
        .sort(byTotalDesc)
        .map(({ label, total }) => ({ chargeCategory: label, total: total.toFixed() })),
      ...(others.length > 0 && { otherCurrencies: others }),
      mapping: {
        mapped,
        annotations,
        ...(!mapped && {
          suggestion: `${ANNOTATION_COST_TAGS}: application=${entity.metadata.name}`,
        }),
      },
      allocation,
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
    const totalsOf = (scope: string, currency: string | null): AllocationCoverageTotals => {
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
    const { currency, others } = pickCurrency(overall);
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
