import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { fixture } from '../ingestion/__fixtures__';
import { FocusFileReader } from '../ingestion/FocusFileReader';
import { IngestionService } from '../ingestion/IngestionService';
import { DatabaseLicenseStore } from '../licenses/DatabaseLicenseStore';
import { DatabaseAllocationStore } from './DatabaseAllocationStore';
import { DatabaseCostStore } from './DatabaseCostStore';
import { readCostDataVersion } from './costDataVersion';

jest.setTimeout(60_000);

describe('the cost data version', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'rises with every write that changes cost answers, and only then, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const costs = await DatabaseCostStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
      const ingestion = new IngestionService(
        costs,
        new FocusFileReader({ memoryLimit: '256MB', threads: 1 }),
        mockServices.logger.mock(),
        { maxRejectedShare: 0.01 },
      );
      const version = () => readCostDataVersion(knex);
      expect(await version()).toBe('0');

      const stored = await ingestion.ingest({
        sourceId: 'aws-focus',
        files: [{ path: fixture('focus-1.2.csv'), key: 'focus-1.2.csv' }],
      });
      expect(stored.status).toBe('succeeded');
      expect(await version()).toBe('1');

      // A rejected delivery changes nothing, the version included.
      const rejected = await ingestion.ingest({
        sourceId: 'aws-focus',
        files: [
          { path: fixture('missing-columns.csv'), key: 'missing-columns.csv' },
        ],
      });
      expect(rejected.status).toBe('rejected');
      expect(await version()).toBe('1');

      expect(await costs.deleteFactsBefore('2000-01-01')).toBe(0);
      expect(await version()).toBe('1');
      expect(await costs.deleteFactsBefore('2026-10-02')).toBeGreaterThan(0);
      expect(await version()).toBe('2');

      const allocation = new DatabaseAllocationStore(knex);
      const runId = await allocation.startRun(new Date());
      expect(await version()).toBe('2');
      await allocation.finishRun(
        runId,
        {
          status: 'succeeded',
          factsScanned: 1,
          factsChanged: 0,
          factsFingerprint: null,
          message: 'done',
        },
        new Date(),
      );
      expect(await version()).toBe('3');

      await new DatabaseLicenseStore(knex).replaceDailyCost([]);
      expect(await version()).toBe('4');
      await knex.destroy();
    },
  );
});
