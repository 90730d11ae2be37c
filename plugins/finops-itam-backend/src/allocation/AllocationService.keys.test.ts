import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { readdirSync } from 'node:fs';
import { DatabaseAllocationStore } from '../database/DatabaseAllocationStore';
import { migrationConfig } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { AllocationService } from './AllocationService';
import { parseSharedCostConfig } from './shared';
import { readCostDataVersion } from '../database/costDataVersion';
import { insertFacts, testEntity } from './__testUtils__/facts';

jest.setTimeout(120_000);

function allocation(knex: Knex, entities: Entity[]) {
  return new AllocationService({
    store: new DatabaseAllocationStore(knex),
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    fallbackRules: [],
    sharedCost: { pools: [] },
  });
}

const checkout = (system: string) =>
  testEntity('Component', 'checkout', {
    annotations: { 'finops-itam.io/cost-tags': 'application=checkout' },
    spec: { system, owner: 'team-a' },
  });
const catalog = (system: string) => [
  testEntity('Group', 'team-a'),
  testEntity('System', 'shop', { spec: { owner: 'team-a' } }),
  testEntity('System', 'core', { spec: { owner: 'team-a' } }),
  checkout(system),
];

/** Direct cost per entity in the daily rollup (amortized), as numbers for readability. */
async function rollup(knex: Knex): Promise<Record<string, number>> {
  const rows = await knex('finops_itam_entity_daily_cost')
    .where('basis', 'amortized')
    .select('entity_ref', 'direct');
  const out: Record<string, number> = {};
  for (const row of rows)
    out[row.entity_ref] = (out[row.entity_ref] ?? 0) + Number(row.direct);
  return out;
}

async function count(query: Knex.QueryBuilder): Promise<number> {
  const [row] = await query.count({ n: '*' });
  return Number(row.n);
}

describe('AllocationService allocation keys', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function init() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      return knex;
    }

    it('raises the cost data version only when a run changes what cost answers show', async () => {
      const knex = await init();
      await insertFacts(knex, [
        {
          day: '2026-11-01',
          tags: { application: 'checkout' },
          billedCost: '2.5',
        },
        { day: '2026-11-01', serviceName: 'AWS Support', billedCost: '0.5' },
      ]);
      const run = (entities: Entity[]) =>
        new AllocationService({
          store: new DatabaseAllocationStore(knex),
          catalog: catalogServiceMock({ entities }),
          auth: mockServices.auth(),
          logger: mockServices.logger.mock(),
          fallbackRules: [],
          sharedCost: parseSharedCostConfig({
            sharedCostPools: [
              {
                id: 'support',
                mode: 'showback',
                rows: { services: ['AWS Support'] },
                targets: { allComponentsOf: 'group:default/team-a' },
                method: 'even',
              },
            ],
          }),
        }).run();
      const version = async () => Number(await readCostDataVersion(knex));

      await run(catalog('shop'));
      const first = await version();
      // Same catalog, same facts: the same owners and the same pool split.
      expect(await run(catalog('shop'))).toMatchObject({
        rollup: 'incremental',
        sharedParts: 2,
      });
      expect(await version()).toBe(first);
      // checkout moves to another system: its rollup members change.
      await run(catalog('core'));
      expect(await version()).toBe(first + 1);
      // Its annotation goes: its key changes owner (unallocated), the pool loses nothing.
      const unannotated = catalog('core').map(e =>
        e.metadata.name === 'checkout'
          ? { ...e, metadata: { ...e.metadata, annotations: {} } }
          : e,
      );
      await run(unannotated);
      expect(await version()).toBe(first + 2);
      await run(unannotated);
      expect(await version()).toBe(first + 2);
    });

    it('moves the cost of a component that changes system without a rebuild', async () => {
      const knex = await init();
      await insertFacts(knex, [
        {
          day: '2026-11-01',
          tags: { application: 'checkout' },
          billedCost: '2.5',
        },
        {
          day: '2026-11-02',
          tags: { application: 'checkout' },
          billedCost: '1.25',
        },
      ]);
      expect(await allocation(knex, catalog('shop')).run()).toMatchObject({
        rollup: 'rebuilt',
      });
      expect(await rollup(knex)).toEqual({
        'component:default/checkout': 3.75,
        'system:default/shop': 3.75,
        'group:default/team-a': 3.75,
      });

      const moved = await allocation(knex, catalog('core')).run();
      expect(moved).toMatchObject({ rollup: 'incremental', factsChanged: 0 });
      expect(await rollup(knex)).toEqual({
        'component:default/checkout': 3.75,
        'system:default/core': 3.75,
        'group:default/team-a': 3.75,
      });
      await knex.destroy();
    });

    it('gives facts stored without a key one, and forgets keys whose facts are gone', async () => {
      const knex = await init();
      await insertFacts(knex, [
        {
          day: '2026-11-01',
          tags: { application: 'checkout' },
          billedCost: '2',
        },
        {
          day: '2026-11-01',
          resourceId: 'i-gone',
          tags: { application: 'checkout' },
          billedCost: '3',
        },
      ]);
      // As written by a tool that does not know allocation keys.
      await knex('finops_itam_cost_facts').update({ allocation_key: null });
      expect(await allocation(knex, catalog('shop')).run()).toMatchObject({
        status: 'succeeded',
        rollup: 'rebuilt',
      });
      expect(
        await count(knex('finops_itam_cost_facts').whereNull('allocation_key')),
      ).toBe(0);
      expect(await rollup(knex)).toMatchObject({
        'component:default/checkout': 5,
      });

      // The billing period is delivered again without i-gone: its key goes, the rollup is rebuilt.
      await knex('finops_itam_cost_facts')
        .where('resource_id', 'i-gone')
        .delete();
      expect(await allocation(knex, catalog('shop')).run()).toMatchObject({
        rollup: 'rebuilt',
      });
      expect(await rollup(knex)).toMatchObject({
        'component:default/checkout': 2,
      });
      expect(
        await count(
          knex('finops_itam_allocation_keys').whereNotNull('resource_id'),
        ),
      ).toBe(0);
      await knex.destroy();
    });

    it('allocates facts stored before allocation keys existed after the upgrade', async () => {
      const knex = await databases.init(databaseId);
      const migrations = readdirSync(migrationConfig.directory as string)
        .filter(name => name.endsWith('.js'))
        .sort();
      const keysMigration = migrations.indexOf(
        '20261127190000_allocation_keys.js',
      );
      for (const name of migrations.slice(0, keysMigration)) {
        await knex.migrate.up({ ...migrationConfig, name });
      }
      // A fact as the previous version stored it, allocated on the fact itself.
      await knex('finops_itam_cost_facts').insert({
        source_id: 'aws',
        ingestion_id: 'ingestion-1',
        file_key: 'file.csv',
        billing_period_start: '2026-11-01',
        day: '2026-11-01',
        billing_account_id: 'billing-1',
        charge_category: 'Usage',
        currency: 'USD',
        tags: JSON.stringify({ application: 'checkout' }),
        billed_cost: '4',
        effective_cost: '4',
        list_cost: '0',
        contracted_cost: '0',
        consumed_quantity: '1',
        row_count: 1,
        allocated_entity_ref: 'component:default/old-owner',
        allocated_at: new Date(),
      });
      await knex.migrate.latest(migrationConfig);

      const store = new DatabaseAllocationStore(knex);
      // Until the next run the fact counts as waiting, not as owned by the old owner.
      expect(await store.hasUnallocatedFacts()).toBe(true);
      await allocation(knex, catalog('shop')).run();
      expect(await store.hasUnallocatedFacts()).toBe(false);
      expect(
        await knex('finops_itam_allocated_facts').select(
          'allocated_entity_ref',
        ),
      ).toEqual([{ allocated_entity_ref: 'component:default/checkout' }]);
      expect(await rollup(knex)).toMatchObject({
        'component:default/checkout': 4,
      });
      await knex.destroy();
    });
  });
});
