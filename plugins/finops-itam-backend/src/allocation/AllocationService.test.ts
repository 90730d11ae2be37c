import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { DatabaseAllocationStore } from '../database/DatabaseAllocationStore';
import { migrationConfig } from '../database/migrations';
import { Money, MoneyValue } from '../money';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { AllocationService } from './AllocationService';
import { CostQueryService } from './CostQueryService';
import { parseSharedCostConfig, SharedCostConfig } from './shared';
import { SeededRandom } from '../__testUtils__/SeededRandom';
import {
  insertFacts,
  randomCatalog,
  randomFacts,
  testEntity,
} from './__testUtils__/facts';

jest.setTimeout(120_000);

function services(
  knex: Knex,
  entities: Entity[],
  sharedCost: SharedCostConfig = { pools: [] },
  fallbackRules = [{ tag: 'team', entityKind: 'Group' }],
) {
  const store = new DatabaseAllocationStore(knex);
  const catalog = catalogServiceMock({ entities });
  const auth = mockServices.auth();
  const allocation = new AllocationService({
    store,
    catalog,
    auth,
    logger: mockServices.logger.mock(),
    fallbackRules,
    sharedCost,
  });
  const queries = new CostQueryService({ store, catalog, auth });
  return { store, allocation, queries };
}

const sharedPools = parseSharedCostConfig({
  sharedCostPools: [
    {
      id: 'platform',
      mode: 'showback',
      rows: { tags: { shared: 'platform' } },
      targets: { allComponentsOf: 'system:default/shop' },
      method: 'proportional',
    },
    {
      id: 'support',
      mode: 'chargeback',
      rows: { services: ['AWS Support'] },
      targets: {
        entities: [
          'group:default/team-a',
          'group:default/team-b',
          'group:default/team-c',
        ],
      },
      method: 'even',
    },
    {
      id: 'tax',
      mode: 'showback',
      rows: { chargeCategories: ['Tax'] },
      targets: {
        entities: ['component:default/checkout', 'component:default/search'],
      },
      method: 'fixed',
      weights: {
        'component:default/checkout': 33.3,
        'component:default/search': 66.7,
      },
    },
    {
      id: 'nobody',
      mode: 'showback',
      rows: { accounts: ['acct-4'], chargeCategories: ['Credit'] },
      targets: { allComponentsOf: 'system:default/empty' },
      method: 'even',
    },
  ],
});

type Sums = Map<string, MoneyValue>;
const add = (sums: Sums, key: string, amount: string) =>
  sums.set(key, (sums.get(key) ?? new Money(0)).plus(amount));

/** Checks, from the tables themselves, that every day and currency balances exactly. */
async function expectConservation(knex: Knex, splitPoolIds: Set<string>) {
  const facts = await knex('finops_itam_allocated_facts').select();
  const parts = await knex('finops_itam_shared_allocations').select();
  for (const [basis, column] of [
    ['amortized', 'effective_cost'],
    ['billed', 'billed_cost'],
  ]) {
    const total: Sums = new Map();
    const direct: Sums = new Map();
    const shared: Sums = new Map();
    const unallocated: Sums = new Map();
    for (const fact of facts) {
      const k = `${fact.day}/${fact.currency}`;
      const amount = String(fact[column]);
      add(total, k, amount);
      // A fact goes to an entity or a pool, never both.
      expect(
        fact.allocated_entity_ref !== null && fact.shared_pool_id !== null,
      ).toBe(false);
      expect(fact.allocated_at).not.toBeNull();
      if (fact.allocated_entity_ref !== null) {
        add(direct, k, amount);
      } else if (
        fact.shared_pool_id === null ||
        !splitPoolIds.has(fact.shared_pool_id)
      ) {
        add(unallocated, k, amount);
      }
    }
    for (const part of parts.filter(p => p.basis === basis)) {
      add(shared, `${part.day}/${part.currency}`, String(part.amount));
    }
    for (const [k, value] of total) {
      const sum = (direct.get(k) ?? new Money(0))
        .plus(shared.get(k) ?? 0)
        .plus(unallocated.get(k) ?? 0);
      expect(`${basis} ${k} ${sum.toFixed()}`).toBe(
        `${basis} ${k} ${value.toFixed()}`,
      );
    }
    // No shared part lands on a day or currency without cost.
    for (const k of shared.keys()) {
      expect(total.has(k)).toBe(true);
    }
  }
}

describe('AllocationService', () => {
  const databases = createTestDatabases();

  async function init(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrationConfig);
    return knex;
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('conserves cost exactly for every day and currency over random rule sets', async () => {
      const knex = await init(databaseId);
      const random = new SeededRandom(20261127);
      await insertFacts(knex, randomFacts(random, 600));
      for (let round = 0; round < 6; round++) {
        const { allocation, queries } = services(
          knex,
          randomCatalog(random),
          sharedPools,
        );
        const result = await allocation.run();
        expect(result).toMatchObject({
          status: 'succeeded',
          factsScanned: 600,
        });
        await expectConservation(knex, new Set(['platform', 'support', 'tax']));
        // Every path is exercised: direct, shared, unallocated and the target-less pool.
        expect(result.sharedParts).toBeGreaterThan(0);
        const kinds = await knex('finops_itam_allocated_facts')
          .select(
            knex.raw(
              "CASE WHEN allocated_entity_ref IS NOT NULL THEN 'direct' " +
                "WHEN shared_pool_id IS NOT NULL THEN shared_pool_id ELSE 'none' END as k",
            ),
          )
          .distinct();
        expect(kinds.map((r: any) => r.k).sort()).toEqual([
          'direct',
          'nobody',
          'none',
          'platform',
          'support',
          'tax',
        ]);

        const coverage = await queries.coverage({
          from: '2026-11-01',
          to: '2026-12-01',
          basis: 'amortized',
        });
        expect(
          new Money(coverage.allocated)
            .plus(coverage.unallocated)
            .eq(coverage.total),
        ).toBe(true);
        expect(coverage.allocation.state).toBe('current');
      }
      await knex.destroy();
    });

    it('writes only the facts whose allocation changed', async () => {
      const knex = await init(databaseId);
      await insertFacts(knex, [
        {
          day: '2026-11-01',
          tags: { application: 'checkout' },
          billedCost: '1.5',
        },
        { day: '2026-11-01', tags: { application: 'search' }, billedCost: '2' },
        { day: '2026-11-02', resourceId: 'i-123', billedCost: '3' },
      ]);
      const checkout = testEntity('Component', 'checkout', {
        annotations: { 'finops-itam.io/cost-tags': 'application=checkout' },
      });
      const first = await services(knex, [checkout]).allocation.run();
      expect(first).toMatchObject({ factsScanned: 3, factsChanged: 3 });

      const again = await services(knex, [checkout]).allocation.run();
      expect(again.factsChanged).toBe(0);

      const search = testEntity('Component', 'search', {
        annotations: {
          'aws.amazon.com/cost-insights-tags': 'application=search',
        },
      });
      const changed = await services(knex, [checkout, search]).allocation.run();
      expect(changed.factsChanged).toBe(1);
      const rows = await knex('finops_itam_allocated_facts')
        .orderBy('id')
        .select('allocated_entity_ref', 'allocation_rule');
      expect(rows).toEqual([
        {
          allocated_entity_ref: 'component:default/checkout',
          allocation_rule: 'tags',
        },
        {
          allocated_entity_ref: 'component:default/search',
          allocation_rule: 'tags',
        },
        { allocated_entity_ref: null, allocation_rule: null },
      ]);
      await knex.destroy();
    });

    it('reports rule conflicts per run and drops them once the annotation is fixed', async () => {
      const knex = await init(databaseId);
      await insertFacts(knex, [
        {
          day: '2026-11-01',
          resourceId: 'i-1',
          resourceName: 'web-1',
          tags: { application: 'shop' },
          billedCost: '1',
        },
        {
          day: '2026-11-02',
          resourceId: 'i-1',
          resourceName: 'web-1',
          tags: { application: 'shop' },
          billedCost: '2',
        },
        {
          day: '2026-11-02',
          resourceId: 'i-2',
          resourceName: 'web-2',
          tags: { application: 'shop' },
          billedCost: '3',
        },
        {
          day: '2026-11-02',
          resourceId: 'i-3',
          tags: { application: 'other' },
          billedCost: '4',
        },
      ]);
      const tagged = (name: string, value: string) =>
        testEntity('Component', name, {
          annotations: { 'finops-itam.io/cost-tags': `application=${value}` },
        });
      // Listed in reverse order: the winner must not depend on catalog order.
      const conflicting = [tagged('zeta', 'shop'), tagged('alpha', 'shop')];
      const first = services(knex, conflicting);
      const result = await first.allocation.run();
      expect(result.conflicts).toBe(2);

      const { conflicts, total } = await first.allocation.conflicts(100);
      expect(total).toBe(2);
      const winner = conflicts[0].winner;
      expect(['component:default/alpha', 'component:default/zeta']).toContain(
        winner,
      );
      expect(conflicts).toEqual([
        {
          resourceId: 'i-1',
          resourceName: 'web-1',
          rule: 'tags',
          winner,
          candidates: ['component:default/alpha', 'component:default/zeta'],
          factCount: 2,
        },
        {
          resourceId: 'i-2',
          resourceName: 'web-2',
          rule: 'tags',
          winner,
          candidates: ['component:default/alpha', 'component:default/zeta'],
          factCount: 1,
        },
      ]);
      const owners = await knex('finops_itam_allocated_facts')
        .whereIn('resource_id', ['i-1', 'i-2'])
        .distinct('allocated_entity_ref');
      expect(owners).toEqual([{ allocated_entity_ref: winner }]);
      expect((await first.allocation.conflicts(1)).conflicts).toHaveLength(1);

      // Same result whatever order the catalog lists the entities in.
      await services(knex, [...conflicting].reverse()).allocation.run();
      expect((await first.allocation.conflicts(100)).conflicts[0].winner).toBe(
        winner,
      );

      const fixed = services(knex, [
        tagged('zeta', 'shop'),
        tagged('alpha', 'other'),
      ]);
      const rerun = await fixed.allocation.run();
      expect(rerun.conflicts).toBe(0);
      expect(await fixed.allocation.conflicts(100)).toEqual({
        conflicts: [],
        total: 0,
      });
      expect(await fixed.allocation.conflictCount()).toBe(0);
      await knex.destroy();
    });

    it('rolls components up into systems, domains, owners and parent groups', async () => {
      const knex = await init(databaseId);
      const entities = [
        testEntity('Domain', 'commerce'),
        testEntity('Group', 'org'),
        testEntity('Group', 'team-a', { spec: { parent: 'org' } }),
        testEntity('System', 'shop', {
          spec: { domain: 'commerce', owner: 'team-a' },
        }),
        testEntity('Component', 'checkout', {
          spec: { system: 'shop', owner: 'group:default/team-a' },
        }),
      ];
      await services(knex, entities).allocation.run();
      const rows = await knex('finops_itam_rollup_members')
        .where('member_ref', 'component:default/checkout')
        .orderBy('ancestor_ref')
        .select('ancestor_ref');
      expect(rows.map(r => r.ancestor_ref)).toEqual([
        'component:default/checkout',
        'domain:default/commerce',
        'group:default/org',
        'group:default/team-a',
        'system:default/shop',
      ]);
      await knex.destroy();
    });
  });
});
