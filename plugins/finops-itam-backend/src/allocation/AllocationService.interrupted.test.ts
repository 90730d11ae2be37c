import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { DatabaseAllocationStore } from '../database/DatabaseAllocationStore';
import { migrationConfig } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { AllocationService } from './AllocationService';
import { CostQueryService } from './CostQueryService';

jest.setTimeout(60_000);

/** A run a killed backend left behind: started, beat a few times, never finished. */
async function runLeftBehind(store: DatabaseAllocationStore, lastBeat: Date) {
  const id = await store.startRun(new Date(lastBeat.getTime() - 60_000));
  await store.touchRun(id, lastBeat);
  return id;
}

describe('allocation runs interrupted by a killed backend', () => {
  const databases = createTestDatabases();

  async function setUp(
    databaseId: Parameters<typeof databases.init>[0],
    now: Date,
  ) {
    const knex: Knex = await databases.init(databaseId);
    await knex.migrate.latest(migrationConfig);
    const store = new DatabaseAllocationStore(knex);
    const catalog = catalogServiceMock({ entities: [] });
    const auth = mockServices.auth();
    const allocation = new AllocationService({
      store,
      catalog,
      auth,
      logger: mockServices.logger.mock(),
      fallbackRules: [],
      sharedCost: { pools: [] },
    });
    const queries = new CostQueryService({
      store,
      catalog,
      auth,
      now: () => now,
    });
    return { knex, store, allocation, queries };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('stop reading "running" once silent for two minutes, and are marked failed as interrupted', async () => {
      const now = new Date();
      const { knex, store, allocation, queries } = await setUp(databaseId, now);
      const id = await runLeftBehind(
        store,
        new Date(now.getTime() - 3 * 60_000),
      );

      // Before any sweep, answers already stop saying allocation is running.
      expect(await queries.allocationStatus()).toMatchObject({
        state: 'current',
      });

      expect(await allocation.failInterrupted(now)).toBe(1);
      const row = await knex('finops_itam_allocation_runs')
        .where('id', id)
        .first();
      expect(row.status).toBe('failed');
      expect(row.message).toMatch(/^Interrupted: /);
      expect(row.finished_at).not.toBeNull();
    });

    it('leave a run that beat recently alone: it still reads "running"', async () => {
      const now = new Date();
      const { knex, store, allocation, queries } = await setUp(databaseId, now);
      const id = await runLeftBehind(store, new Date(now.getTime() - 20_000));

      expect(await allocation.failInterrupted(now)).toBe(0);
      expect(await queries.allocationStatus()).toMatchObject({
        state: 'running',
      });
      expect(
        (await knex('finops_itam_allocation_runs').where('id', id).first())
          .status,
      ).toBe('running');
    });

    it('let the next run complete after an interrupted one', async () => {
      const now = new Date();
      const { store, allocation, queries } = await setUp(databaseId, now);
      await runLeftBehind(store, new Date(now.getTime() - 3 * 60_000));
      await allocation.failInterrupted(now);

      const result = await allocation.run();

      expect(result.status).toBe('succeeded');
      expect(await store.latestRun()).toMatchObject({ status: 'succeeded' });
      expect(await queries.allocationStatus()).toMatchObject({
        state: 'current',
      });
    });
  });
});
