import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  FinopsItamCostSource,
  finopsItamCostSourcesExtensionPoint,
} from '@finops-itam/plugin-finops-itam-node';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import request from 'supertest';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { finopsItamPlugin } from '../plugin';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { focusCsv, FocusRow } from './__fixtures__/focusCsv';

jest.setTimeout(60_000);

/**
 * A backend module contributes a cost source that reads FOCUS rows from a warehouse table
 * (here held in memory, one row set per billing period); the plugin must run it like a
 * configured source: its own scheduled task, fingerprints, ingestion reports, status.
 */
describe('a cost source contributed by a module', () => {
  const databases = createTestDatabases();
  const auth = mockCredentials.service.header();
  let dir: string;
  /** The warehouse table: FOCUS rows by billing period, with a version per period. */
  let table: Map<string, { version: number; rows: FocusRow[] }>;
  let failRead: Error | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'finops-contributed-'));
    await mkdir(path.join(dir, 'aws'));
    await writeFile(
      path.join(dir, 'aws/part-1.csv'),
      focusCsv([{ day: 5, cost: '1.5' }]),
    );
    table = new Map([
      ['2026-10', { version: 1, rows: [{ day: 3, cost: '10.25' }] }],
      [
        '2026-11',
        {
          version: 1,
          rows: [
            { day: 1, cost: '2' },
            { day: 2, cost: '0.5' },
          ],
        },
      ],
    ]);
    failRead = undefined;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const warehouseSource = (
    overrides: Partial<FinopsItamCostSource> = {},
  ): FinopsItamCostSource => ({
    id: 'warehouse-focus',
    description: 'FOCUS view finops.focus_daily in the analytics warehouse',
    schedule: { frequency: { hours: 6 }, timeout: { minutes: 10 } },
    async read() {
      if (failRead) throw failRead;
      return {
        deliveries: [...table].map(([period, { version, rows }]) => ({
          id: period,
          files: [{ name: 'focus.csv', fingerprint: `version:${version}` }],
          read: async () => [
            {
              name: 'focus.csv',
              // October as a stream, November as a string: both are written for the reader.
              content:
                period === '2026-10'
                  ? Readable.from([focusCsv(rows, { month: period })])
                  : focusCsv(rows, { month: period }),
            },
          ],
        })),
      };
    },
    ...overrides,
  });

  const moduleWith = (...sources: FinopsItamCostSource[]) =>
    createBackendModule({
      pluginId: 'finops-itam',
      moduleId: 'warehouse-source',
      register(env) {
        env.registerInit({
          deps: { costSources: finopsItamCostSourcesExtensionPoint },
          async init({ costSources }) {
            costSources.addCostSource(...sources);
          },
        });
      },
    });

  async function start(options: {
    knex?: Awaited<ReturnType<typeof databases.init>>;
    sources?: FinopsItamCostSource[];
  }) {
    const scheduler = mockServices.scheduler.mock();
    const knex = options.knex ?? (await databases.init('SQLITE_3'));
    const { server } = await startTestBackend({
      features: [
        finopsItamPlugin,
        moduleWith(...(options.sources ?? [warehouseSource()])),
        scheduler.factory,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            finopsItam: {
              costSources: [
                { id: 'aws-focus', location: path.join(dir, 'aws') },
              ],
            },
          },
        }),
      ],
    });
    const task = (id: string) => {
      const call = scheduler.scheduleTask.mock.calls.find(([t]) => t.id === id);
      if (!call) throw new Error(`no task ${id}`);
      return call[0];
    };
    const refresh = (id: string) =>
      request(server)
        .post(`/api/finops-itam/sources/${id}/refresh`)
        .set('Authorization', auth);
    const sources = async () =>
      (
        await request(server)
          .get('/api/finops-itam/sources')
          .set('Authorization', auth)
      ).body;
    const billedByPeriod = async () =>
      Object.fromEntries(
        (await new DatabaseCostStore(knex).sourceTotals('warehouse-focus')).map(
          t => [t.billingPeriodStart.slice(0, 7), t.billedCost],
        ),
      );
    return { server, task, refresh, sources, billedByPeriod };
  }

  it.each(databases.eachSupportedId())(
    'gets its own global task, whose run ingests every period and shows in GET /sources on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server, task, sources, billedByPeriod } = await start({ knex });

      const scheduled = task('finops-itam-cost-source-warehouse-focus');
      expect(scheduled).toMatchObject({
        scope: 'global',
        frequency: { hours: 6 },
        timeout: { minutes: 10 },
      });
      await scheduled.fn(new AbortController().signal);

      expect(await billedByPeriod()).toEqual({
        '2026-10': '10.25',
        '2026-11': '2.5',
      });
      const listed = await sources();
      expect(listed.map((s: { id: string }) => s.id)).toEqual([
        'aws-focus',
        'warehouse-focus',
      ]);
      expect(listed[1]).toEqual({
        id: 'warehouse-focus',
        location: 'FOCUS view finops.focus_daily in the analytics warehouse',
        schedule: 'every 6 hours, timeout 10 minutes',
        lastRun: {
          ingestionId: expect.any(String),
          at: expect.any(String),
          status: 'succeeded',
          message: expect.stringMatching(
            /^2026-10: Ingested 1 of 1 rows.*; 2026-11: Ingested 2 of 2 rows/,
          ),
          rows: { read: 2, accepted: 2, rejected: 0 },
          warnings: [],
        },
        lastIngestion: expect.objectContaining({ status: 'succeeded' }),
        dataThrough: '2026-11-02',
        // November brought the columns October had.
        schemaDrift: { added: [], removed: [] },
      });
      const ingestions = await request(server)
        .get('/api/finops-itam/ingestions')
        .set('Authorization', auth);
      expect(
        ingestions.body
          .filter((i: { sourceId: string }) => i.sourceId === 'warehouse-focus')
          .map((i: { fileName: string }) => i.fileName)
          .sort(),
      ).toEqual(['2026-10/focus.csv', '2026-11/focus.csv']);
    },
  );

  it('skips periods whose fingerprint did not change and re-ingests the one that did', async () => {
    const { refresh, billedByPeriod } = await start({});

    const first = await refresh('warehouse-focus');
    const second = await refresh('warehouse-focus');
    table.set('2026-11', { version: 2, rows: [{ day: 4, cost: '7' }] });
    const third = await refresh('warehouse-focus');

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'succeeded' });
    expect(second.body).toMatchObject({
      status: 'skipped',
      message: 'unchanged since the last run (same etag or content hash)',
      report: null,
    });
    expect(third.body).toMatchObject({
      status: 'succeeded',
      deliveries: [
        { id: '2026-10', status: 'skipped' },
        { id: '2026-11', status: 'succeeded' },
      ],
      report: { rows: { read: 1 } },
    });
    expect(await billedByPeriod()).toEqual({
      '2026-10': '10.25',
      '2026-11': '7',
    });
  });

  it('records an error of the source as a failed run with its message, and keeps the data', async () => {
    const { refresh, sources, billedByPeriod } = await start({});
    await refresh('warehouse-focus');

    failRead = new Error('warehouse connection refused');
    const failed = await refresh('warehouse-focus');

    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({
      status: 'failed',
      message: 'warehouse connection refused',
      report: null,
    });
    expect((await sources())[1].lastRun).toMatchObject({
      status: 'failed',
      message: 'warehouse connection refused',
    });
    expect(await billedByPeriod()).toEqual({
      '2026-10': '10.25',
      '2026-11': '2.5',
    });
  });

  it('fails one period whose content cannot be read, ingests the others, and tries it again next run', async () => {
    let broken = true;
    const source = warehouseSource();
    const { refresh, billedByPeriod } = await start({
      sources: [
        {
          ...source,
          async read(context) {
            const contents = await source.read(context);
            return {
              deliveries: contents.deliveries.map(d =>
                d.id === '2026-11'
                  ? {
                      ...d,
                      read: async () => {
                        if (broken) throw new Error('query timed out');
                        return d.read();
                      },
                    }
                  : d,
              ),
            };
          },
        },
      ],
    });

    const first = await refresh('warehouse-focus');
    broken = false;
    const second = await refresh('warehouse-focus');

    expect(first.body).toMatchObject({
      status: 'failed',
      deliveries: [
        { id: '2026-10', status: 'succeeded' },
        {
          id: '2026-11',
          status: 'failed',
          message: expect.stringContaining('query timed out'),
        },
      ],
    });
    expect(second.body).toMatchObject({
      deliveries: [
        { id: '2026-10', status: 'skipped' },
        { id: '2026-11', status: 'succeeded' },
      ],
    });
    expect(await billedByPeriod()).toEqual({
      '2026-10': '10.25',
      '2026-11': '2.5',
    });
  });

  it('runs hourly like a configured source when the module gives no schedule', async () => {
    const { task } = await start({
      sources: [warehouseSource({ schedule: undefined })],
    });

    expect(task('finops-itam-cost-source-warehouse-focus')).toMatchObject({
      scope: 'global',
      frequency: { hours: 1 },
      timeout: { minutes: 30 },
      initialDelay: { seconds: 10 },
    });
  });

  it('stops the backend when a module reuses the id of a configured source', async () => {
    await expect(
      start({ sources: [warehouseSource({ id: 'aws-focus' })] }),
    ).rejects.toThrow(
      'Cost source "aws-focus" from a module has the id of a source in finopsItam.costSources',
    );
  });
});
