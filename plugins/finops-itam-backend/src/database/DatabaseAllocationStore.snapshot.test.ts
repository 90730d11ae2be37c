import { DatabaseAllocationStore } from './DatabaseAllocationStore';
import { migrationConfig } from './migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

/**
 * The allocation snapshot (latest run, cost data version) is reused for a second across
 * requests. Cost answers are cached per version, so a snapshot that outlives a run's end
 * keeps serving the answers computed before the run: found by 50 readers of the Cost tab
 * during an allocation run (reliability/scenarios/loadWhileWorking.ts).
 */
describe('DatabaseAllocationStore allocation snapshot', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('shows the finished run and its new cost data version as soon as finishRun returns', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      const store = new DatabaseAllocationStore(knex);
      const runId = await store.startRun(new Date());
      const before = await store.allocationSnapshot();

      const finishing = store.finishRun(
        runId,
        {
          status: 'succeeded',
          factsScanned: 0,
          factsChanged: 0,
          factsFingerprint: null,
          message: 'done',
          costChanged: true,
        },
        new Date(),
      );
      // A request arriving while the run's end is being written.
      const during = store.allocationSnapshot();
      await finishing;
      await during;
      const after = await store.allocationSnapshot();

      expect(after.run).toMatchObject({ id: runId, status: 'succeeded' });
      expect(Number(after.costDataVersion)).toBe(
        Number(before.costDataVersion) + 1,
      );
    });
  });
});
