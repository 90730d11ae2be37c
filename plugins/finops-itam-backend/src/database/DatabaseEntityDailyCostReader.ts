import { Knex } from 'knex';
import { ExactSum, trimDecimal } from '../money';
import { databaseKindOf } from './databaseKind';
import {
  DailyCostDays,
  EntityDailyCostReader,
  EntityDailyTotals,
  EntityDayBreakdown,
} from './EntityDailyCostReader';
import { sumAmountsBy } from './sumAmountsBy';
import {
  ALLOCATION_KEYS_TABLE,
  COST_FACTS_TABLE,
  ENTITY_DAILY_COST_TABLE,
  ROLLUP_MEMBERS_TABLE,
} from './tables';

/** Refs per `whereIn`: within both engines' limits on bound parameters. */
const PER_QUERY = 500;
/** What a fact without a service or resource is listed as among the drivers. */
const NO_SERVICE = '(no service)';
const NO_RESOURCE = '(no resource)';

/**
 * {@link EntityDailyCostReader} on the plugin database. Totals come from the rollup, whose
 * primary key (entity, day, currency, basis) keeps each entity's days together (clustered on
 * SQLite), so a batch of entities is a few range reads. The sum of direct and shared is
 * exact: numeric on PostgreSQL, and on SQLite (text amounts) added here only on days that
 * have shared cost.
 */
export class DatabaseEntityDailyCostReader implements EntityDailyCostReader {
  private readonly isPostgres: boolean;

  constructor(private readonly db: Knex) {
    this.isPostgres = databaseKindOf(db) === 'postgres';
  }

  async latestCostDay(): Promise<string | null> {
    const row = await this.db(ENTITY_DAILY_COST_TABLE)
      .where('basis', 'amortized')
      .max({ day: 'day' })
      .first();
    return (row?.day as string | null | undefined) ?? null;
  }

  async entitiesWithCost(
    kinds: readonly string[],
    days: DailyCostDays,
  ): Promise<string[]> {
    if (kinds.length === 0) return [];
    const rows: Array<{ entity_ref: string }> = await this.db(
      ENTITY_DAILY_COST_TABLE,
    )
      .distinct('entity_ref')
      .where('basis', 'amortized')
      .where('day', '>=', days.from)
      .where('day', '<', days.to)
      .where(query => {
        for (const kind of kinds) {
          query.orWhere('entity_ref', 'like', `${kind}:%`);
        }
      })
      .orderBy('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  async dailyTotals(
    entityRefs: readonly string[],
    days: DailyCostDays,
  ): Promise<EntityDailyTotals[]> {
    const series = new Map<string, EntityDailyTotals>();
    for (let i = 0; i < entityRefs.length; i += PER_QUERY) {
      const query = this.db(ENTITY_DAILY_COST_TABLE)
        .whereIn('entity_ref', entityRefs.slice(i, i + PER_QUERY))
        .where('basis', 'amortized')
        .where('day', '>=', days.from)
        .where('day', '<', days.to)
        .orderBy(['entity_ref', 'currency', 'day']);
      const rows: Array<{
        entity_ref: string;
        currency: string;
        day: string;
        amount?: string;
        direct?: string;
        shared?: string;
      }> = this.isPostgres
        ? await query.select(
            'entity_ref',
            'currency',
            'day',
            this.db.raw('(direct + shared)::text as amount'),
          )
        : await query.select(
            'entity_ref',
            'currency',
            'day',
            'direct',
            'shared',
          );
      for (const row of rows) {
        const key = `${row.entity_ref}\u0000${row.currency}`;
        let entry = series.get(key);
        if (!entry) {
          entry = {
            entityRef: row.entity_ref,
            currency: row.currency,
            days: [],
          };
          series.set(key, entry);
        }
        entry.days.push({ day: row.day, amount: amountOf(row) });
      }
    }
    return [...series.values()];
  }

  async dailyBreakdowns(
    entityRefs: readonly string[],
    days: DailyCostDays,
  ): Promise<Map<string, EntityDayBreakdown[]>> {
    const { db } = this;
    const byEntity = new Map<string, Map<string, DaySums>>();
    for (let i = 0; i < entityRefs.length; i += PER_QUERY) {
      const rows = await sumAmountsBy(
        db,
        db(`${ALLOCATION_KEYS_TABLE} as k`)
          .join(
            `${ROLLUP_MEMBERS_TABLE} as r`,
            'r.member_ref',
            'k.allocated_entity_ref',
          )
          .join(`${COST_FACTS_TABLE} as f`, 'f.allocation_key', 'k.key')
          .whereIn('r.ancestor_ref', entityRefs.slice(i, i + PER_QUERY))
          .where('f.day', '>=', days.from)
          .where('f.day', '<', days.to),
        {
          entityRef: 'r.ancestor_ref',
          day: 'f.day',
          currency: 'f.currency',
          serviceName: 'k.service_name',
          resourceId: 'k.resource_id',
          resourceName: 'k.resource_name',
        },
        'f.effective_cost',
      );
      for (const row of rows) {
        let entityDays = byEntity.get(row.entityRef!);
        if (!entityDays) {
          entityDays = new Map();
          byEntity.set(row.entityRef!, entityDays);
        }
        const key = `${row.day}\u0000${row.currency}`;
        let entry = entityDays.get(key);
        if (!entry) {
          entry = {
            day: row.day!,
            currency: row.currency!,
            services: new Map(),
            resources: new Map(),
          };
          entityDays.set(key, entry);
        }
        addTo(entry.services, row.serviceName ?? NO_SERVICE, row.amount);
        addTo(
          entry.resources,
          row.resourceName ?? row.resourceId ?? NO_RESOURCE,
          row.amount,
        );
      }
    }
    const result = new Map<string, EntityDayBreakdown[]>();
    for (const [entityRef, entityDays] of byEntity) {
      result.set(
        entityRef,
        [...entityDays.values()]
          .map(entry => ({
            day: entry.day,
            currency: entry.currency,
            byService: record(entry.services),
            byResource: record(entry.resources),
          }))
          .sort(
            (a, b) =>
              a.day.localeCompare(b.day) ||
              a.currency.localeCompare(b.currency),
          ),
      );
    }
    return result;
  }
}

/** One entity-day's exact sums per service and per resource. */
interface DaySums {
  day: string;
  currency: string;
  services: Map<string, ExactSum>;
  resources: Map<string, ExactSum>;
}

function addTo(sums: Map<string, ExactSum>, name: string, amount: string) {
  const sum = sums.get(name) ?? new ExactSum();
  sums.set(name, sum.add(amount));
}

function record(sums: Map<string, ExactSum>): Record<string, string> {
  return Object.fromEntries(
    [...sums].map(([name, sum]) => [name, sum.toString()]),
  );
}

function amountOf(row: { amount?: string; direct?: string; shared?: string }) {
  if (row.amount !== undefined) return trimDecimal(row.amount);
  const shared = trimDecimal(row.shared ?? '0');
  if (shared === '0') return trimDecimal(row.direct ?? '0');
  return new ExactSum()
    .add(trimDecimal(row.direct ?? '0'))
    .add(shared)
    .toString();
}
