import { LicenseEntitlement } from '@finops-itam/plugin-finops-itam-common';
import { Knex } from 'knex';
import { normalizeAmount } from '../money';
import {
  CostReportStore,
  DailyLicenseAmount,
  DayRange,
  EntityAmount,
  ResourceTagState,
  StoredLicenseShare,
  UnallocatedResourceCost,
} from './CostReportStore';
import { databaseKindOf } from './databaseKind';
import { ComparedPeriods, EntityPeriodTotal, PeriodSums } from './periodTotals';
import { sumAmountsBy } from './sumAmountsBy';
import {
  ALLOCATED_FACTS_VIEW,
  DbEntityDailyCostRow,
  DbLicenseDailyCostRow,
  DbRollupMembersRow,
  ENTITY_DAILY_COST_TABLE,
  LICENSE_DAILY_COST_TABLE,
  LICENSE_ENTITLEMENTS_TABLE,
  ROLLUP_MEMBERS_TABLE,
  SHARED_ALLOCATIONS_TABLE,
} from './tables';

/** Pairs and refs per query: within both engines' limits on bound parameters. */
const PER_QUERY = 400;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Rows of the given summed groups, with the grouped columns known not to be null. */
type Summed<K extends string> = Record<K, string> & { amount: string };

/** CostReportStore over the plugin database (SQL sums on PostgreSQL, exact sums in JavaScript on SQLite). */
export class DatabaseCostReportStore implements CostReportStore {
  private readonly isPostgres: boolean;

  constructor(private readonly db: Knex) {
    this.isPostgres = databaseKindOf(db) === 'postgres';
  }

  async allocatedCostByEntity(days: DayRange): Promise<EntityAmount[]> {
    const { db } = this;
    return (await sumAmountsBy(
      db,
      db(ALLOCATED_FACTS_VIEW)
        .whereNotNull('allocated_entity_ref')
        .where('day', '>=', days.from)
        .where('day', '<', days.to),
      { entityRef: 'allocated_entity_ref', currency: 'currency' },
      'effective_cost',
    )) as Summed<'entityRef' | 'currency'>[];
  }

  async sharedCostByTarget(
    days: DayRange,
  ): Promise<Array<EntityAmount & { poolId: string | null }>> {
    const { db } = this;
    return (await sumAmountsBy(
      db,
      db(SHARED_ALLOCATIONS_TABLE)
        .where('basis', 'amortized')
        .where('day', '>=', days.from)
        .where('day', '<', days.to),
      { entityRef: 'target_ref', currency: 'currency', poolId: 'pool_id' },
      'amount',
    )) as Array<EntityAmount & { poolId: string | null }>;
  }

  async licenseCostByEntity(days: DayRange): Promise<EntityAmount[]> {
    const { db } = this;
    return (await sumAmountsBy(
      db,
      db(LICENSE_DAILY_COST_TABLE)
        .where('day', '>=', days.from)
        .where('day', '<', days.to),
      { entityRef: 'entity_ref', currency: 'currency' },
      'amount',
    )) as Summed<'entityRef' | 'currency'>[];
  }

  async unallocatedCostByResource(
    days: DayRange,
  ): Promise<UnallocatedResourceCost[]> {
    const { db } = this;
    return (await sumAmountsBy(
      db,
      db(`${ALLOCATED_FACTS_VIEW} as f`)
        .whereNull('f.allocated_entity_ref')
        .where('f.day', '>=', days.from)
        .where('f.day', '<', days.to)
        .where(q =>
          q
            .whereNull('f.shared_pool_id')
            .orWhereNotExists(
              db(`${SHARED_ALLOCATIONS_TABLE} as s`)
                .select(db.raw('1'))
                .whereRaw('?? = ??', ['s.pool_id', 'f.shared_pool_id'])
                .whereRaw('?? = ??', ['s.day', 'f.day'])
                .whereRaw('?? = ??', ['s.currency', 'f.currency'])
                .where('s.basis', 'amortized'),
            ),
        ),
      {
        resourceId: 'f.resource_id',
        resourceName: 'f.resource_name',
        serviceName: 'f.service_name',
        subAccountId: 'f.sub_account_id',
        billingAccountId: 'f.billing_account_id',
        currency: 'f.currency',
      },
      'f.effective_cost',
    )) as UnallocatedResourceCost[];
  }

  async resourceTagStates(days: DayRange): Promise<ResourceTagState[]> {
    const rows: Array<{
      resource_id: string | null;
      resource_name: string | null;
      tags: string | null;
      allocated_entity_ref: string | null;
      last_day: string;
    }> = await this.db(ALLOCATED_FACTS_VIEW)
      .where('day', '>=', days.from)
      .where('day', '<', days.to)
      .groupBy('resource_id', 'resource_name', 'tags', 'allocated_entity_ref')
      .select('resource_id', 'resource_name', 'tags', 'allocated_entity_ref')
      .max({ last_day: 'day' });
    return rows.map(row => ({
      resourceId: row.resource_id,
      resourceName: row.resource_name,
      tags: row.tags,
      allocatedEntityRef: row.allocated_entity_ref,
      lastDay: String(row.last_day),
    }));
  }

  async rollupPeriodTotals(
    entityRefs: readonly string[],
    periods: ComparedPeriods,
  ): Promise<EntityPeriodTotal[]> {
    const query = this.db(ENTITY_DAILY_COST_TABLE)
      .whereIn('entity_ref', entityRefs)
      .where('basis', periods.basis)
      .where('day', '>=', periods.previousFrom)
      .where('day', '<', periods.to);
    if (this.isPostgres) {
      const rows: Array<
        Pick<DbEntityDailyCostRow, 'entity_ref' | 'currency'> & {
          current: string;
          previous: string;
        }
      > = await query
        .groupBy('entity_ref', 'currency')
        .select(
          'entity_ref',
          'currency',
          this.db.raw(
            'SUM(CASE WHEN day >= ? THEN direct + shared ELSE 0 END)::text AS current',
            [periods.from],
          ),
          this.db.raw(
            'SUM(CASE WHEN day < ? THEN direct + shared ELSE 0 END)::text AS previous',
            [periods.from],
          ),
        );
      return rows.map(row => ({
        entityRef: row.entity_ref,
        currency: row.currency,
        current: normalizeAmount(row.current),
        previous: normalizeAmount(row.previous),
      }));
    }
    // SQLite has no exact decimal SUM. Rather than one row per entity and day through the
    // driver (the slow part for a year of a large team), SQLite groups the amounts per
    // entity, currency and period into one space-separated list, added exactly here.
    const rows: Array<
      Pick<DbEntityDailyCostRow, 'entity_ref' | 'currency'> & {
        is_current: number;
        amounts: string;
      }
    > = await query
      .groupBy('entity_ref', 'currency', 'is_current')
      .select(
        'entity_ref',
        'currency',
        this.db.raw('day >= ? AS is_current', [periods.from]),
        this.db.raw("group_concat(direct || ' ' || shared, ' ') AS amounts"),
      );
    const sums = new PeriodSums();
    for (const row of rows) {
      const target = sums.of(row.entity_ref, row.currency, !!row.is_current);
      for (const amount of row.amounts.split(' ')) {
        target.add(amount);
      }
    }
    return sums.totals();
  }

  async rollupLicensePeriodTotals(
    entityRefs: readonly string[],
    periods: ComparedPeriods,
  ): Promise<EntityPeriodTotal[]> {
    // Few rows per entity, summed here exactly: SQLite keeps amounts as text.
    const rows: Array<
      Pick<DbLicenseDailyCostRow, 'currency' | 'day' | 'amount'> &
        Pick<DbRollupMembersRow, 'ancestor_ref'>
    > = await this.db(`${LICENSE_DAILY_COST_TABLE} as l`)
      .join(`${ROLLUP_MEMBERS_TABLE} as m`, 'm.member_ref', 'l.entity_ref')
      .whereIn('m.ancestor_ref', entityRefs)
      .where('l.day', '>=', periods.previousFrom)
      .where('l.day', '<', periods.to)
      .select('m.ancestor_ref', 'l.currency', 'l.day', 'l.amount');
    const sums = new PeriodSums();
    for (const row of rows) {
      sums
        .of(row.ancestor_ref, row.currency, row.day >= periods.from)
        .add(normalizeAmount(row.amount));
    }
    return sums.totals();
  }

  async rollupLicenseShares(
    ancestorRef: string,
    days: DayRange,
  ): Promise<DailyLicenseAmount[]> {
    const rows: Array<
      Pick<DbLicenseDailyCostRow, 'day' | 'currency' | 'amount'>
    > = await this.db(`${LICENSE_DAILY_COST_TABLE} as l`)
      .join(`${ROLLUP_MEMBERS_TABLE} as m`, 'm.member_ref', 'l.entity_ref')
      .where('m.ancestor_ref', lower(ancestorRef))
      .andWhere('l.day', '>=', days.from)
      .andWhere('l.day', '<', days.to)
      .select('l.day', 'l.currency', 'l.amount');
    return rows.map(row => ({
      day: row.day,
      currency: row.currency,
      amount: normalizeAmount(row.amount),
    }));
  }

  async entitlements(): Promise<LicenseEntitlement[]> {
    const rows: Array<{ definition: string }> = await this.db(
      LICENSE_ENTITLEMENTS_TABLE,
    ).select('definition');
    return rows.map(row => JSON.parse(row.definition));
  }

  async licenseSharesOn(
    pairs: ReadonlyArray<{ entitlementId: string; day: string }>,
  ): Promise<Map<string, StoredLicenseShare[]>> {
    const unique = [
      ...new Map(
        pairs.map(p => [JSON.stringify([p.entitlementId, p.day]), p]),
      ).values(),
    ];
    const shares = new Map<string, StoredLicenseShare[]>();
    for (let i = 0; i < unique.length; i += PER_QUERY) {
      const chunk = unique.slice(i, i + PER_QUERY);
      const rows: Array<
        Pick<
          DbLicenseDailyCostRow,
          'entitlement_id' | 'day' | 'entity_ref' | 'amount'
        >
      > = await this.db(LICENSE_DAILY_COST_TABLE)
        .where(query => {
          for (const pair of chunk)
            query.orWhere({
              entitlement_id: pair.entitlementId,
              day: pair.day,
            });
        })
        .select('entitlement_id', 'day', 'entity_ref', 'amount');
      for (const row of rows) {
        const key = JSON.stringify([row.entitlement_id, row.day]);
        shares.set(key, [
          ...(shares.get(key) ?? []),
          { entityRef: row.entity_ref, amount: normalizeAmount(row.amount) },
        ]);
      }
    }
    return shares;
  }

  async rollupMembersAmong(
    ancestorRefs: readonly string[],
    entityRefs: readonly string[],
  ): Promise<Map<string, Set<string>>> {
    const members = new Map(ancestorRefs.map(ref => [ref, new Set<string>()]));
    for (let i = 0; i < ancestorRefs.length; i += PER_QUERY) {
      for (let j = 0; j < entityRefs.length; j += PER_QUERY) {
        const rows: DbRollupMembersRow[] = await this.db(ROLLUP_MEMBERS_TABLE)
          .whereIn('ancestor_ref', ancestorRefs.slice(i, i + PER_QUERY))
          .whereIn('member_ref', entityRefs.slice(j, j + PER_QUERY))
          .select('ancestor_ref', 'member_ref');
        for (const row of rows)
          members.get(row.ancestor_ref)?.add(row.member_ref);
      }
    }
    return members;
  }
}
