import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
// The test runs the module inside the real plugin, which only a test may import.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import finopsItamPlugin from '@finops-itam/plugin-finops-itam-backend';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { finopsItamModuleDuckdbWarehouse } from './module';
import {
  hourlyCharges,
  scaled,
  writeWarehouse,
} from './__testUtils__/warehouseFixture';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

/**
 * The module in a backend with the real finops-itam plugin: its source is scheduled like a
 * configured one, and a run stores exactly what the hourly charges add up to.
 */
describe('finopsItamModuleDuckdbWarehouse', () => {
  let dir: string;
  let warehouse: Awaited<ReturnType<typeof writeWarehouse>>;
  const charges = hourlyCharges();
  const auth = mockCredentials.service.header();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'finops-warehouse-module-'));
    warehouse = await writeWarehouse(dir, charges);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function start(databaseId: TestDatabaseId, config: object) {
    const scheduler = mockServices.scheduler.mock();
    const { server } = await startTestBackend({
      features: [
        finopsItamPlugin,
        finopsItamModuleDuckdbWarehouse,
        scheduler.factory,
        mockServices.database.factory({
          knex: await databases.init(databaseId),
        }),
        mockServices.rootConfig.factory({ data: { finopsItam: config } }),
      ],
    });
    const get = (url: string) =>
      request(server).get(`/api/finops-itam${url}`).set('Authorization', auth);
    return { scheduler, get };
  }

  it.each(databases.eachSupportedId())(
    "ingests the daily facts of every billing month with the charges' exact totals on %p",
    async databaseId => {
      const { scheduler, get } = await start(databaseId, {
        duckdbWarehouse: {
          database: warehouse.database,
          table: 'billing.focus',
          schedule: { frequency: { hours: 6 }, timeout: { minutes: 10 } },
        },
      });
      const task = scheduler.scheduleTask.mock.calls
        .map(([t]) => t)
        .find(t => t.id === 'finops-itam-cost-source-duckdb-warehouse');
      expect(task).toMatchObject({ scope: 'global', frequency: { hours: 6 } });
      await task!.fn(new AbortController().signal);

      const sources = (await get('/sources')).body;
      expect(sources).toEqual([
        expect.objectContaining({
          id: 'duckdb-warehouse',
          location: `daily FOCUS facts from billing.focus in DuckDB database ${warehouse.database}`,
          lastRun: expect.objectContaining({
            status: 'succeeded',
            // 385 hourly charges became 10 daily rows for October and 8 for November; the
            // plugin spread October's monthly fee over its 31 days (9 + 31 facts).
            message: expect.stringMatching(
              /^2026-10: Ingested 10 of 10 rows into 40 daily facts .*; 2026-11: Ingested 8 of 8 rows into 8 daily facts/,
            ),
          }),
        }),
      ]);

      // What the plugin stored per billing month and account, against BigInt sums of the charges.
      const ingestions = (await get('/ingestions')).body.filter(
        (i: { sourceId: string }) => i.sourceId === 'duckdb-warehouse',
      );
      expect(ingestions).toHaveLength(2);
      const stored: Record<string, bigint> = {};
      for (const { id } of ingestions) {
        const report = (await get(`/ingestions/${id}`)).body;
        expect(report.status).toBe('succeeded');
        for (const total of report.totals) {
          expect(total.currency).toBe('USD');
          expect(total.stored.billedCost).toBe(total.billedCost);
          stored[
            `${total.billingPeriodStart.slice(0, 7)} ${total.billingAccountId}`
          ] = scaled(total.stored.billedCost);
        }
      }
      const expected: Record<string, bigint> = {};
      for (const c of charges) {
        const key = `${c.start.slice(0, 7)} ${c.account}`;
        expected[key] = (expected[key] ?? 0n) + scaled(c.billed);
      }
      expect(stored).toEqual(expected);

      // Unchanged months are not read again.
      await task!.fn(new AbortController().signal);
      expect((await get('/sources')).body[0].lastRun.status).toBe('skipped');
    },
  );

  it('adds no source without finopsItam.duckdbWarehouse', async () => {
    const { scheduler, get } = await start('SQLITE_3', {});
    expect(scheduler.scheduleTask.mock.calls.map(([t]) => t.id)).not.toContain(
      'finops-itam-cost-source-duckdb-warehouse',
    );
    expect((await get('/sources')).body).toEqual([]);
  });
});
