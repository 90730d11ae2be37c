import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { DatabaseAllocationStore } from '../database/DatabaseAllocationStore';
import { migrationConfig } from '../database/migrations';
import type { MetricVolumeReader } from '../metrics/MetricVolumeReader';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { AllocationService } from './AllocationService';
import { Money, normalizeAmount } from '../money';
import { parseSharedCostConfig } from './shared';
import { insertFacts, testEntity } from './__testUtils__/facts';

jest.setTimeout(120_000);

const entities: Entity[] = [
  testEntity('Group', 'team-a', {
    annotations: { 'finops-itam.io/cost-accounts': 'acct-buyer' },
  }),
  testEntity('Group', 'team-b'),
  testEntity('Component', 'checkout', {
    annotations: { 'finops-itam.io/cost-tags': 'application=checkout' },
    spec: { owner: 'team-a' },
  }),
  testEntity('Component', 'search', {
    annotations: { 'finops-itam.io/cost-tags': 'application=search' },
    spec: { owner: 'team-b' },
  }),
];

function allocation(
  knex: Knex,
  config: unknown,
  metrics?: MetricVolumeReader,
  now?: Date,
) {
  return new AllocationService({
    store: new DatabaseAllocationStore(knex),
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    fallbackRules: [],
    sharedCost: parseSharedCostConfig(config as any),
    ...(metrics && { metrics }),
    ...(now && { now: () => now }),
  });
}

async function parts(knex: Knex, poolId: string) {
  const rows = await knex('finops_itam_shared_allocations')
    .where({ pool_id: poolId, basis: 'billed' })
    .orderBy(['day', 'target_ref'])
    .select('day', 'target_ref', 'amount');
  return rows.map(r => `${r.day} ${r.target_ref} ${Number(r.amount)}`);
}

/** Like `parts`, with the amounts exactly as stored (trailing zeros dropped). */
async function exactParts(knex: Knex, poolId: string) {
  const rows = await knex('finops_itam_shared_allocations')
    .where({ pool_id: poolId, basis: 'billed' })
    .orderBy(['day', 'target_ref'])
    .select('day', 'target_ref', 'amount');
  return rows.map(
    r => `${r.day} ${r.target_ref} ${normalizeAmount(String(r.amount))}`,
  );
}

const CHECKOUT = 'component:default/checkout';
const SEARCH = 'component:default/search';

/** A prepaid pool of 1,000 credits a month, bought in acct-buyer (owned by team-a). */
const snowflakePool = {
  sharedCostPools: [
    {
      id: 'snowflake',
      mode: 'chargeback',
      rows: { services: ['Snowflake'] },
      targets: { entities: [CHECKOUT, SEARCH] },
      method: 'prepaid',
      metric: 'snowflake-credits',
      committedQuantity: 1000,
    },
  ],
};

/** Usage metric that answers `byPeriod[from to]`, recording what was asked. */
function usageReader(
  byPeriod: Record<string, Record<string, string>>,
  calls: string[] = [],
): MetricVolumeReader {
  return {
    async volumes(_metric, _refs, from, to) {
      calls.push(`${from} ${to}`);
      return new Map(Object.entries(byPeriod[`${from} ${to}`] ?? {}));
    },
  };
}

describe('AllocationService pools and commitments', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function init() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      return knex;
    }

    it('gives unused commitment cost to the owner of the buying account, not to its tags', async () => {
      const knex = await init();
      await insertFacts(knex, [
        // Tagged for checkout, but unused commitment describes the purchase: the buyer pays.
        {
          day: '2026-11-01',
          subAccountId: 'acct-buyer',
          tags: { application: 'checkout' },
          commitmentDiscountStatus: 'Unused',
          billedCost: '7',
        },
        {
          day: '2026-11-01',
          subAccountId: 'acct-buyer',
          tags: { application: 'checkout' },
          commitmentDiscountStatus: 'Used',
          billedCost: '3',
        },
        // Nobody owns this account: the unused cost stays unallocated and visible.
        {
          day: '2026-11-01',
          subAccountId: 'acct-other',
          commitmentDiscountStatus: 'Unused',
          billedCost: '2',
        },
      ]);
      const result = await allocation(knex, {}).run();
      expect(result.status).toBe('succeeded');
      const rows = await knex('finops_itam_allocated_facts')
        .orderBy('id')
        .select('allocated_entity_ref', 'allocation_rule', 'shared_pool_id');
      expect(rows).toEqual([
        {
          allocated_entity_ref: 'group:default/team-a',
          allocation_rule: 'unused-commitment',
          shared_pool_id: null,
        },
        {
          allocated_entity_ref: 'component:default/checkout',
          allocation_rule: 'tags',
          shared_pool_id: null,
        },
        {
          allocated_entity_ref: null,
          allocation_rule: null,
          shared_pool_id: null,
        },
      ]);
      await knex.destroy();
    });

    it('puts unused commitment cost into the configured pool, split exactly', async () => {
      const knex = await init();
      await insertFacts(knex, [
        {
          day: '2026-11-01',
          subAccountId: 'acct-buyer',
          commitmentDiscountStatus: 'Unused',
          billedCost: '1',
        },
        { day: '2026-11-01', tags: { application: 'search' }, billedCost: '5' },
      ]);
      const run = await allocation(knex, {
        unusedCommitmentPool: 'commitments',
        sharedCostPools: [
          {
            id: 'commitments',
            mode: 'chargeback',
            rows: { chargeCategories: ['Purchase'] },
            targets: {
              entities: [
                'group:default/team-a',
                'group:default/team-b',
                'component:default/search',
              ],
            },
            method: 'even',
          },
        ],
      }).run();
      expect(run.status).toBe('succeeded');
      expect(
        await knex('finops_itam_allocated_facts')
          .whereNotNull('shared_pool_id')
          .pluck('shared_pool_id'),
      ).toEqual(['commitments']);
      const amounts = await knex('finops_itam_shared_allocations')
        .where({ pool_id: 'commitments', basis: 'billed' })
        .orderBy('target_ref')
        .pluck('amount');
      // 1 / 3 with the remainder on a deterministic target; the parts add up to 1 exactly.
      expect(amounts.map(String).map(a => a.replace(/0+$/, ''))).toEqual([
        '0.3333333333333334',
        '0.3333333333333333',
        '0.3333333333333333',
      ]);
      await knex.destroy();
    });

    it('splits metric pools by each month of metric volumes, evenly when a month has none', async () => {
      const knex = await init();
      await insertFacts(knex, [
        { day: '2026-11-01', serviceName: 'Shared Platform', billedCost: '1' },
        { day: '2026-11-20', serviceName: 'Shared Platform', billedCost: '2' },
        { day: '2026-12-01', serviceName: 'Shared Platform', billedCost: '1' },
      ]);
      const calls: string[] = [];
      const metrics: MetricVolumeReader = {
        async volumes(metric, refs, from, to) {
          calls.push(`${metric} ${refs.join(',')} ${from} ${to}`);
          return from === '2026-11-01'
            ? new Map([
                ['component:default/checkout', '3'],
                ['component:default/search', '1'],
              ])
            : new Map();
        },
      };
      const config = {
        sharedCostPools: [
          {
            id: 'platform',
            mode: 'showback',
            rows: { services: ['Shared Platform'] },
            targets: {
              entities: [
                'component:default/checkout',
                'component:default/search',
              ],
            },
            method: 'metric',
            metric: 'orders',
          },
        ],
      };
      const run = await allocation(knex, config, metrics).run();
      expect(calls).toEqual([
        'orders component:default/checkout,component:default/search 2026-11-01 2026-12-01',
        'orders component:default/checkout,component:default/search 2026-12-01 2027-01-01',
      ]);
      expect(await parts(knex, 'platform')).toEqual([
        '2026-11-01 component:default/checkout 0.75',
        '2026-11-01 component:default/search 0.25',
        '2026-11-20 component:default/checkout 1.5',
        '2026-11-20 component:default/search 0.5',
        '2026-12-01 component:default/checkout 0.5',
        '2026-12-01 component:default/search 0.5',
      ]);
      expect(run.configIssues).toEqual([
        'shared cost pool platform: no values of metric "orders" for its targets in 2026-12; split evenly',
      ]);
      expect(run.message).toContain('config issues: shared cost pool platform');

      // Without a metric reader the pool still splits (evenly) and says why.
      const withoutMetrics = await allocation(knex, config).run();
      expect(withoutMetrics.configIssues).toEqual([
        'shared cost pool platform is split by metric "orders" but business metrics are not available; split evenly',
      ]);
      expect(await parts(knex, 'platform')).toContain(
        '2026-11-01 component:default/checkout 0.5',
      );
      await knex.destroy();
    });

    it('splits a prepaid SaaS commitment by each month of usage, the unused part to the buyer', async () => {
      const knex = await init();
      // 1,000 credits a month for 100 per day; checkout used 300 and search 200 in November.
      await insertFacts(knex, [
        {
          day: '2026-11-01',
          subAccountId: 'acct-buyer',
          serviceName: 'Snowflake',
          chargeCategory: 'Purchase',
          billedCost: '100',
        },
        {
          day: '2026-11-02',
          subAccountId: 'acct-buyer',
          serviceName: 'Snowflake',
          chargeCategory: 'Purchase',
          billedCost: '100',
        },
        {
          day: '2026-12-01',
          subAccountId: 'acct-buyer',
          serviceName: 'Snowflake',
          chargeCategory: 'Purchase',
          billedCost: '100',
        },
      ]);
      const metrics: MetricVolumeReader = {
        async volumes(_metric, _refs, from) {
          return from === '2026-11-01'
            ? new Map([
                ['component:default/checkout', '300'],
                ['component:default/search', '200'],
              ])
            : new Map();
        },
      };
      const config = (unusedTarget?: string) => ({
        sharedCostPools: [
          {
            id: 'snowflake',
            mode: 'chargeback',
            rows: { services: ['Snowflake'] },
            targets: {
              entities: [
                'component:default/checkout',
                'component:default/search',
              ],
            },
            method: 'prepaid',
            metric: 'snowflake-credits',
            committedQuantity: 1000,
            ...(unusedTarget && { unusedTarget }),
          },
        ],
      });
      // Both months are over (January 2027): what nobody used is unused.
      const january = new Date('2027-01-05T00:00:00Z');
      // No unusedTarget: the owner of acct-buyer (team-a) carries what nobody used.
      const run = await allocation(knex, config(), metrics, january).run();
      expect(await parts(knex, 'snowflake')).toEqual([
        '2026-11-01 component:default/checkout 30',
        '2026-11-01 component:default/search 20',
        '2026-11-01 group:default/team-a 50',
        '2026-11-02 component:default/checkout 30',
        '2026-11-02 component:default/search 20',
        '2026-11-02 group:default/team-a 50',
        // December has no usage: the whole commitment is unused.
        '2026-12-01 group:default/team-a 100',
      ]);
      expect(run.configIssues).toEqual([
        'shared cost pool snowflake: no values of metric "snowflake-credits" for its targets in 2026-12; counted as unused',
      ]);

      // A configured unusedTarget wins, also when it is one of the targets.
      await allocation(
        knex,
        config('component:default/search'),
        metrics,
        january,
      ).run();
      expect(await parts(knex, 'snowflake')).toEqual([
        '2026-11-01 component:default/checkout 30',
        '2026-11-01 component:default/search 70',
        '2026-11-02 component:default/checkout 30',
        '2026-11-02 component:default/search 70',
        '2026-12-01 component:default/search 100',
      ]);
      await knex.destroy();
    });

    // Issue 12, point 5: a prepaid month that is still open. The commitment costs 1,000 for
    // November (30 days), bought upfront on the 1st. On 2026-11-11 the last complete day is
    // the 10th: checkout used 200 credits and search 130 so far.
    describe('a prepaid month that is still open', () => {
      const purchase = {
        day: '2026-11-01',
        subAccountId: 'acct-buyer',
        serviceName: 'Snowflake',
        chargeCategory: 'Purchase',
        billedCost: '1000',
      };
      const elevenNovember = new Date('2026-11-11T09:30:00Z');

      it('splits the month-to-date share of the commitment by usage so far, nothing unused yet', async () => {
        const knex = await init();
        await insertFacts(knex, [purchase]);
        const calls: string[] = [];
        // No usage is reported after the 10th, so the whole month reads the same so far.
        const soFar = { [CHECKOUT]: '200', [SEARCH]: '130' };
        const metrics = usageReader(
          { '2026-11-01 2026-11-11': soFar, '2026-11-01 2026-12-01': soFar },
          calls,
        );
        const run = await allocation(
          knex,
          snowflakePool,
          metrics,
          elevenNovember,
        ).run();
        expect(run.status).toBe('succeeded');
        // 1000 × 10/30 = 333.3333333333333333, split 200:130; the buyer's team-a gets nothing yet.
        expect(await exactParts(knex, 'snowflake')).toEqual([
          `2026-11-01 ${CHECKOUT} 202.0202020202020202`,
          `2026-11-01 ${SEARCH} 131.3131313131313131`,
        ]);
        expect(
          new Money('202.0202020202020202')
            .plus('131.3131313131313131')
            .toFixed(),
        ).toBe('333.3333333333333333');
        // Usage is read up to the last complete day, like the commitment's share.
        expect(calls).toEqual(['2026-11-01 2026-11-11']);
        // The run says the month is open and split month-to-date only.
        expect(run.openPrepaidMonths).toEqual([
          {
            poolId: 'snowflake',
            month: '2026-11',
            through: '2026-11-10',
            elapsedDays: 10,
            daysInMonth: 30,
          },
        ]);
        expect(run.message).toContain(
          'month-to-date: snowflake 2026-11 through 2026-11-10',
        );
        expect(run.configIssues).toEqual([]);
        await knex.destroy();
      });

      it('gives the unused remainder to the buyer only once the month has closed', async () => {
        const knex = await init();
        await insertFacts(knex, [purchase]);
        const soFar = { [CHECKOUT]: '200', [SEARCH]: '130' };
        const metrics = usageReader({
          '2026-11-01 2026-11-30': soFar,
          '2026-11-01 2026-12-01': soFar,
        });
        await allocation(
          knex,
          snowflakePool,
          metrics,
          new Date('2026-11-30T23:59:59Z'),
        ).run();
        // The 30th is not over yet: still month-to-date (29 of 30 days), no unused part.
        expect(await exactParts(knex, 'snowflake')).toEqual([
          `2026-11-01 ${CHECKOUT} 585.8585858585858586`,
          `2026-11-01 ${SEARCH} 380.8080808080808081`,
        ]);
        const closed = await allocation(
          knex,
          snowflakePool,
          metrics,
          new Date('2026-12-01T00:00:00Z'),
        ).run();
        expect(closed.openPrepaidMonths).toEqual([]);
        // Closed: 330 of the 1,000 credits used; the 670 nobody used go to the buyer's owner.
        expect(await exactParts(knex, 'snowflake')).toEqual([
          `2026-11-01 ${CHECKOUT} 200`,
          `2026-11-01 ${SEARCH} 130`,
          '2026-11-01 group:default/team-a 670',
        ]);
        await knex.destroy();
      });

      it('splits only the days that are over when the commitment is charged day by day', async () => {
        const knex = await init();
        // 900 a month, charged 30 a day for every day of November (the whole month delivered).
        await insertFacts(
          knex,
          Array.from({ length: 30 }, (_, i) => ({
            ...purchase,
            day: `2026-11-${String(i + 1).padStart(2, '0')}`,
            billedCost: '30',
          })),
        );
        const metrics = usageReader({
          '2026-11-01 2026-11-11': { [CHECKOUT]: '200', [SEARCH]: '130' },
        });
        await allocation(knex, snowflakePool, metrics, elevenNovember).run();
        const rows = await exactParts(knex, 'snowflake');
        // Days 1 to 10 (300 = 900 × 10/30) split 200:130; the 20 days to come are not split yet.
        expect(rows).toHaveLength(20);
        expect(rows.slice(0, 2)).toEqual([
          `2026-11-01 ${CHECKOUT} 18.1818181818181818`,
          `2026-11-01 ${SEARCH} 11.8181818181818182`,
        ]);
        expect(rows[19]).toBe(`2026-11-10 ${SEARCH} 11.8181818181818182`);
        await knex.destroy();
      });

      it('splits nothing of a month that has not begun', async () => {
        const knex = await init();
        // December's commitment billed in advance on 30 November.
        await insertFacts(knex, [{ ...purchase, day: '2026-12-01' }]);
        const metrics = usageReader({});
        await allocation(
          knex,
          snowflakePool,
          metrics,
          new Date('2026-11-30T12:00:00Z'),
        ).run();
        expect(await exactParts(knex, 'snowflake')).toEqual([]);
        await knex.destroy();
      });
    });
  });
});
