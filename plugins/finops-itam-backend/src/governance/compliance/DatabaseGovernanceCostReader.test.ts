import { Knex } from 'knex';
import {
  allocateFactsByHand,
  insertFacts,
} from '../../allocation/__testUtils__/facts';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { bumpCostDataVersion } from '../../database/costDataVersion';
import { migrationConfig } from '../../database/migrations';
import { DatabaseGovernanceCostReader } from './DatabaseGovernanceCostReader';

jest.setTimeout(60_000);

const NOVEMBER = { from: '2026-11-01', to: '2026-12-01' };

describe('DatabaseGovernanceCostReader', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'groups a period’s facts by what policies judge, with their owner, until the cost data changes, on %p',
    async databaseId => {
      const knex: Knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertFacts(knex, [
        {
          day: '2026-11-01',
          resourceId: 'i-1',
          tags: { 'cost-center': 'cc-1' },
          serviceCategory: 'a',
          billedCost: '1.25',
        },
        {
          day: '2026-11-02',
          resourceId: 'i-1',
          tags: { 'cost-center': 'cc-1' },
          serviceCategory: 'a',
          billedCost: '0.0000000000000001',
        },
        // Another region of the same resource is another group.
        {
          day: '2026-11-02',
          resourceId: 'i-1',
          tags: { 'cost-center': 'cc-1' },
          serviceCategory: 'b',
          billedCost: '2',
        },
        { day: '2026-12-01', resourceId: 'i-1', billedCost: '99' },
      ]);
      await knex('finops_itam_cost_facts').update({
        provider_name: 'AWS',
        invoice_issuer_name: 'Amazon Web Services',
        publisher_name: 'Amazon Web Services',
        region_id: 'eu-west-1',
      });
      await knex('finops_itam_cost_facts')
        .where({ service_category: 'b' })
        .update({ region_id: 'us-east-1' });
      await allocateFactsByHand(
        knex,
        { service_category: 'a' },
        { entityRef: 'component:default/checkout' },
      );
      const reader = new DatabaseGovernanceCostReader(knex);
      const common = {
        providerName: 'AWS',
        hostProviderName: null,
        publisherName: 'Amazon Web Services',
        invoiceIssuerName: 'Amazon Web Services',
        resourceId: 'i-1',
        resourceName: null,
        tags: '{"cost-center":"cc-1"}',
        currency: 'USD',
      };
      const expected = [
        {
          ...common,
          regionId: 'eu-west-1',
          allocatedEntityRef: 'component:default/checkout',
          // 1.25 + 0.0000000000000001
          effectiveCost: '1.2500000000000001',
        },
        {
          ...common,
          regionId: 'us-east-1',
          allocatedEntityRef: null,
          effectiveCost: '2',
        },
      ];
      const byRegion = (groups: Array<{ regionId: string | null }>) =>
        [...groups].sort((a, b) =>
          (a.regionId ?? '').localeCompare(b.regionId ?? ''),
        );
      expect(byRegion(await reader.costGroups(NOVEMBER))).toEqual(expected);

      // A fact written without raising the cost data version is not seen yet…
      await insertFacts(knex, [
        { day: '2026-11-03', resourceId: 'i-2', billedCost: '5' },
      ]);
      expect(await reader.costGroups(NOVEMBER)).toHaveLength(2);
      // …and is once the version moves, as ingestion moves it.
      await bumpCostDataVersion(knex);
      expect(await reader.costGroups(NOVEMBER)).toHaveLength(3);
    },
  );
});
