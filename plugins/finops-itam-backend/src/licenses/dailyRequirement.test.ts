import { Knex } from 'knex';
import { allocateFactsByHand } from '../allocation/__testUtils__/facts';
import { migrationConfig } from '../database/migrations';
import {
  dailyRequirement,
  evaluationWindow,
  productPeak,
  shareKey,
} from './dailyRequirement';
import { Consumption } from './licenseConsumption';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';
import { sumAmounts } from '../money';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  byolTags,
  daysFrom,
  insertLicensedVms,
  LicensedVm,
  licenseServiceFor,
  testEntity,
} from './__testUtils__/licenseFixtures';

jest.setTimeout(120_000);

const SQL_STD = 'microsoft-sql-server-standard';
const SQL_ENT = 'microsoft-sql-server-enterprise';
const ITAM = 'group:default/team-itam';

const entities = [
  testEntity('Group', 'team-itam'),
  ...['a', 'b', 'c', 'web', 'api', 'batch'].map(name =>
    testEntity('Component', name, {
      spec: { lifecycle: 'production', owner: 'team-itam' },
    }),
  ),
];

/** Three 4-vCPU VMs an autoscaling group replaces every day: new resource ids daily. */
function autoscaledVms(from: string, days: number): LicensedVm[] {
  return daysFrom(from, days).flatMap(day =>
    [1, 2, 3].map(i => ({
      name: `asg-${day}-${i}`,
      entityRef: 'component:default/a',
      days: [day],
      tags: byolTags(SQL_STD),
      details: { CoreCount: 4 },
    })),
  );
}

const yearEntitlement = (overrides: Record<string, unknown> = {}) => ({
  id: 'ea-sql-2026',
  productId: SQL_ENT,
  quantity: 4,
  cost: { amount: '365.00', currency: 'USD', per: 'term' },
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  owner: ITAM,
  ...overrides,
});

async function applyEntitlements(
  service: any,
  values: Array<Record<string, unknown>>,
) {
  await service.applyEntitlements(
    [
      {
        positionName: 'record',
        records: values.map((value, position) => ({ position, value })),
      },
    ],
    'api',
  );
}

/** Daily cost rows of an entity as `day amount` lines, shelfware marked. */
async function costLines(
  store: any,
  entityRef: string,
  from = '2026-01-01',
  to = '2026-12-31',
) {
  const rows = await store.dailyCost([entityRef], from, to);
  return rows.map(
    (r: any) => `${r.day} ${r.amount}${r.shelfware ? ' shelfware' : ''}`,
  );
}

describe('daily requirement, worked by hand', () => {
  const products = new Map(SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]));
  const vm = (name: string, days: string[]) =>
    ({
      key: name,
      resourceId: name,
      resourceName: name,
      softwareCharge: false,
      days: new Set(days),
      lastSeen: days[days.length - 1],
    } as any);
  const consumption = (
    productId: string,
    entityRef: string | null,
    model: any,
    counted: number,
    resource?: any,
  ) =>
    ({
      productId,
      entityRef,
      model,
      counted,
      reason: { source: 'cost-data', quantity: counted, rule: '' },
      flags: [],
      resource,
    } as Consumption);

  it('ends the window on the latest complete day of cost data, yesterday at the latest', () => {
    expect(evaluationWindow('2026-11-27', '2026-11-27', 30)).toEqual({
      from: '2026-10-28',
      to: '2026-11-26',
    });
    expect(evaluationWindow('2026-11-27', '2026-11-20', 7)).toEqual({
      from: '2026-11-14',
      to: '2026-11-20',
    });
    expect(evaluationWindow('2026-11-27', null, 1)).toEqual({
      from: '2026-11-26',
      to: '2026-11-26',
    });
  });

  it('pools RHEL VMs across entities per day and adds declarations on top, sharing by VM', () => {
    const daily = dailyRequirement({
      products,
      from: '2026-11-01',
      to: '2026-11-02',
      consumptions: [
        consumption(
          'rhel',
          'component:default/web',
          'byol',
          1,
          vm('r1', ['2026-11-01', '2026-11-02']),
        ),
        consumption(
          'rhel',
          'component:default/api',
          'byol',
          1,
          vm('r2', ['2026-11-01', '2026-11-02']),
        ),
        consumption(
          'rhel',
          'component:default/api',
          'byol',
          0,
          vm('r3', ['2026-11-02']),
        ),
        consumption('rhel', 'component:default/erp', 'declared', 2),
      ],
    });
    const day1 = daily.get('rhel')!.get('2026-11-01')!;
    // 2 VMs → 1 subscription, plus 2 declared.
    expect(day1).toMatchObject({ needed: 3, byol: 1, licenseIncluded: 0 });
    const day2 = daily.get('rhel')!.get('2026-11-02')!;
    // 3 VMs → 2 subscriptions: web carries a third of them, api two thirds.
    expect(day2).toMatchObject({ needed: 4, byol: 2 });
    expect(
      day2.shares.get(shareKey('byol', 'component:default/web')),
    ).toMatchObject({ required: 2 / 3, weight: 2 });
    expect(
      day2.shares.get(shareKey('byol', 'component:default/api')),
    ).toMatchObject({ required: 4 / 3, weight: 4 });
    // The declaration weighs its quantity on the same scale (3 VMs).
    expect(
      day2.shares.get(shareKey('declared', 'component:default/erp')),
    ).toMatchObject({ required: 2, weight: 6 });
  });

  it('takes the peak on the day entitlements must cover the most, or the license-included peak when none must', () => {
    const sql = 'microsoft-sql-server-enterprise';
    const daily = dailyRequirement({
      products,
      from: '2026-11-01',
      to: '2026-11-03',
      consumptions: [
        consumption(
          sql,
          'component:default/a',
          'byol',
          8,
          vm('s1', ['2026-11-01']),
        ),
        consumption(
          sql,
          'component:default/a',
          'license-included',
          16,
          vm('s2', ['2026-11-02', '2026-11-03']),
        ),
        consumption(
          sql,
          'component:default/a',
          'byol',
          4,
          vm('s3', ['2026-11-03']),
        ),
      ],
    });
    const peak = productPeak(daily.get(sql), {
      from: '2026-11-01',
      to: '2026-11-03',
    });
    // BYOL peaks on the 1st (8): the position's numbers are that day's, license-included 0.
    expect(peak).toMatchObject({
      required: 8,
      byolRequired: 8,
      licenseIncludedRequired: 0,
      peakDay: '2026-11-01',
      requiredNow: 20,
    });
    expect(peak.series).toEqual([
      { day: '2026-11-01', value: 8 },
      { day: '2026-11-02', value: 0 },
      { day: '2026-11-03', value: 4 },
    ]);
    const onlyIncluded = dailyRequirement({
      products,
      from: '2026-11-01',
      to: '2026-11-03',
      consumptions: [
        consumption(
          sql,
          'component:default/a',
          'license-included',
          16,
          vm('s2', ['2026-11-02']),
        ),
      ],
    });
    expect(
      productPeak(onlyIncluded.get(sql), {
        from: '2026-11-01',
        to: '2026-11-03',
      }),
    ).toMatchObject({
      required: 16,
      licenseIncludedRequired: 16,
      peakDay: '2026-11-02',
      requiredNow: 0,
    });
  });
});

describe('daily license requirement', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'an autoscaling group replacing 3 VMs of 4 vCPUs daily needs 12 SQL Server Standard cores, not one per instance ever seen, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      // 60 days up to yesterday (2026-11-26): 180 resource ids, never more than 3 at once.
      await insertLicensedVms(knex, autoscaledVms('2026-09-28', 60));
      const { service } = licenseServiceFor(knex, entities);

      const sql = (await service.position()).find(
        p => p.productId === SQL_STD,
      )!;
      expect(sql).toMatchObject({
        required: 12,
        requiredNow: 12,
        byolRequired: 12,
        position: -12,
      });

      const usage = await service.entityLicenses({
        kind: 'component',
        namespace: 'default',
        name: 'a',
      });
      expect(usage.products.find(p => p.productId === SQL_STD)!.required).toBe(
        12,
      );

      // Every replaced instance stopped, but the requirement never fell: nothing to reclaim.
      expect((await service.reharvest()).candidates).toEqual([]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'reharvest lists a stopped deployment for what its entity no longer needs, not one its successor replaced, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      const sql = (
        name: string,
        entity: string,
        days: string[],
        cores = 4,
      ) => ({
        name,
        entityRef: `component:default/${entity}`,
        days,
        tags: byolTags(SQL_STD),
        details: { CoreCount: cores },
      });
      await insertLicensedVms(knex, [
        // a ran two VMs until October 20, then one: 4 cores freed.
        sql('a-keep', 'a', daysFrom('2026-09-28', 60)),
        sql('a-gone', 'a', daysFrom('2026-09-28', 23)),
        // b's VM was replaced by a bigger one on October 21: nothing freed.
        sql('b-old', 'b', daysFrom('2026-09-28', 23)),
        sql('b-new', 'b', daysFrom('2026-10-21', 37), 8),
      ]);
      const { service } = licenseServiceFor(knex, entities);
      expect((await service.reharvest()).candidates).toEqual([
        {
          productId: SQL_STD,
          reason: 'resource-absent',
          detail: 'a-gone absent from cost data since 2026-10-20',
          entityRef: 'component:default/a',
          resourceId: 'id-a-gone',
          quantity: 4,
          // a's owner in the catalog, who can release them.
          owner: ITAM,
        },
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'the requirement is the highest day of the evaluation window; requiredNow is the latest complete day, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertLicensedVms(knex, [
        // 16 cores for ten days early in the window, then 4; a 16-vCPU VM 40 days ago is outside it.
        {
          name: 'big',
          entityRef: 'component:default/a',
          days: daysFrom('2026-11-05', 10),
          tags: byolTags(SQL_STD),
          details: { CoreCount: 12 },
        },
        {
          name: 'small',
          entityRef: 'component:default/b',
          days: daysFrom('2026-11-01', 26),
          tags: byolTags(SQL_STD),
          details: { CoreCount: 4 },
        },
        {
          name: 'old',
          entityRef: 'component:default/c',
          days: ['2026-10-17'],
          tags: byolTags(SQL_STD),
          details: { CoreCount: 16 },
        },
        // Today's partial day is not complete: not counted.
        {
          name: 'today',
          entityRef: 'component:default/c',
          days: ['2026-11-27'],
          tags: byolTags(SQL_STD),
          details: { CoreCount: 24 },
        },
      ]);
      const { service } = licenseServiceFor(knex, entities);
      const sql = (await service.position()).find(
        p => p.productId === SQL_STD,
      )!;
      expect(sql).toMatchObject({ required: 16, requiredNow: 4 });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'RHEL subscriptions pool across the organisation per day: 3 VMs in 3 components need 2, each carrying a third of the cost, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      const week = daysFrom('2026-11-20', 7);
      await insertLicensedVms(
        knex,
        ['web', 'api', 'batch'].map(name => ({
          name: `rhel-${name}`,
          entityRef: `component:default/${name}`,
          days: week,
          tags: byolTags('rhel'),
          details: { CoreCount: 2 },
        })),
      );
      const { service, store } = licenseServiceFor(knex, entities);
      await applyEntitlements(service, [
        {
          id: 'rhel-2026',
          productId: 'rhel',
          quantity: 2,
          cost: { amount: '730', currency: 'USD', per: 'term' },
          termStart: '2026-01-01',
          termEnd: '2026-12-31',
          owner: ITAM,
        },
      ]);
      const rhel = (await service.position()).find(
        p => p.productId === 'rhel',
      )!;
      expect(rhel).toMatchObject({
        required: 2,
        position: 0,
        status: 'compliant',
      });

      const web = await service.entityLicenses({
        kind: 'component',
        namespace: 'default',
        name: 'web',
      });
      expect(
        web.products.find(p => p.productId === 'rhel')!.required,
      ).toBeCloseTo(2 / 3, 2);

      await service.recomputeCost();
      const day = '2026-11-22';
      const shares = await store.dailyCost(
        [
          'component:default/web',
          'component:default/api',
          'component:default/batch',
          ITAM,
        ],
        day,
        day,
      );
      // 2.00 a day, both subscriptions used, split in thirds exactly.
      expect(sumAmounts(shares.map(s => s.amount))).toBe('2');
      expect(shares.filter(s => s.entityRef !== ITAM)).toHaveLength(3);
      for (const share of shares)
        expect(Number(share.amount)).toBeCloseTo(2 / 3, 12);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'a new declaration counts from the open month on; closed months keep their split, on %p',
    async databaseId => {
      const knex: Knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertLicensedVms(knex, [
        {
          name: 'sql-b',
          entityRef: 'component:default/b',
          days: daysFrom('2026-10-01', 57),
          tags: byolTags(SQL_ENT),
          details: { CoreCount: 4 },
        },
      ]);
      const first = licenseServiceFor(knex, entities);
      await applyEntitlements(first.service, [yearEntitlement()]);
      await first.service.recomputeCost();
      const october = await costLines(
        first.store,
        'component:default/b',
        '2026-10-01',
        '2026-10-31',
      );
      expect(october).toHaveLength(31);

      // c now declares 4 cores (say, on premises): 8 needed, 4 entitled from November on.
      const declaring = entities.map(e =>
        e.metadata.name === 'c'
          ? {
              ...e,
              metadata: {
                ...e.metadata,
                annotations: { 'finops-itam.io/licenses': `${SQL_ENT}=4` },
              },
            }
          : e,
      );
      const second = licenseServiceFor(knex, declaring);
      await second.service.recomputeCost();
      expect(
        await costLines(
          second.store,
          'component:default/b',
          '2026-10-01',
          '2026-10-31',
        ),
      ).toEqual(october);
      expect(
        await costLines(
          second.store,
          'component:default/c',
          '2026-10-01',
          '2026-10-31',
        ),
      ).toEqual([]);
      expect(
        await costLines(
          second.store,
          'component:default/c',
          '2026-11-02',
          '2026-11-02',
        ),
      ).toEqual(['2026-11-02 0.5']);
      expect(
        await costLines(
          second.store,
          'component:default/b',
          '2026-11-02',
          '2026-11-02',
        ),
      ).toEqual(['2026-11-02 0.5']);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'a day is charged by that day’s requirement: A carries January–June, B from October 1, the owner the unused days, on %p',
    async databaseId => {
      const knex: Knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertLicensedVms(knex, [
        {
          name: 'sql-a',
          entityRef: 'component:default/a',
          days: daysFrom('2026-01-01', 181),
          tags: byolTags(SQL_ENT),
          details: { CoreCount: 4 },
        },
        {
          name: 'sql-b',
          entityRef: 'component:default/b',
          days: daysFrom('2026-10-01', 57),
          tags: byolTags(SQL_ENT),
          details: { CoreCount: 4 },
        },
      ]);
      const { service, store } = licenseServiceFor(knex, entities);
      await applyEntitlements(service, [yearEntitlement()]);
      expect(await service.recomputeCost()).toBeGreaterThan(0);
      // Nothing changed since: no day is recomputed, no row written.
      expect(await service.recomputeCost()).toBe(0);
      // October delivered again with the same facts (new ids): recomputed to the same split.
      await knex('finops_itam_cost_facts')
        .where('day', '>=', '2026-10-01')
        .andWhere('day', '<=', '2026-10-31')
        .update({ id: knex.raw('id + 1000000') });
      expect(await service.recomputeCost()).toBe(0);

      const a = await costLines(store, 'component:default/a');
      expect(a).toHaveLength(181);
      expect(a[0]).toBe('2026-01-01 1');
      expect(a[180]).toBe('2026-06-30 1');
      expect(new Set(a.map((line: string) => line.slice(11)))).toEqual(
        new Set(['1']),
      );
      const b = await costLines(store, 'component:default/b');
      expect(b).toHaveLength(57);
      expect(b[0]).toBe('2026-10-01 1');
      expect(b[56]).toBe('2026-11-26 1');
      // July to September, and today (no cost data yet), are shelfware of the owning group.
      const owner = await costLines(store, ITAM);
      expect(owner).toHaveLength(92 + 1);
      expect(owner[0]).toBe('2026-07-01 1 shelfware');
      expect(owner[91]).toBe('2026-09-30 1 shelfware');
      expect(owner[92]).toBe('2026-11-27 1 shelfware');

      // C starts in November and November is delivered again: only November moves.
      await insertLicensedVms(knex, [
        {
          name: 'sql-c',
          entityRef: 'component:default/c',
          days: daysFrom('2026-11-01', 26),
          tags: byolTags(SQL_ENT),
          details: { CoreCount: 4 },
        },
      ]);
      await service.recomputeCost();
      expect(await costLines(store, 'component:default/a')).toEqual(a);
      expect(
        await costLines(
          store,
          'component:default/b',
          '2026-10-01',
          '2026-10-31',
        ),
      ).toEqual(b.slice(0, 31));
      // November: 8 cores needed, 4 entitled, so B and C carry half a day each.
      expect(
        await costLines(
          store,
          'component:default/c',
          '2026-11-01',
          '2026-11-01',
        ),
      ).toEqual(['2026-11-01 0.5']);
      expect(
        await costLines(
          store,
          'component:default/b',
          '2026-11-01',
          '2026-11-01',
        ),
      ).toEqual(['2026-11-01 0.5']);

      // B's VM is allocated to C from now on: closed October stays with B, open November follows.
      await allocateFactsByHand(
        knex,
        { resource_name: 'sql-b' },
        { entityRef: 'component:default/c' },
      );
      await knex('finops_itam_allocation_runs').insert({
        started_at: new Date(),
        finished_at: new Date(),
        status: 'succeeded',
      });
      await service.recomputeCost();
      expect(
        await costLines(
          store,
          'component:default/b',
          '2026-10-01',
          '2026-10-31',
        ),
      ).toEqual(b.slice(0, 31));
      expect(
        await costLines(
          store,
          'component:default/b',
          '2026-11-01',
          '2026-11-30',
        ),
      ).toEqual([]);
      expect(
        await costLines(
          store,
          'component:default/c',
          '2026-11-01',
          '2026-11-01',
        ),
      ).toEqual(['2026-11-01 1']);

      // A changed entitlement recomputes its whole term with the stored daily shares.
      await applyEntitlements(service, [
        yearEntitlement({
          cost: { amount: '730.00', currency: 'USD', per: 'term' },
        }),
      ]);
      await service.recomputeCost();
      const doubled = await costLines(store, 'component:default/a');
      expect(doubled).toHaveLength(181);
      expect(new Set(doubled.map((line: string) => line.slice(11)))).toEqual(
        new Set(['2']),
      );
      await knex.destroy();
    },
  );
});
