import { parseEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  UnitEconomicsLine,
  UnitEconomicsResponse,
} from '@finops-itam/plugin-finops-itam-common';
import { UnitCostService } from '../metrics/UnitCostService';
import { Money } from '../money';
import { MeteredEntityReader } from './MeteredEntityReader';

/** Entities whose unit cost is computed at once; each is a catalog lookup and a cost query. */
const CONCURRENCY = 4;

/**
 * Lines in one currency stay together (unit costs in two currencies are not comparable):
 * the currency with the most lines first, then the highest unit cost first, lines without
 * a unit cost (no volume) last.
 */
function byCurrencyThenUnitCost(lines: UnitEconomicsLine[]) {
  const count = new Map<string, number>();
  for (const line of lines) {
    count.set(line.currency, (count.get(line.currency) ?? 0) + 1);
  }
  return (a: UnitEconomicsLine, b: UnitEconomicsLine) => {
    if (a.currency !== b.currency) {
      return (
        count.get(b.currency)! - count.get(a.currency)! ||
        a.currency.localeCompare(b.currency)
      );
    }
    if (a.unitCost === null || b.unitCost === null) {
      return (
        Number(a.unitCost === null) - Number(b.unitCost === null) ||
        a.entityRef.localeCompare(b.entityRef)
      );
    }
    return (
      new Money(b.unitCost).cmp(a.unitCost) ||
      a.entityRef.localeCompare(b.entityRef)
    );
  };
}

/**
 * Unit economics across services: the all-in unit cost of every entity that reported a
 * business metric in the period, each computed by the unit cost service exactly as
 * `GET .../unit-cost` answers it, one line per currency of its cost.
 */
export class UnitEconomicsService {
  constructor(
    private readonly options: {
      entities: MeteredEntityReader;
      unitCosts: Pick<UnitCostService, 'unitCost'>;
    },
  ) {}

  async unitEconomics(period: {
    from: string;
    to: string;
  }): Promise<UnitEconomicsResponse> {
    const refs = await this.options.entities.meteredEntities(
      period.from,
      period.to,
    );
    const lines: UnitEconomicsLine[] = [];
    for (let i = 0; i < refs.length; i += CONCURRENCY) {
      const batch = await Promise.all(
        refs.slice(i, i + CONCURRENCY).map(ref => this.linesOf(ref, period)),
      );
      lines.push(...batch.flat());
    }
    return {
      from: period.from,
      to: period.to,
      items: lines.sort(byCurrencyThenUnitCost(lines)),
    };
  }

  private async linesOf(
    ref: string,
    period: { from: string; to: string },
  ): Promise<UnitEconomicsLine[]> {
    let answer;
    try {
      answer = await this.options.unitCosts.unitCost(parseEntityRef(ref), {
        ...period,
        basis: 'amortized',
        granularity: 'month',
      });
    } catch (error) {
      // Metric values may name an entity the catalog no longer has: it has no cost either.
      if (error instanceof NotFoundError) return [];
      throw error;
    }
    // Without a `finops-itam.io/unit-metric` annotation the entity names no unit to divide
    // by; without any cost in the period there is no currency to state a unit cost in.
    if (answer.metric === null || answer.currency === null) return [];
    const line = {
      entityRef: answer.entityRef,
      metric: answer.metric,
      // Business metrics carry no unit of their own yet: the metric name is the unit.
      unit: null,
      volume: answer.volume,
    };
    return [
      {
        ...line,
        currency: answer.currency,
        allInCost: answer.allInCost,
        unitCost: answer.unitCost,
      },
      ...(answer.otherCurrencies ?? []).map(other => ({
        ...line,
        currency: other.currency,
        allInCost: other.allInCost,
        unitCost: other.unitCost,
      })),
    ];
  }
}
