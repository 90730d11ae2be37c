import { mockServices } from '@backstage/backend-test-utils';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { fixture } from './__fixtures__';
import { FocusFileReader } from './FocusFileReader';
import { IngestionService } from './IngestionService';

describe('IngestionService', () => {
  const databases = createTestDatabases();
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ingestion-test-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseCostStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const service = new IngestionService(
      store,
      new FocusFileReader({ memoryLimit: '256MB', threads: 1 }),
      mockServices.logger.mock(),
      { maxRejectedShare: 0.01 },
    );
    const ingest = (
      name: string,
      sourceId = 'azure-focus',
      filePath = fixture(name),
    ) => service.ingest({ sourceId, files: [{ path: filePath, key: name }] });
    return { knex, store, ingest };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('stores exact daily facts and reconciles them with the file', async () => {
      const { store, ingest } = await setUp(databaseId);

      const report = await ingest('focus-1.2.csv', 'aws-focus');

      expect(report).toMatchObject({
        status: 'succeeded',
        format: 'csv',
        rows: { read: 4, accepted: 4, rejected: 0 },
        billingPeriods: ['2026-10-01'],
        dataThrough: '2026-10-05',
        schemaDrift: null,
      });
      expect(report.totals).toEqual([
        {
          billingAccountId: '111111111111',
          billingPeriodStart: '2026-10-01',
          currency: 'USD',
          billedCost: '1.4265682901000001',
          effectiveCost: '1.4265682901000001',
          stored: {
            billedCost: '1.4265682901000001',
            effectiveCost: '1.4265682901000001',
          },
          rejected: {
            rows: 0,
            billedCost: '0',
            effectiveCost: '0',
            unreadableCostRows: 0,
          },
          reconciled: true,
        },
      ]);
      // Two usage facts, and October's sales tax spread over the month's 31 days.
      expect(await store.countFacts('aws-focus')).toBe(33);
      expect(await store.getIngestion(report.id)).toEqual(report);
    });

    it('stores tag keys trimmed, so " environment " and "environment" are one key', async () => {
      const { knex, ingest } = await setUp(databaseId);
      await ingest('focus-1.2.csv', 'aws-focus');

      const row = await knex('finops_itam_cost_facts')
        .where('resource_id', 'i-0abc')
        .first();

      expect(JSON.parse(row.tags)).toEqual({
        application: 'checkout',
        environment: 'prod',
      });
    });

    it('stores deliveries larger than one insert batch completely', async () => {
      const { store, ingest } = await setUp(databaseId);
      const [header, firstRow] = (
        await readFile(fixture('bad-rows.csv'), 'utf8')
      ).split('\n');
      // 1,200 resources, one fact each: more than one batch on either database.
      const rows = Array.from({ length: 1200 }, (_, i) => {
        const row = firstRow.replace(
          '1.00,1.00,1.00,1.00,a1',
          `0.0000000000000001,1.00,1.00,1.00,a${i % 3}`,
        );
        return `${row},res-${i}`;
      });
      const file = path.join(tmp, `many-${databaseId}.csv`);
      await writeFile(file, [`${header},ResourceId`, ...rows].join('\n'));

      const report = await ingest('many.csv', 'aws-focus', file);

      expect(report.status).toBe('succeeded');
      expect(await store.countFacts('aws-focus')).toBe(1200);
      expect(
        report.totals.map(t => [
          t.billingAccountId,
          t.billedCost,
          t.reconciled,
        ]),
      ).toEqual([
        ['a0', '0.00000000000004', true],
        ['a1', '0.00000000000004', true],
        ['a2', '0.00000000000004', true],
      ]);
    });

    it('changes nothing when the same file is ingested again', async () => {
      const { store, ingest } = await setUp(databaseId);
      await ingest('focus-1.0.csv');
      const before = await store.sourceTotals('azure-focus');

      const again = await ingest('focus-1.0.csv');

      expect(again.status).toBe('succeeded');
      expect(again.schemaDrift).toEqual({ added: [], removed: [] });
      expect(await store.sourceTotals('azure-focus')).toEqual(before);
      // Two usage facts and the month-long credit spread over September's 30 days.
      expect(await store.countFacts('azure-focus')).toBe(32);
    });

    it('replaces a billing period with a newer delivery and reports the schema drift', async () => {
      const { store, ingest } = await setUp(databaseId);
      await ingest('focus-1.0.csv');
      const newer = path.join(tmp, `newer-${databaseId}.csv`);
      const [header, ...rows] = (
        await readFile(fixture('focus-1.0.csv'), 'utf8')
      )
        .replace('12.50,12.50,15.00,12.50', '20.00,20.00,25.00,20.00')
        .trim()
        .split('\n');
      await writeFile(
        newer,
        [`${header},x_Extra`, ...rows.map(row => `${row},extra`)].join('\n'),
      );

      const report = await ingest('newer.csv', 'azure-focus', newer);

      expect(report.status).toBe('succeeded');
      expect(report.schemaDrift).toEqual({ added: ['x_Extra'], removed: [] });
      expect(await store.sourceTotals('azure-focus')).toEqual([
        expect.objectContaining({
          billingPeriodStart: '2026-09-01',
          billedCost: '25.25',
        }),
      ]);
    });

    it('adds corrections once, even when re-ingested, until the period is delivered again', async () => {
      const { store, ingest } = await setUp(databaseId);
      await ingest('focus-1.0.csv');

      await ingest('corrections-2026-09.csv');
      await ingest('corrections-2026-09.csv');

      // A delivery replaces every row of its billing periods: the corrections file is all
      // that source holds for 2026-09 now, once, however often it came.
      expect(await store.sourceTotals('azure-focus')).toEqual([
        expect.objectContaining({
          billingPeriodStart: '2026-09-01',
          billedCost: '-1.25',
        }),
      ]);
      // The next full delivery of the period is the whole snapshot again.
      await ingest('focus-1.0.csv');
      expect(await store.sourceTotals('azure-focus')).toEqual([
        expect.objectContaining({
          billedCost: '17.75',
          effectiveCost: '17.75',
        }),
      ]);
    });

    it('rejects a file with too many bad rows and leaves the previous data intact', async () => {
      const { store, ingest } = await setUp(databaseId);
      const good = path.join(tmp, `period-${databaseId}.csv`);
      await copyFile(fixture('bad-rows.csv'), good);
      const goodCsv = (await readFile(good, 'utf8'))
        .split('\n')
        .filter(
          line =>
            !/one|yesterday|Refund|2026-10-02T00:00:00Z,2026-10-01/.test(line),
        )
        .join('\n');
      await writeFile(good, goodCsv);
      await ingest('period.csv', 'azure-focus', good);
      const before = await store.sourceTotals('azure-focus');

      const report = await ingest('bad-rows.csv');

      expect(report.status).toBe('rejected');
      expect(report.message).toMatch(
        /^1 rejected row\(s\) have a cost that cannot be read, so the money they carry is unknown; first: row 2, BilledCost: "one" is not a decimal number in range; nothing was stored$/,
      );
      expect(report.rows).toEqual({ read: 6, accepted: 2, rejected: 4 });
      expect(report.rejections).toHaveLength(4);
      expect(await store.sourceTotals('azure-focus')).toEqual(before);
    });

    it('keeps the previous data when storing fails half-way', async () => {
      const { store, ingest } = await setUp(databaseId);
      await ingest('focus-1.0.csv');
      const before = await store.sourceTotals('azure-focus');
      const failing = jest
        .spyOn(store, 'storedTotals')
        .mockRejectedValueOnce(new Error('disk full'));

      const report = await ingest('focus-1.0.csv');

      expect(report).toMatchObject({
        status: 'failed',
        message: 'Ingestion failed: disk full',
      });
      expect(await store.sourceTotals('azure-focus')).toEqual(before);
      failing.mockRestore();
    });

    it('rejects a file missing mandatory columns with their names and stores nothing', async () => {
      const { store, ingest } = await setUp(databaseId);

      const report = await ingest('missing-columns.csv');

      expect(report.status).toBe('rejected');
      expect(report.message).toContain(
        'missing mandatory FOCUS column(s): EffectiveCost',
      );
      expect(await store.countFacts()).toBe(0);
      expect((await store.listIngestions({ limit: 10 }))[0]).toMatchObject({
        id: report.id,
        status: 'rejected',
      });
    });

    const runningReport = (id: string, startedAt: string) => ({
      id,
      sourceId: 'aws-focus',
      fileName: 'big.csv',
      status: 'running' as const,
      message: 'Ingestion is running',
      rows: { read: 0, accepted: 0, rejected: 0 },
      rejections: [],
      warnings: [],
      totals: [],
      schemaDrift: null,
      billingPeriods: [],
      dataThrough: null,
      timings: { readMs: 0, storeMs: 0, totalMs: 0 },
      startedAt,
      finishedAt: null,
    });
    const crashed = '00000000-0000-0000-0000-000000000001';
    const alive = '00000000-0000-0000-0000-000000000002';
    const neverBeat = '00000000-0000-0000-0000-000000000003';

    it('marks ingestions silent for minutes as interrupted, and leaves live ones running', async () => {
      const { store } = await setUp(databaseId);
      // Both started an hour ago; the crashed one last beat five minutes ago, the other 10 s ago.
      await store.insertIngestion(
        runningReport(crashed, '2026-11-27T10:00:00.000Z'),
      );
      await store.insertIngestion(
        runningReport(alive, '2026-11-27T10:00:00.000Z'),
      );
      await store.insertIngestion(
        runningReport(neverBeat, '2026-11-27T10:59:00.000Z'),
      );
      await store.touchIngestion(crashed, new Date('2026-11-27T10:55:00Z'));
      await store.touchIngestion(alive, new Date('2026-11-27T10:59:50Z'));

      const now = new Date('2026-11-27T11:00:00Z');
      expect(
        await store.failInterruptedIngestions(now, {
          silentSince: new Date('2026-11-27T10:58:00Z'),
        }),
      ).toBe(1);

      expect(await store.getIngestion(crashed)).toMatchObject({
        status: 'failed',
        message: expect.stringMatching(
          /^Interrupted: .*last sign of life 2026-11-27T10:55:00.000Z.*left as it was before$/,
        ),
        finishedAt: '2026-11-27T11:00:00.000Z',
      });
      expect(await store.getIngestion(alive)).toMatchObject({
        status: 'running',
      });
      // Started a minute ago without a beat yet: not silent long enough.
      expect(await store.getIngestion(neverBeat)).toMatchObject({
        status: 'running',
      });
    });

    it('never marks a run of its own process, however silent the database says it is', async () => {
      const { store } = await setUp(databaseId);
      await store.insertIngestion(
        runningReport(crashed, '2026-11-27T10:00:00.000Z'),
      );
      expect(
        await store.failInterruptedIngestions(
          new Date('2026-11-27T11:00:00Z'),
          {
            silentSince: new Date('2026-11-27T10:58:00Z'),
            exceptIds: new Set([crashed]),
          },
        ),
      ).toBe(0);
      expect(await store.getIngestion(crashed)).toMatchObject({
        status: 'running',
      });
    });

    it('beats while it runs, so other replicas see it alive', async () => {
      const { knex, store } = await setUp(databaseId);
      const slowReader = new FocusFileReader({
        memoryLimit: '256MB',
        threads: 1,
      });
      const stream = slowReader.stream.bind(slowReader);
      slowReader.stream = async (files, use) => {
        await new Promise(resolve => setTimeout(resolve, 300));
        return stream(files, use);
      };
      const service = new IngestionService(
        store,
        slowReader,
        mockServices.logger.mock(),
        { maxRejectedShare: 0.01, heartbeatMs: 50 },
      );

      const report = await service.ingest({
        sourceId: 'aws-focus',
        files: [{ path: fixture('focus-1.2.csv'), key: 'focus-1.2.csv' }],
      });

      expect(report.status).toBe('succeeded');
      const row = await knex('finops_itam_ingestions')
        .where('id', report.id)
        .first();
      expect(row.heartbeat_at).not.toBeNull();
      expect(new Date(row.heartbeat_at).getTime()).toBeGreaterThan(
        new Date(report.startedAt).getTime(),
      );
      // The run is its own, so a sweep during it would have left it alone; after it, it is done.
      expect(
        await service.failInterrupted(new Date(Date.now() + 3600_000)),
      ).toBe(0);
    });
  });
});
