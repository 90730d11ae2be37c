import { Knex } from 'knex';
import { COST_FACTS_TABLE, DbCostFactsRow } from '../../database/tables';
import { instanceTypeKey } from '../../licenses/instanceTypes';
import { ExactSum, Money, normalizeAmount } from '../../money';
import { ObservedUnitPrice } from '../checks/types';
import { ObservedPriceQuery, ObservedPriceStore } from './ObservedPriceStore';
import { sameProvider } from './providerNames';

/**
 * A LIKE pattern for an instance type key: `%` and `\` escaped; `_` left as LIKE's
 * any-character, since the key's underscores stand for a space or an underscore in the
 * name (`Standard D4s v5` and `Standard_D4s_v5` are both `d4s_v5`).
 */
const likeKey = (key: string) => key.replace(/[\\%]/g, c => `\\${c}`);

/** An instance runs at most 24 hours a day: more in a resource-day means the unit is not hours. */
const HOURS_PER_DAY = 24;

/** Decimal places of a price per hour; the division rarely ends. */
const PRICE_PLACES = 10;

type PriceRow = Pick<
  DbCostFactsRow,
  | 'day'
  | 'provider_name'
  | 'region_id'
  | 'resource_id'
  | 'currency'
  | 'effective_cost'
  | 'consumed_quantity'
  | 'sku_price_details'
>;

/** The instance type a row's SkuPriceDetails names, as license counting reads it. */
function instanceTypeOf(details: string | null): string | null {
  if (!details) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  for (const field of ['InstanceType', 'x_InstanceType']) {
    const value = (parsed as Record<string, unknown>)[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

interface PriceGroup {
  provider: string;
  instanceType: string;
  region: string | null;
  currency: string;
  cost: ExactSum;
  hours: ExactSum;
  rows: number;
  firstDay: string;
  lastDay: string;
  /** Consumed quantity per resource and day, to tell hours from other units. */
  perResourceDay: Map<string, ExactSum>;
}

/**
 * Observed prices over the cost facts: per requested provider and instance type, region
 * and currency, the effective cost per instance-hour = Σ EffectiveCost / Σ ConsumedQuantity
 * over the Usage rows of that type (unused commitments left out), so discounts and
 * commitments the organisation gets are in the price. The instance type is read from
 * SkuPriceDetails (`InstanceType`, `x_InstanceType`), as license counting reads it.
 *
 * Cost facts do not keep `ConsumedUnit`, so the quantity is taken as hours only while no
 * resource consumes more than 24 of it in a day; a type billed in another unit is left out
 * rather than priced wrongly.
 */
export class DatabaseObservedPriceStore implements ObservedPriceStore {
  constructor(private readonly db: Knex) {}

  async recentPrices(query: ObservedPriceQuery): Promise<ObservedUnitPrice[]> {
    const wanted = query.instanceTypes.map(t => ({
      ...t,
      key: instanceTypeKey(t.instanceType),
    }));
    const keys = [...new Set(wanted.map(t => t.key))].filter(k => k !== '');
    if (keys.length === 0) return [];
    const rows: PriceRow[] = await this.db(COST_FACTS_TABLE)
      .select(
        'day',
        'provider_name',
        'region_id',
        'resource_id',
        'currency',
        'effective_cost',
        'consumed_quantity',
        'sku_price_details',
      )
      .where('charge_category', 'Usage')
      .andWhere('day', '>=', query.from)
      .andWhere('day', '<', query.to)
      .andWhere(q =>
        q
          .whereNull('commitment_discount_status')
          .orWhereNot('commitment_discount_status', 'Unused'),
      )
      .andWhere(q => {
        // A coarse filter in SQL; the type is matched exactly below.
        for (const key of keys) {
          q.orWhereRaw("LOWER(sku_price_details) LIKE ? ESCAPE '\\'", [
            `%${likeKey(key)}%`,
          ]);
        }
      });
    const groups = new Map<string, PriceGroup>();
    for (const row of rows) {
      const type = instanceTypeOf(row.sku_price_details);
      if (!type) continue;
      const key = instanceTypeKey(type);
      for (const w of wanted) {
        if (w.key !== key || !sameProvider(w.provider, row.provider_name))
          continue;
        this.add(groups, w, row);
      }
    }
    return [...groups.values()].flatMap(group => this.priceOf(group));
  }

  private add(
    groups: Map<string, PriceGroup>,
    wanted: { provider: string; instanceType: string },
    row: PriceRow,
  ) {
    const id = JSON.stringify([
      wanted.provider,
      wanted.instanceType,
      row.region_id,
      row.currency,
    ]);
    let group = groups.get(id);
    if (!group) {
      group = {
        provider: wanted.provider,
        instanceType: wanted.instanceType,
        region: row.region_id,
        currency: row.currency,
        cost: new ExactSum(),
        hours: new ExactSum(),
        rows: 0,
        firstDay: row.day,
        lastDay: row.day,
        perResourceDay: new Map(),
      };
      groups.set(id, group);
    }
    const quantity = normalizeAmount(row.consumed_quantity);
    group.cost.add(normalizeAmount(row.effective_cost));
    group.hours.add(quantity);
    group.rows += 1;
    if (row.day < group.firstDay) group.firstDay = row.day;
    if (row.day > group.lastDay) group.lastDay = row.day;
    if (row.resource_id) {
      const resourceDay = `${row.resource_id}\u0000${row.day}`;
      const sum = group.perResourceDay.get(resourceDay) ?? new ExactSum();
      group.perResourceDay.set(resourceDay, sum.add(quantity));
    }
  }

  private priceOf(group: PriceGroup): ObservedUnitPrice[] {
    const limit = ExactSum.of(HOURS_PER_DAY);
    const notHours = [...group.perResourceDay.values()].some(
      sum => sum.compare(limit) > 0,
    );
    const hours = new Money(group.hours.toString());
    if (notHours || !hours.isPositive()) return [];
    const cost = group.cost.toString();
    const perHour = new Money(cost).div(hours);
    return [
      {
        provider: group.provider,
        instanceType: group.instanceType,
        region: group.region,
        perHour: perHour.toDecimalPlaces(PRICE_PLACES).toFixed(),
        currency: group.currency,
        basis: `EffectiveCost / ConsumedQuantity of ${group.rows} Usage row${
          group.rows === 1 ? '' : 's'
        }, ${group.firstDay}..${group.lastDay}: ${cost} ${
          group.currency
        } / ${hours.toFixed()} h (ConsumedQuantity taken as hours: no resource above ${HOURS_PER_DAY} a day)`,
      },
    ];
  }
}
