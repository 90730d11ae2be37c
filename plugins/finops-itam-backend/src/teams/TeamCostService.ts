import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  TeamCostEntity,
  TeamCostResponse,
  TeamCurrencyTotal,
} from '@finops-itam/plugin-finops-itam-common';
import { Money, MoneyValue } from '../money';
import { MetricVolumeReader } from '../metrics/MetricVolumeReader';
import { unitMetricOf } from '../metrics/UnitCostService';
import { unitCost } from '../metrics/unitCostMath';
import {
  ComparedPeriods,
  EntityPeriodTotal,
  EntityPeriodTotals,
} from './EntityPeriodTotals';

/** The kinds whose cost a team page lists: what owners run, not the APIs or users they own. */
const OWNED_KINDS = ['Component', 'Resource', 'System'];

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
];

function percent(change: MoneyValue, previous: MoneyValue): number | null {
  if (previous.isZero()) {
    return null;
  }
  return change.div(previous).times(100).toDecimalPlaces(2).toNumber();
}

/**
 * The currency a team page is shown in: the group's largest in the current period, then in
 * the previous one; entities' amounts in other currencies are left out, never converted.
 */
function pickCurrency(
  groupRows: EntityPeriodTotal[],
  allRows: EntityPeriodTotal[],
): string | null {
  const rank = (rows: EntityPeriodTotal[]) =>
    [...rows].sort(
      (a, b) =>
        new Money(b.current).abs().cmp(new Money(a.current).abs()) ||
        new Money(b.previous).abs().cmp(new Money(a.previous).abs()) ||
        (a.currency < b.currency ? -1 : 1),
    );
  return rank(groupRows)[0]?.currency ?? rank(allRows)[0]?.currency ?? null;
}

/**
 * Each entity's amounts in currencies other than the page's, largest first: shown beside the
 * page's figures so no currency is dropped unsaid, and never converted or added to them.
 */
function otherCurrenciesByRef(
  rows: EntityPeriodTotal[],
  currency: string | null,
): Map<string, TeamCurrencyTotal[]> {
  const byRef = new Map<string, TeamCurrencyTotal[]>();
  for (const row of rows) {
    if (row.currency === currency) continue;
    if (new Money(row.current).isZero() && new Money(row.previous).isZero())
      continue;
    const list = byRef.get(row.entityRef) ?? [];
    list.push({
      currency: row.currency,
      total: new Money(row.current).toFixed(),
      previousTotal: new Money(row.previous).toFixed(),
    });
    byRef.set(row.entityRef, list);
  }
  for (const list of byRef.values()) {
    list.sort(
      (a, b) =>
        new Money(b.total).abs().cmp(new Money(a.total).abs()) ||
        (a.currency < b.currency ? -1 : 1),
    );
  }
  return byRef;
}

/**
 * A group's all-in cost and that of the components, resources and systems it owns, each
 * against the previous period of the same length, with unit costs side by side.
 */
export class TeamCostService {
  constructor(
    private readonly options: {
      totals: Pick<EntityPeriodTotals, 'totals'>;
      volumes: MetricVolumeReader;
      catalog: Pick<CatalogService, 'getEntityByRef' | 'getEntities'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
    },
  ) {}

  /** Throws NotFoundError when the catalog has no such group. */
  async teamCost(
    group: { namespace: string; name: string },
    periods: ComparedPeriods,
  ): Promise<TeamCostResponse> {
    const { totals, catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const groupEntity = await catalog.getEntityByRef(
      { kind: 'Group', namespace: group.namespace, name: group.name },
      { credentials },
    );
    if (!groupEntity) {
      throw new NotFoundError(
        `No group ${group.namespace}/${group.name} in the catalog; check the namespace and name`,
      );
    }
    const groupRef = stringifyEntityRef(groupEntity).toLocaleLowerCase('en-US');
    // relations.ownedBy is spec.owner resolved to a full ref, whatever shorthand the YAML used.
    // The owner key comes first: the in-memory catalog of tests stops at a key with a list.
    const { items } = await catalog.getEntities(
      {
        filter: { 'relations.ownedBy': groupRef, kind: OWNED_KINDS },
        fields: FIELDS,
      },
      { credentials },
    );
    const owned = items.map(entity => ({
      entity,
      ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    }));

    const rows = await totals.totals(
      [groupRef, ...owned.map(o => o.ref)],
      periods,
    );
    const currency = pickCurrency(
      rows.filter(row => row.entityRef === groupRef),
      rows,
    );
    const byRef = new Map(
      rows
        .filter(row => row.currency === currency)
        .map(row => [row.entityRef, row]),
    );
    const unitCosts = await this.unitCosts(owned, byRef, periods);
    const otherCurrencies = otherCurrenciesByRef(rows, currency);

    const entities: TeamCostEntity[] = owned.map(({ entity, ref }) => {
      const total = new Money(byRef.get(ref)?.current ?? 0);
      const previous = new Money(byRef.get(ref)?.previous ?? 0);
      const change = total.minus(previous);
      return {
        entityRef: ref,
        kind: entity.kind,
        name: entity.metadata.name,
        ...(entity.metadata.title && { title: entity.metadata.title }),
        total: total.toFixed(),
        previousTotal: previous.toFixed(),
        change: change.toFixed(),
        changePercent: percent(change, previous),
        unitCost: unitCosts.get(ref) ?? null,
        ...(otherCurrencies.has(ref) && {
          otherCurrencies: otherCurrencies.get(ref),
        }),
      };
    });
    entities.sort(
      (a, b) =>
        new Money(b.total).cmp(a.total) || (a.entityRef < b.entityRef ? -1 : 1),
    );

    const total = new Money(byRef.get(groupRef)?.current ?? 0);
    const previous = new Money(byRef.get(groupRef)?.previous ?? 0);
    const change = total.minus(previous);
    return {
      groupRef,
      currency,
      from: periods.from,
      to: periods.to,
      previousFrom: periods.previousFrom,
      previousTo: periods.from,
      total: total.toFixed(),
      previousTotal: previous.toFixed(),
      change: change.toFixed(),
      changePercent: percent(change, previous),
      entities,
      ...(otherCurrencies.has(groupRef) && {
        otherCurrencies: otherCurrencies.get(groupRef),
      }),
    };
  }

  /** Current-period unit cost of each owned entity that names a metric: one read per metric. */
  private async unitCosts(
    owned: Array<{ entity: Entity; ref: string }>,
    byRef: Map<string, EntityPeriodTotal>,
    periods: ComparedPeriods,
  ): Promise<Map<string, { metric: string; value: string | null }>> {
    const refsByMetric = new Map<string, string[]>();
    for (const { entity, ref } of owned) {
      const metric = unitMetricOf(entity.metadata.annotations);
      if (metric) {
        refsByMetric.set(metric, [...(refsByMetric.get(metric) ?? []), ref]);
      }
    }
    const result = new Map<string, { metric: string; value: string | null }>();
    await Promise.all(
      [...refsByMetric].map(async ([metric, refs]) => {
        const volumes = await this.options.volumes.volumes(
          metric,
          refs,
          periods.from,
          periods.to,
        );
        for (const ref of refs) {
          result.set(ref, {
            metric,
            value: unitCost(
              byRef.get(ref)?.current ?? '0',
              volumes.get(ref) ?? '0',
            ),
          });
        }
      }),
    );
    return result;
  }
}
