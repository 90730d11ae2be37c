import { mockServices } from '@backstage/backend-test-utils';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { FocusFileReader } from '../ingestion/FocusFileReader';
import { IngestionService } from '../ingestion/IngestionService';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { focusCsv } from './__fixtures__/focusCsv';
import { CostSourceRunner, UNCHANGED_MESSAGE } from './CostSourceRunner';
import { fileCostSources } from './FileCostSource';
import { SourceFileFetcher } from './SourceFileFetcher';

jest.setTimeout(60_000);

const schedule = { frequency: { hours: 1 }, timeout: { minutes: 30 } };

describe('CostSourceRunner', () => {
  const databases = createTestDatabases();
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'finops-runner-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseCostStore.create({
      database: mockServices.database({ knex }),
    });
    const logger = mockServices.logger.mock();
    const ingestion = new IngestionService(
      store,
      new FocusFileReader(),
      logger,
      {
        maxRejectedShare: 0.01,
      },
    );
    const runner = new CostSourceRunner({
      sources: fileCostSources(
        [
          { id: 'aws-focus', location: path.join(dir, 'aws'), schedule },
          { id: 'gone', location: path.join(dir, 'nowhere'), schedule },
        ],
        new SourceFileFetcher({ urlReader: mockServices.urlReader.mock() }),
      ),
      ingestion,
      store,
      logger,
    });
    return { store, runner };
  }

  async function writeExport(name: string, content: string) {
    await mkdir(path.join(dir, 'aws'), { recursive: true });
    await writeFile(path.join(dir, 'aws', name), content);
  }

  it.each(databases.eachSupportedId())(
    'ingests a new delivery, skips it unchanged, and re-ingests it changed on %p',
    async databaseId => {
      const { store, runner } = await setUp(databaseId);
      await writeExport('part-1.csv', focusCsv([{ day: 5, cost: '1.5' }]));
      await writeExport('part-2.csv', focusCsv([{ day: 6, cost: '2.25' }]));

      const first = await runner.run('aws-focus');
      expect(first).toMatchObject({
        sourceId: 'aws-focus',
        status: 'succeeded',
        report: { rows: { read: 2, accepted: 2 } },
      });
      expect(await store.sourceTotals('aws-focus')).toEqual([
        expect.objectContaining({ billedCost: '3.75' }),
      ]);
      const afterFirst = await store.getSourceState('aws-focus');
      expect(Object.keys(afterFirst!.fileFingerprints)).toEqual([
        'part-1.csv',
        'part-2.csv',
      ]);

      const second = await runner.run('aws-focus');
      expect(second).toMatchObject({
        status: 'skipped',
        message: UNCHANGED_MESSAGE,
        report: null,
      });
      expect(
        await store.listIngestions({ sourceId: 'aws-focus', limit: 10 }),
      ).toHaveLength(1);
      expect(await store.getSourceState('aws-focus')).toMatchObject({
        lastStatus: 'skipped',
        lastMessage: UNCHANGED_MESSAGE,
        fileFingerprints: afterFirst!.fileFingerprints,
      });

      // One changed file: the whole delivery is read again and replaces the period.
      await writeExport('part-2.csv', focusCsv([{ day: 6, cost: '4' }]));
      const third = await runner.run('aws-focus');
      expect(third).toMatchObject({
        status: 'succeeded',
        report: { rows: { read: 2 } },
      });
      expect(await store.sourceTotals('aws-focus')).toEqual([
        expect.objectContaining({ billedCost: '5.5' }),
      ]);

      // A file more is a different delivery, too.
      await writeExport('part-3.csv', focusCsv([{ day: 7, cost: '1' }]));
      expect(await runner.run('aws-focus')).toMatchObject({
        status: 'succeeded',
      });
      expect(await runner.run('aws-focus')).toMatchObject({
        status: 'skipped',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'records a missing location as a failed run instead of throwing on %p',
    async databaseId => {
      const { store, runner } = await setUp(databaseId);

      const result = await runner.run('gone');

      expect(result).toMatchObject({ status: 'failed', report: null });
      expect(result.message).toMatch(/^location ".*nowhere" matches no files/);
      expect(await store.getSourceState('gone')).toMatchObject({
        lastStatus: 'failed',
        lastMessage: result.message,
        lastIngestionId: null,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the old fingerprints after a rejected delivery, so the next run tries again, on %p',
    async databaseId => {
      const { store, runner } = await setUp(databaseId);
      await writeExport('part-1.csv', focusCsv([{ day: 5, cost: '1' }]));
      await runner.run('aws-focus');
      const good = await store.getSourceState('aws-focus');

      await writeExport(
        'part-1.csv',
        focusCsv([{ day: 5, cost: '1' }], { omit: ['BilledCost'] }),
      );
      const rejected = await runner.run('aws-focus');
      const retried = await runner.run('aws-focus');

      expect(rejected).toMatchObject({
        status: 'rejected',
        message: expect.stringContaining('BilledCost'),
      });
      expect(retried.status).toBe('rejected');
      expect(await store.getSourceState('aws-focus')).toMatchObject({
        lastStatus: 'rejected',
        lastIngestionId: retried.report!.id,
        fileFingerprints: good!.fileFingerprints,
      });
      expect(await store.sourceTotals('aws-focus')).toEqual([
        expect.objectContaining({ billedCost: '1' }),
      ]);
    },
  );

  it('lets a refresh wait for the scheduled run of the same source instead of racing it', async () => {
    const { runner } = await setUp('SQLITE_3');
    await writeExport('part-1.csv', focusCsv([{ day: 5, cost: '1' }]));

    const [scheduled, refresh] = await Promise.all([
      runner.run('aws-focus'),
      runner.run('aws-focus'),
    ]);

    expect([scheduled.status, refresh.status]).toEqual([
      'succeeded',
      'skipped',
    ]);
  });

  it('answers an unknown source id with a 404 listing the known ids', async () => {
    const { runner } = await setUp('SQLITE_3');

    await expect(runner.run('azure')).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No cost source "azure"; configured sources: aws-focus, gone',
    });
  });
});
