import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader, JsonValue } from '@backstage/config';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase } from '../database/migrations';
import { SourceFileFetcher } from '../sources/SourceFileFetcher';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseMetricStore } from './DatabaseMetricStore';
import { readMetricSourcesConfig } from './metricSourcesConfig';
import { MetricSourceRunner } from './MetricSourceRunner';
import { metricSourceTaskId, metricSourceTasks } from './metricSourceTasks';

jest.setTimeout(60_000);

describe('MetricSourceRunner', () => {
  const databases = createTestDatabases();
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'finops-metric-source-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function setUp(databaseId: any) {
    const knex = await databases.init(databaseId);
    await migrateDatabase(knex, mockServices.database.mock());
    const logger = mockServices.logger.mock();
    const runner = new MetricSourceRunner({
      sources: readMetricSourcesConfig(
        new ConfigReader({
          finopsItam: {
            metricSources: [
              { id: 'shop-orders', metric: 'orders', location: dir },
            ],
          },
        }),
      ),
      fetcher: new SourceFileFetcher({
        urlReader: mockServices.urlReader.mock(),
        workingDirectory: dir,
      }),
      store: new DatabaseMetricStore(knex),
      logger,
    });
    const reader = new DatabaseMetricStore(knex);
    const volume = (ref: string) =>
      reader
        .volumes('orders', [ref], '2026-01-01', '2027-01-01')
        .then(v => v.get(ref));
    return { knex, runner, logger, volume };
  }

  it.each(databases.eachSupportedId())(
    'stores good files, rejects a bad file whole with its line numbers, and skips what did not change, on %p',
    async databaseId => {
      const { knex, runner, logger, volume } = await setUp(databaseId);
      await writeFile(
        path.join(dir, 'checkout.csv'),
        'date,value,entityRef,comment\n2026-11-01,0.1,component:default/checkout,ok\n\n2026-11-02,0.2,component:default/checkout,\n',
      );
      await writeFile(
        path.join(dir, 'search.csv'),
        'entityRef,date,value\ncomponent:default/search,2026-11-01,5\ncomponent:default/search,2026-11-31,1\nsearch,2026-11-02,-1\n',
      );

      const first = await runner.run('shop-orders');
      expect(first).toMatchObject({
        sourceId: 'shop-orders',
        metric: 'orders',
        status: 'rejected',
      });
      expect(first.files).toEqual([
        { key: 'checkout.csv', status: 'stored', accepted: 2, rejections: [] },
        {
          key: 'search.csv',
          status: 'rejected',
          accepted: 0,
          rejections: [
            {
              row: 3,
              field: 'date',
              reason: '"2026-11-31" is not a calendar date',
            },
            {
              row: 4,
              field: 'entityRef',
              reason: expect.stringMatching(/"search" is not an entity ref/),
            },
            {
              row: 4,
              field: 'value',
              reason: '-1 is negative; metric values are at least 0',
            },
          ],
        },
      ]);
      expect(await volume('component:default/checkout')).toBe('0.3');
      // The good first line of the rejected file was not stored either.
      expect(await volume('component:default/search')).toBeUndefined();
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /rejected search\.csv whole.*3 bad row\(s\): line 3 date: "2026-11-31" is not a calendar date; line 4 entityRef/,
        ),
      );

      const again = await runner.run('shop-orders');
      expect(again.status).toBe('skipped');

      await writeFile(
        path.join(dir, 'search.csv'),
        'entityRef,date,value\ncomponent:default/search,2026-11-01,5\n',
      );
      const fixed = await runner.run('shop-orders');
      expect(fixed.status).toBe('succeeded');
      expect(fixed.files).toEqual([
        {
          key: 'checkout.csv',
          status: 'unchanged',
          accepted: 0,
          rejections: [],
        },
        { key: 'search.csv', status: 'stored', accepted: 1, rejections: [] },
      ]);
      expect(await volume('component:default/search')).toBe('5');
      await knex.destroy();
    },
  );

  it('reports a file without the expected header, and a location that does not exist', async () => {
    const { knex, runner } = await setUp('SQLITE_3');
    await writeFile(
      path.join(dir, 'orders.csv'),
      'ref,day,value\ncomponent:default/a,2026-11-01,1\n',
    );
    const result = await runner.run('shop-orders');
    expect(result.files[0].rejections).toEqual([
      {
        row: 1,
        field: 'header',
        reason:
          'missing column(s) entityRef, date; expected a header entityRef,date,value, found ref,day,value',
      },
    ]);

    await rm(dir, { recursive: true, force: true });
    const missing = await runner.run('shop-orders');
    expect(missing.status).toBe('failed');
    expect(missing.message).toMatch(/could not read/);
    await knex.destroy();
  });
});

describe('metric source config and scheduling', () => {
  const config = (metricSources: JsonValue) =>
    new ConfigReader({ finopsItam: { metricSources } });

  it('schedules one global task per source with the configured schedule over the defaults', async () => {
    const sources = readMetricSourcesConfig(
      config([
        {
          id: 'shop-orders',
          metric: 'orders',
          location: 'metrics/orders.csv',
          schedule: { frequency: { minutes: 5 }, scope: 'local' },
        },
        {
          id: 'searches',
          metric: 'searches',
          location: 'https://example.com/searches.csv',
        },
      ]),
    );
    const runner = {
      run: jest.fn(async (id: string) => ({
        sourceId: id,
        metric: 'orders',
        status: 'succeeded' as const,
        message: 'stored 3 value(s)',
        files: [],
      })),
    };
    const logger = mockServices.logger.mock();
    const tasks = metricSourceTasks({ runner, sources, logger });

    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({
      id: metricSourceTaskId('shop-orders'),
      frequency: { minutes: 5 },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 15 },
      scope: 'global',
    });
    expect(tasks[1]).toMatchObject({
      id: 'finops-itam-metric-source-searches',
      frequency: { hours: 1 },
      scope: 'global',
    });
    await tasks[0].fn(new AbortController().signal);
    expect(runner.run).toHaveBeenCalledWith('shop-orders');
    expect(logger.info).toHaveBeenCalledWith(
      'Metric source shop-orders succeeded: stored 3 value(s)',
    );
  });

  it('stops start-up on a config mistake, naming the key', () => {
    expect(() =>
      readMetricSourcesConfig(
        config([{ id: 'Shop', metric: 'orders', location: 'x' }]),
      ),
    ).toThrow(
      'finopsItam.metricSources[0].id "Shop" is not lowercase kebab-case',
    );
    expect(() =>
      readMetricSourcesConfig(
        config([{ id: 'a', metric: 'Orders', location: 'x' }]),
      ),
    ).toThrow(
      /finopsItam.metricSources\[0\].metric: "Orders" is not a metric name/,
    );
    expect(() =>
      readMetricSourcesConfig(
        config([
          { id: 'a', metric: 'orders', location: 'x' },
          { id: 'a', metric: 'orders', location: 'y' },
        ]),
      ),
    ).toThrow(
      'finopsItam.metricSources[1].id "a" is used by another metric source',
    );
    expect(() =>
      readMetricSourcesConfig(
        config([{ id: 'a', metric: 'orders', location: 's3://bucket/x.csv' }]),
      ),
    ).toThrow(/uses s3:\/\//);
    expect(() =>
      readMetricSourcesConfig(
        config([
          {
            id: 'a',
            metric: 'orders',
            location: 'x',
            schedule: { frequency: 'often' },
          },
        ]),
      ),
    ).toThrow(/Invalid finopsItam.metricSources\[0\].schedule/);
  });
});
