import { AuthService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_UNIT_METRIC,
  CostGranularity,
  UnitCostResponse,
  parseUnitMetricAnnotation,
} from '@finops-itam/plugin-finops-itam-common';
import { CostPeriod, CostQueryService } from '../allocation/CostQueryService';
import { Money } from '../money';
import { MetricStore } from './MetricStore';
import { unitCost } from './unitCostMath';

/** The metric an entity's `finops-itam.io/unit-metric` names; null when absent or malformed. */
export function unitMetricOf(
  annotations: Record<string, string> | undefined,
): string | null {
  const raw = annotations?.[ANNOTATION_UNIT_METRIC];
  if (raw === undefined) {
    return null;
  }
  // A malformed value is already a processing error on the entity (catalog module).
  const parsed = parseUnitMetricAnnotation(raw);
  return parsed.ok ? parsed.value : null;
}

/**
 * Unit cost of an entity: its all-in cost, exactly as `GET .../cost` reports it, divided by
 * the volume of the business metric its annotation names, per bucket and over the period.
 * The series is in the main currency; cost in other currencies gets a unit cost of its own
 * over the period.
 */
export class UnitCostService {
  constructor(
    private readonly options: {
      costQueries: Pick<CostQueryService, 'entityCost'>;
      volumes: Pick<MetricStore, 'dailyVolumes'>;
      catalog: Pick<CatalogService, 'getEntityByRef'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
    },
  ) {}

  /** Throws NotFoundError when the catalog does not know the entity. */
  async unitCost(
    ref: CompoundEntityRef,
    period: CostPeriod & { granularity: CostGranularity },
  ): Promise<UnitCostResponse> {
    const { costQueries, volumes, catalog, auth } = this.options;
    const entity = await catalog.getEntityByRef(ref, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(
          ref,
        )} in the catalog; check the kind, namespace and name`,
      );
    }
    const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const metric = unitMetricOf(entity.metadata.annotations);
    const [cost, daily] = await Promise.all([
      costQueries.entityCost(ref, period),
      metric
        ? volumes.dailyVolumes(metric, entityRef, period.from, period.to)
        : Promise.resolve([]),
    ]);

    const bucketOf = (day: string) =>
      period.granularity === 'day' ? day : day.slice(0, 7);
    const volumeByBucket = new Map<string, InstanceType<typeof Money>>();
    for (const { day, value } of daily) {
      const bucket = bucketOf(day);
      volumeByBucket.set(
        bucket,
        (volumeByBucket.get(bucket) ?? new Money(0)).plus(value),
      );
    }

    let totalVolume = new Money(0);
    const series = cost.series.map(point => {
      const volume = volumeByBucket.get(point.date) ?? new Money(0);
      totalVolume = totalVolume.plus(volume);
      return {
        date: point.date,
        allInCost: point.total,
        volume: volume.toFixed(),
        unitCost: metric ? unitCost(point.total, volume) : null,
      };
    });
    // Cost in other currencies is never added to `currency`'s: each gets its own unit cost
    // over the period, so none is silently left out.
    const otherCurrencies = (cost.otherCurrencies ?? []).map(other => ({
      currency: other.currency,
      allInCost: other.total,
      unitCost: metric ? unitCost(other.total, totalVolume) : null,
    }));
    return {
      entityRef,
      metric,
      currency: cost.currency,
      from: cost.from,
      to: cost.to,
      allInCost: cost.total,
      volume: totalVolume.toFixed(),
      unitCost: metric ? unitCost(cost.total, totalVolume) : null,
      series,
      ...(otherCurrencies.length > 0 && { otherCurrencies }),
    };
  }
}
