import { mockServices } from '@backstage/backend-test-utils';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { FocusFileReader } from '../ingestion/FocusFileReader';
import { IngestionService } from '../ingestion/IngestionService';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { focusCsv } from './__fixtures__/focusCsv';
import { CostSourceConfig } from './config';
import { CostSourceRunner } from './CostSourceRunner';
import { fileCostSources } from './FileCostSource';
import { SourceFileFetcher } from './SourceFileFetcher';
import { fakeObjectStore } from './__testUtils__/fakeObjectStore';

jest.setTimeout(60_000);

const schedule = { frequency: { hours: 1 }, timeout: { minutes: 30 } };

/**
 * Runs of sources whose location holds a provider's export layout: every billing period is
 * delivered again and again (new version folders or run folders), and only the latest
 * complete delivery of each period may count.
 */
describe('CostSourceRunner with export layouts', () => {
  const databases = createTestDatabases();
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'finops-layouts-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function setUp(
    databaseId: Parameters<typeof databases.init>[0],
    source: Omit<CostSourceConfig, 'schedule'>,
    urlReader = mockServices.urlReader.mock(),
  ) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseCostStore.create({
      database: mockServices.database({ knex }),
    });
    const logger = mockServices.logger.mock();
    const ingestion = new IngestionService(
      store,
      new FocusFileReader(),
      logger,
      { maxRejectedShare: 0.01 },
    );
    const runner = new CostSourceRunner({
      sources: fileCostSources(
        [{ ...source, schedule }],
        new SourceFileFetcher({ urlReader }),
      ),
      ingestion,
      store,
      logger,
    });
    return { store, runner };
  }

  /** Writes a file of the tree with a given modification time (minutes after a base). */
  async function put(relative: string, content: string, minute: number) {
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    const time = new Date(Date.UTC(2026, 10, 1, 0, minute));
    await utimes(file, time, time);
  }

  const billedByPeriod = async (store: DatabaseCostStore, id: string) =>
    Object.fromEntries(
      (await store.sourceTotals(id)).map(t => [
        t.billingPeriodStart.slice(0, 7),
        t.billedCost,
      ]),
    );

  // AWS Data Exports, "create new export versions": one folder per refresh below each
  // BILLING_PERIOD partition of data/ and metadata/, the manifest written last and
  // listing the data files of its refresh as s3:// URLs.
  const AWS = 'acme/acme-focus';
  const awsManifest = (period: string, version: string, parts: string[]) =>
    JSON.stringify({
      exportName: 'acme-focus',
      billingPeriod: period,
      dataFiles: parts.map(
        p =>
          `s3://acme-billing/${AWS}/data/BILLING_PERIOD=${period}/${version}/${p}`,
      ),
    });

  async function writeAwsSeptemberTwice() {
    // First refresh of September: 10.
    await put(
      `${AWS}/data/BILLING_PERIOD=2026-09/20260915T010203Z-a1/acme-focus-00001.csv`,
      focusCsv([{ day: 14, cost: '10' }], { month: '2026-09' }),
      1,
    );
    await put(
      `${AWS}/metadata/BILLING_PERIOD=2026-09/20260915T010203Z-a1/acme-focus-Manifest.json`,
      awsManifest('2026-09', '20260915T010203Z-a1', ['acme-focus-00001.csv']),
      2,
    );
    // Final refresh of September, two parts: 12 + 3, the whole month again.
    await put(
      `${AWS}/data/BILLING_PERIOD=2026-09/20261002T010203Z-b2/acme-focus-00001.csv`,
      focusCsv([{ day: 14, cost: '12' }], { month: '2026-09' }),
      3,
    );
    await put(
      `${AWS}/data/BILLING_PERIOD=2026-09/20261002T010203Z-b2/acme-focus-00002.csv`,
      focusCsv([{ day: 29, cost: '3' }], { month: '2026-09' }),
      3,
    );
    await put(
      `${AWS}/metadata/BILLING_PERIOD=2026-09/20261002T010203Z-b2/acme-focus-Manifest.json`,
      awsManifest('2026-09', '20261002T010203Z-b2', [
        'acme-focus-00001.csv',
        'acme-focus-00002.csv',
      ]),
      4,
    );
  }

  async function writeAwsOctober(
    cost: string,
    version: string,
    minute: number,
  ) {
    await put(
      `${AWS}/data/BILLING_PERIOD=2026-10/${version}/acme-focus-00001.csv`,
      focusCsv([{ day: 3, cost }]),
      minute,
    );
    await put(
      `${AWS}/metadata/BILLING_PERIOD=2026-10/${version}/acme-focus-Manifest.json`,
      awsManifest('2026-10', version, ['acme-focus-00001.csv']),
      minute + 1,
    );
  }

  it.each(databases.eachSupportedId())(
    'ingests only the latest delivery of each AWS billing period, one ingestion per period, on %p',
    async databaseId => {
      const { store, runner } = await setUp(databaseId, {
        id: 'aws-focus',
        location: path.join(dir, 'acme'),
      });
      await writeAwsSeptemberTwice();
      await writeAwsOctober('4', '20261003T010203Z-c3', 10);

      const result = await runner.run('aws-focus');

      expect(result.status).toBe('succeeded');
      // Before layouts: every version of September summed, 10 + 12 + 3 = 25.
      expect(await billedByPeriod(store, 'aws-focus')).toEqual({
        '2026-09': '15',
        '2026-10': '4',
      });
      const ingestions = await store.listIngestions({
        sourceId: 'aws-focus',
        limit: 10,
      });
      expect(ingestions.map(i => i.fileName).sort()).toEqual([
        '2 files',
        'acme-focus/BILLING_PERIOD=2026-10/acme-focus-00001.csv',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'skips unchanged AWS periods and re-ingests only the period with a new delivery, on %p',
    async databaseId => {
      const { store, runner } = await setUp(databaseId, {
        id: 'aws-focus',
        location: path.join(dir, 'acme'),
      });
      await writeAwsSeptemberTwice();
      await writeAwsOctober('4', '20261003T010203Z-c3', 10);
      await runner.run('aws-focus');

      const again = await runner.run('aws-focus');
      expect(again).toMatchObject({ status: 'skipped', report: null });

      // October is refreshed: a new version folder, the month to date now 6.
      await writeAwsOctober('6', '20261004T010203Z-d4', 20);
      const refreshed = await runner.run('aws-focus');

      expect(refreshed.status).toBe('succeeded');
      expect(refreshed.deliveries).toEqual([
        expect.objectContaining({
          id: 'acme-focus/BILLING_PERIOD=2026-09',
          status: 'skipped',
        }),
        expect.objectContaining({
          id: 'acme-focus/BILLING_PERIOD=2026-10',
          status: 'succeeded',
        }),
      ]);
      expect(await billedByPeriod(store, 'aws-focus')).toEqual({
        '2026-09': '15',
        '2026-10': '6',
      });
      expect(
        await store.listIngestions({ sourceId: 'aws-focus', limit: 10 }),
      ).toHaveLength(3);
    },
  );

  it.each(databases.eachSupportedId())(
    'does not ingest a period whose manifest lists a missing part, and says which part, on %p',
    async databaseId => {
      const { store, runner } = await setUp(databaseId, {
        id: 'aws-focus',
        location: path.join(dir, 'acme'),
      });
      await writeAwsOctober('4', '20261003T010203Z-c3', 10);
      // September's only refresh lists two parts, but one never arrived.
      await put(
        `${AWS}/data/BILLING_PERIOD=2026-09/20261002T010203Z-b2/acme-focus-00001.csv`,
        focusCsv([{ day: 14, cost: '12' }], { month: '2026-09' }),
        3,
      );
      await put(
        `${AWS}/metadata/BILLING_PERIOD=2026-09/20261002T010203Z-b2/acme-focus-Manifest.json`,
        awsManifest('2026-09', '20261002T010203Z-b2', [
          'acme-focus-00001.csv',
          'acme-focus-00002.csv',
        ]),
        4,
      );

      const result = await runner.run('aws-focus');

      expect(result.status).toBe('failed');
      expect(result.message).toContain(
        'acme-focus/BILLING_PERIOD=2026-09: incomplete delivery',
      );
      expect(result.message).toContain(
        `${AWS}/data/BILLING_PERIOD=2026-09/20261002T010203Z-b2/acme-focus-00002.csv`,
      );
      expect(await store.getSourceState('aws-focus')).toMatchObject({
        lastStatus: 'failed',
        lastMessage: result.message,
      });
      // October is complete and counts; nothing of the incomplete September is stored.
      expect(await billedByPeriod(store, 'aws-focus')).toEqual({
        '2026-10': '4',
      });

      // The missing part arrives: the next run ingests September, October stays skipped.
      await put(
        `${AWS}/data/BILLING_PERIOD=2026-09/20261002T010203Z-b2/acme-focus-00002.csv`,
        focusCsv([{ day: 29, cost: '3' }], { month: '2026-09' }),
        30,
      );
      const completed = await runner.run('aws-focus');
      expect(completed.status).toBe('succeeded');
      expect(await billedByPeriod(store, 'aws-focus')).toEqual({
        '2026-09': '15',
        '2026-10': '4',
      });
    },
  );

  // Azure Cost Management FOCUS export: <directory>/<export>/<YYYYMMDD-YYYYMMDD>/<run id>/
  // part_<n>_<nnnn>.csv with a manifest.json naming the run's blobs and its submittedTime.
  const AZURE = 'costs/contoso-focus';
  const azureManifest = (
    range: string,
    runId: string,
    submittedTime: string,
    parts: string[],
  ) =>
    JSON.stringify({
      manifestVersion: '2024-04-01',
      blobCount: parts.length,
      exportConfig: { exportName: 'contoso-focus', type: 'FocusCost' },
      deliveryConfig: { partitionData: true, fileFormat: 'Csv' },
      runInfo: { runId, submittedTime, executionType: 'Scheduled' },
      blobs: parts.map(p => ({
        blobName: `${AZURE}/${range}/${runId}/${p}`,
        byteCount: 100,
      })),
    });

  it.each(databases.eachSupportedId())(
    'ingests the latest complete Azure export run of each billing period, on %p',
    async databaseId => {
      const { store, runner } = await setUp(databaseId, {
        id: 'azure-focus',
        location: path.join(dir, 'costs'),
        layout: 'azure-cost-export',
      });
      const range = '20261001-20261031';
      // Run ids are GUIDs and do not sort by time; the manifest's submittedTime does.
      const early = 'f0a1b2c3-0000-4000-8000-000000000001';
      const late = '0b9a8c7d-0000-4000-8000-000000000002';
      const newest = '5e5e5e5e-0000-4000-8000-000000000003';
      await put(
        `${AZURE}/${range}/${early}/part_0_0001.csv`,
        focusCsv([{ day: 2, cost: '7' }]),
        1,
      );
      await put(
        `${AZURE}/${range}/${early}/manifest.json`,
        azureManifest(range, early, '2026-10-03T06:00:00Z', [
          'part_0_0001.csv',
        ]),
        1,
      );
      await put(
        `${AZURE}/${range}/${late}/part_0_0001.csv`,
        focusCsv([{ day: 2, cost: '7' }]),
        2,
      );
      await put(
        `${AZURE}/${range}/${late}/part_0_0002.csv`,
        focusCsv([{ day: 4, cost: '1.25' }]),
        2,
      );
      await put(
        `${AZURE}/${range}/${late}/manifest.json`,
        azureManifest(range, late, '2026-10-05T06:00:00Z', [
          'part_0_0001.csv',
          'part_0_0002.csv',
        ]),
        2,
      );
      // The newest run lost a part: the latest complete run is used, and the run says so.
      await put(
        `${AZURE}/${range}/${newest}/part_0_0001.csv`,
        focusCsv([{ day: 2, cost: '100' }]),
        3,
      );
      await put(
        `${AZURE}/${range}/${newest}/manifest.json`,
        azureManifest(range, newest, '2026-10-06T06:00:00Z', [
          'part_0_0001.csv',
          'part_0_0002.csv',
        ]),
        3,
      );

      const result = await runner.run('azure-focus');

      expect(result.status).toBe('succeeded');
      // Before layouts: all three runs summed, 7 + 7 + 1.25 + 100 = 115.25.
      expect(await billedByPeriod(store, 'azure-focus')).toEqual({
        '2026-10': '8.25',
      });
      expect(result.message).toContain(
        `${AZURE}/${range}/${newest}/part_0_0002.csv`,
      );
      expect(await runner.run('azure-focus')).toMatchObject({
        status: 'skipped',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'reads an S3 prefix through the URL reader like the local tree, on %p',
    async databaseId => {
      const bucket = 'https://acme-billing.s3.eu-west-1.amazonaws.com';
      const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 0, minute));
      const object = (key: string, content: string, minute: number) => ({
        url: `${bucket}/${key}`,
        content,
        lastModified: at(minute),
      });
      // Overwrite mode: the files of each period sit directly in its partition.
      const store = fakeObjectStore([
        object(
          `${AWS}/data/BILLING_PERIOD=2026-09/acme-focus-00001.csv`,
          focusCsv([{ day: 14, cost: '12' }], { month: '2026-09' }),
          1,
        ),
        object(
          `${AWS}/data/BILLING_PERIOD=2026-09/acme-focus-00002.csv`,
          focusCsv([{ day: 29, cost: '3' }], { month: '2026-09' }),
          1,
        ),
        object(
          `${AWS}/metadata/BILLING_PERIOD=2026-09/acme-focus-Manifest.json`,
          JSON.stringify({
            dataFiles: [
              `s3://acme-billing/${AWS}/data/BILLING_PERIOD=2026-09/acme-focus-00001.csv`,
              `s3://acme-billing/${AWS}/data/BILLING_PERIOD=2026-09/acme-focus-00002.csv`,
            ],
          }),
          2,
        ),
        // A part of an unfinished refresh, not yet in the manifest: not read.
        object(
          `${AWS}/data/BILLING_PERIOD=2026-09/acme-focus-00003.csv`,
          focusCsv([{ day: 30, cost: '1000' }], { month: '2026-09' }),
          3,
        ),
      ]);
      const prefix = `${bucket}/${AWS}/`;
      const { store: costs, runner } = await setUp(
        databaseId,
        { id: 'aws-focus', location: prefix, layout: 'aws-data-exports' },
        store,
      );

      const result = await runner.run('aws-focus');

      expect(store.readTree).toHaveBeenCalledWith(prefix, undefined);
      expect(result).toMatchObject({
        status: 'succeeded',
        deliveries: [{ id: 'BILLING_PERIOD=2026-09', status: 'succeeded' }],
      });
      expect(await billedByPeriod(costs, 'aws-focus')).toEqual({
        '2026-09': '15',
      });
      expect(await runner.run('aws-focus')).toMatchObject({
        status: 'skipped',
      });
    },
  );
});
