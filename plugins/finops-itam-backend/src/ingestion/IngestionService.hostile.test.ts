import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { focusRow, writeFocusCsv } from './__testUtils__/focusRows';
import { ingestionOn } from './__testUtils__/ingestionOn';

/**
 * Hostile files that only the database notices, found by the ingestion property tests:
 * each is rejected naming row and column, and the previous data stays as it was.
 */
describe('IngestionService on hostile files', () => {
  const databases = createTestDatabases();
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ingestion-hostile-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it.each(databases.eachSupportedId())(
    'rejects a NUL character in a text cell past the first bytes, naming row and column, on %p',
    async databaseId => {
      const { costs: store, ingestion: service } = await ingestionOn(
        await databases.init(databaseId),
      );
      const ingest = async (resourceOfRow5: string) => {
        const file = path.join(tmp, `nul-${databaseId}.csv`);
        await writeFocusCsv(
          file,
          [1, 2, 3, 4, 5].map(i =>
            focusRow({ ResourceId: i === 5 ? resourceOfRow5 : `vm-${i}` }),
          ),
        );
        return service.ingest({
          sourceId: 'aws-focus',
          files: [{ path: file, key: 'export.csv' }],
        });
      };
      expect((await ingest('vm-5')).status).toBe('succeeded');
      const before = await store.sourceTotals('aws-focus');

      const report = await ingest('vm-\u00005');

      expect(report).toMatchObject({
        status: 'rejected',
        message:
          'export.csv: row 5, ResourceId: "vm-\\u00005" holds a NUL character, which no database text can store; nothing was stored',
      });
      expect(await store.sourceTotals('aws-focus')).toEqual(before);
      expect(await store.countFacts('aws-focus')).toBe(5);
    },
  );
});
