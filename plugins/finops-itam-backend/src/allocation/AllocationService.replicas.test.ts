import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { DatabaseAllocationStore } from '../database/DatabaseAllocationStore';
import { migrationConfig } from '../database/migrations';
import { SeededRandom } from '../__testUtils__/SeededRandom';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { AllocationService } from './AllocationService';
import { insertFacts, randomCatalog, randomFacts } from './__testUtils__/facts';

jest.setTimeout(120_000);

/**
 * Two backend replicas on one database: each has its own AllocationService (and, on
 * PostgreSQL, its own connections), and both may be asked to allocate at the same moment
 * (an upload on one, a scheduled ingestion or a button on the other).
 */
describe('allocation runs of two replicas on one database', () => {
  const databases = createTestDatabases();

  function replica(knex: Knex, random: SeededRandom) {
    return new AllocationService({
      store: new DatabaseAllocationStore(knex),
      catalog: catalogServiceMock({ entities: randomCatalog(random) }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      fallbackRules: [{ tag: 'team', entityKind: 'Group' }],
      sharedCost: { pools: [] },
    });
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('run one after the other, both succeeding, when asked at the same time', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertFacts(knex, randomFacts(new SeededRandom(20261207), 3000));
      // The same seed: both replicas read the same catalog.
      const a = replica(knex, new SeededRandom(7));
      const b = replica(knex, new SeededRandom(7));

      const results = await Promise.allSettled([a.run(), b.run()]);

      expect(
        results.map(r =>
          r.status === 'fulfilled' ? r.value.status : String(r.reason),
        ),
      ).toEqual(['succeeded', 'succeeded']);
      const runs = await knex('finops_itam_allocation_runs').orderBy('id');
      expect(runs.map(r => r.status)).toEqual(['succeeded', 'succeeded']);
      // Never two at once: the second started after the first finished.
      expect(new Date(runs[1].started_at).getTime()).toBeGreaterThanOrEqual(
        new Date(runs[0].finished_at).getTime(),
      );
    });
  });
});
