import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { finopsItamPlugin } from '../plugin';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { shopEntities } from './__testUtils__/startWithMetrics';
import { insertShopFacts } from './__testUtils__/shopFacts';

jest.setTimeout(60_000);

describe('finopsItam.metricSources in the plugin', () => {
  const databases = createTestDatabases();
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'finops-metric-plugin-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const start = (knex: any, metricSources: object[]) =>
    startTestBackend({
      features: [
        finopsItamPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities: shopEntities }),
        mockServices.rootConfig.factory({
          data: { finopsItam: { metricSources } },
        }),
        // Runs every scheduled task once at start-up, initial delays included.
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
      ],
    });

  it('reads a configured CSV on its schedule, and unit cost divides by it', async () => {
    const knex = await databases.init('SQLITE_3');
    const csv = path.join(dir, 'orders.csv');
    await writeFile(
      csv,
      'entityRef,date,value\ncomponent:default/checkout,2026-11-01,4\ncomponent:default/checkout,2026-11-03,4\n',
    );
    const { server } = await start(knex, [
      { id: 'shop-orders', metric: 'orders', location: csv },
    ]);
    await insertShopFacts(knex);
    const run = await request(server)
      .post('/api/finops-itam/allocation/run')
      .set('Authorization', mockCredentials.service.header());
    expect(run.status).toBe(200);

    const response = await request(server)
      .get(
        '/api/finops-itam/entities/component/default/checkout/unit-cost?from=2026-11-01&to=2026-11-04',
      )
      .set('Authorization', mockCredentials.user.header());
    // 18.8000000000000001 / 8 = 2.3500000000000000125, rounded to 10 decimals.
    expect(response.body).toMatchObject({
      metric: 'orders',
      volume: '8',
      unitCost: '2.35',
    });
    await knex.destroy();
  });

  it('refuses to start with a metric source that names no valid metric', async () => {
    const knex = await databases.init('SQLITE_3');
    await expect(
      start(knex, [
        { id: 'shop-orders', metric: 'Orders!', location: 'x.csv' },
      ]),
    ).rejects.toThrow(
      /finopsItam.metricSources\[0\].metric: "Orders!" is not a metric name/,
    );
  });
});
