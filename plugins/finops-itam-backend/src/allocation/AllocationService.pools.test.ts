import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { DatabaseAllocationStore } from '../database/DatabaseAllocationStore';
import { migrationConfig } from '../database/migrations';
import type { MetricVolumeReader } from '../metrics/MetricVolumeReader';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { AllocationService } from './AllocationService';
import { parseSharedCostConfig } from './shared';
import { insertFacts, testEntity } from './__testUtils__/facts';

jest.setTimeout(120_000);

const entities: Entity[] = [
  testEntity('Group', 'team-a', { annotations: { 'finops-itam.io/cost-accounts': 'acct-buyer' } }),
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

function allocation(knex: Knex, config: unknown, metrics?: MetricVolumeReader) {
  return new AllocationService({
    store: new DatabaseAllocationStore(knex),
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    fallbackRules: [],
    sharedCost: parseSharedCostConfig(config as any),
    ...(metrics && { metrics }),
  });
}

async function parts(knex: Knex, poolId: string) {
  const rows = await knex('finops_itam_shared_allocations')
    .where({ pool_id: poolId, basis: 'billed' })
    .orderBy(['day', 'target_ref'])
    .select('day', 'target_ref', 'amount');
  return rows.map(r => `${r.day} ${r.target_ref} ${Number(r.amount)}`);
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
        { day: '2026-11-01', subAccountId: 'acct-buyer', tags: { application: 'checkout' }, commitmentDiscountStatus: 'Unused', billedCost: '7' },
        { day: '2026-11-01', subAccountId: 'acct-buyer', tags: { application: 'checkout' }, commitmentDiscountStatus: 'Used', billedCost: '3' },
        // Nobody owns this account: the unused cost stays unallocated and visible.
        { day: '2026-11-01', subAccountId: 'acct-other', commitmentDiscountStatus: 'Unused', billedCost: '2' },
      ]);
      const result = await allocation(knex, {}).run();
      expect(result.status).toBe('succeeded');
      const rows = await knex('finops_itam_allocated_facts')
        .orderBy('id')
        .select('allocated_entity_ref', 'allocation_rule', 'shared_pool_id');
      expect(rows).toEqual([
        { allocated_entity_ref: 'group:default/team-a', allocation_rule: 'unused-commitment', shared_pool_id: null },
        { allocated_entity_ref: 'component:default/checkout', allocation_rule: 'tags', shared_pool_id: null },
        { allocated_entity_ref: null, allocation_rule: null, shared_pool_id: null },
      ]);
      await knex.destroy();
    });

    it('puts unused commitment cost into the configured pool, split exactly', async () => {
      const knex = await init();
      await insertFacts(knex, [
        { day: '2026-11-01', subAccountId: 'acct-buyer', commitmentDiscountStatus: 'Unused', billedCost: '1' },
        { day: '2026-11-01', tags: { application: 'search' }, billedCost: '5' },
      ]);
      const run = await allocation(knex, {
        unusedCommitmentPool: 'commitments',
        sharedCostPools: [
          {
            id: 'commitments',
            mode: 'chargeback',
            rows: { chargeCategories: ['Purchase'] },
            targets: { entities: ['group:default/team-a', 'group:default/team-b', 'component:default/search'] },
            method: 'even',
          },
        ],
      }).run();
      expect(run.status).toBe('succeeded');
      expect(await knex('finops_itam_allocated_facts').whereNotNull('shared_pool_id').pluck('shared_pool_id')).toEqual(['commitments']);
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
            ? new Map([['component:default/checkout', '3'], ['component:default/search', '1']])
            : new Map();
        },
      };
      const config = {
        sharedCostPools: [
          {
            id: 'platform',
            mode: 'showback',
            rows: { services: ['Shared Platform'] },
            targets: { entities: ['component:default/checkout', 'component:default/search'] },
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
      expect(await parts(knex, 'platform')).toContain('2026-11-01 component:default/checkout 0.5');
      await knex.destroy();
    });

    it('splits a prepaid SaaS commitment by each month of usage, the unused part to the buyer', async () => {
      const knex = await init();
      // 1,000 credits a month for 100 per day; checkout used 300 and search 200 in November.
      await insertFacts(knex, [
        { day: '2026-11-01', subAccountId: 'acct-buyer', serviceName: 'Snowflake', chargeCategory: 'Purchase', billedCost: '100' },
        { day: '2026-11-02', subAccountId: 'acct-buyer', serviceName: 'Snowflake', chargeCategory: 'Purchase', billedCost: '100' },
        { day: '2026-12-01', subAccountId: 'acct-buyer', serviceName: 'Snowflake', chargeCategory: 'Purchase', billedCost: '100' },
      ]);
      const metrics: MetricVolumeReader = {
        async volumes(_metric, _refs, from) {
          return from === '2026-11-01'
            ? new Map([['component:default/checkout', '300'], ['component:default/search', '200']])
            : new Map();
        },
      };
      const config = (unusedTarget?: string) => ({
        sharedCostPools: [
          {
            id: 'snowflake',
            mode: 'chargeback',
            rows: { services: ['Snowflake'] },
            targets: { entities: ['component:default/checkout', 'component:default/search'] },
            method: 'prepaid',
            metric: 'snowflake-credits',
            committedQuantity: 1000,
            ...(unusedTarget && { unusedTarget }),
          },
        ],
      });
      // No unusedTarget: the owner of acct-buyer (team-a) carries what nobody used.
      const run = await allocation(knex, config(), metrics).run();
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
      await allocation(knex, config('component:default/search'), metrics).run();
      expect(await parts(knex, 'snowflake')).toEqual([
        '2026-11-01 component:default/checkout 30',
        '2026-11-01 component:default/search 70',
        '2026-11-02 component:default/checkout 30',
        '2026-11-02 component:default/search 70',
        '2026-12-01 component:default/search 100',
      ]);
      await knex.destroy();
    });
  });
});
