import { mockServices } from '@backstage/backend-test-utils';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrationConfig } from '../database/migrations';
import { SourceFileFetcher } from '../sources/SourceFileFetcher';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { SeatSourceRunner } from './SeatSourceRunner';
import { licenseServiceFor } from './__testUtils__/licenseFixtures';

jest.setTimeout(60_000);

describe('SeatSourceRunner', () => {
  const databases = createTestDatabases();
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'seats-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(databases.eachSupportedId())(
    'imports a seat export, and keeps the seats when a later export is invalid, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      const { service, store } = licenseServiceFor(knex, []);
      const auditor = mockServices.auditor.mock();
      auditor.createEvent.mockResolvedValue({
        success: jest.fn(),
        fail: jest.fn(),
      });
      const runner = new SeatSourceRunner({
        fetcher: new SourceFileFetcher({
          urlReader: mockServices.urlReader.mock(),
          workingDirectory: dir,
        }),
        licenses: service,
        store,
        auditor,
        logger: mockServices.logger.mock(),
      });
      const source = {
        id: 'observability',
        productId: 'saas-observability-seat',
        location: 'seats.csv',
        schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
      };
      const file = path.join(dir, 'seats.csv');

      await writeFile(
        file,
        'user,lastActive,entityRef\nalice@example.com,2026-11-20,Component:default/observability\nbob@example.com,,\n',
      );
      expect(await runner.run(source)).toEqual({
        sourceId: 'seats:observability',
        status: 'loaded',
        message: '2 seat(s) of saas-observability-seat imported',
      });
      expect(await store.listSeats()).toEqual([
        {
          productId: 'saas-observability-seat',
          user: 'alice@example.com',
          lastActive: '2026-11-20',
          entityRef: 'component:default/observability',
        },
        {
          productId: 'saas-observability-seat',
          user: 'bob@example.com',
          lastActive: null,
          entityRef: null,
        },
      ]);

      await writeFile(
        file,
        'user,lastActive\ncarol@example.com,last tuesday\n',
      );
      const rejected = await runner.run(source);
      expect(rejected.status).toBe('rejected');
      expect(rejected.message).toMatch(
        /seats\.0\.lastActive must be a date like 2026-01-31/,
      );
      expect((await store.listSeats()).map(s => s.user)).toEqual([
        'alice@example.com',
        'bob@example.com',
      ]);
      await knex.destroy();
    },
  );
});
