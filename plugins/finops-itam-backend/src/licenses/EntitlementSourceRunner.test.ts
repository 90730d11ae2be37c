import { mockServices } from '@backstage/backend-test-utils';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrationConfig } from '../database/migrations';
import { SourceFileFetcher } from '../sources/SourceFileFetcher';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { EntitlementSourceRunner } from './EntitlementSourceRunner';
import { licenseServiceFor } from './__testUtils__/licenseFixtures';

jest.setTimeout(60_000);

const yaml = (...entries: string[]) => `entitlements:\n${entries.join('')}`;
const entry = (id: string, quantity: string, termEnd = '2026-12-31') => `
  - id: ${id}
    productId: rhel
    quantity: ${quantity}
    cost: { amount: '799', currency: USD, per: unit }
    termStart: '2026-01-01'
    termEnd: '${termEnd}'
    owner: group:default/team-platform
`;

describe('EntitlementSourceRunner', () => {
  const databases = createTestDatabases();
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'entitlements-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(databases.eachSupportedId())(
    'loads a file, keeps everything when a later file is bad, and replaces on a good one, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      const { service, store } = licenseServiceFor(knex, []);
      const auditor = mockServices.auditor.mock();
      const event = { success: jest.fn(), fail: jest.fn() };
      auditor.createEvent.mockResolvedValue(event);
      const onChange = jest.fn();
      const runner = new EntitlementSourceRunner({
        fetcher: new SourceFileFetcher({
          urlReader: mockServices.urlReader.mock(),
          workingDirectory: dir,
        }),
        licenses: service,
        store,
        auditor,
        logger: mockServices.logger.mock(),
        onChange,
      });
      const source = {
        id: 'contracts',
        location: 'entitlements.yaml',
        schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
      };
      const file = path.join(dir, 'entitlements.yaml');
      const ids = async () =>
        (await store.listEntitlements()).map(e => `${e.id}=${e.quantity}`);

      await writeFile(file, yaml(entry('rh-a', '2'), entry('rh-b', '3')));
      expect(await runner.run(source)).toEqual({
        sourceId: 'contracts',
        status: 'loaded',
        message: '2 entitlement(s) loaded, 0 removed',
      });
      expect(await ids()).toEqual(['rh-a=2', 'rh-b=3']);
      expect(event.success).toHaveBeenCalled();
      expect(onChange).toHaveBeenCalledTimes(1);

      // Unchanged file: nothing to do.
      expect((await runner.run(source)).status).toBe('skipped');

      // One bad record (and a duplicate) in the new delivery: nothing changes, reasons recorded.
      await writeFile(
        file,
        yaml(
          entry('rh-a', '5'),
          entry('rh-b', '-1'),
          entry('rh-a', '1', '2025-01-01'),
        ),
      );
      const rejected = await runner.run(source);
      expect(rejected.status).toBe('rejected');
      expect(rejected.message).toMatch(
        /entitlements.yaml #1 \(rh-b\) quantity: must not be negative/,
      );
      expect(rejected.message).toMatch(
        /duplicate id "rh-a": also used by record 2/,
      );
      expect(rejected.message).toMatch(/what was loaded before is kept/);
      expect(await ids()).toEqual(['rh-a=2', 'rh-b=3']);
      expect((await store.getSourceState('contracts'))?.lastStatus).toBe(
        'rejected',
      );

      // A broken or empty file is refused whole.
      await writeFile(file, 'entitlements: []\n');
      expect((await runner.run(source)).message).toMatch(
        /holds no entitlements/,
      );
      expect(await ids()).toEqual(['rh-a=2', 'rh-b=3']);

      // A good file replaces what the source loaded: rh-b is gone, API entitlements stay.
      await service.applyEntitlements(
        [
          {
            records: [
              {
                position: 0,
                value: {
                  id: 'api-1',
                  productId: 'rhel',
                  quantity: 1,
                  cost: { amount: '1', currency: 'USD' },
                  termStart: '2026-01-01',
                  termEnd: '2026-12-31',
                  owner: 'team-itam',
                },
              },
            ],
            positionName: 'record',
          },
        ],
        'api',
      );
      await writeFile(file, yaml(entry('rh-a', '4')));
      expect(await runner.run(source)).toMatchObject({
        status: 'loaded',
        message: '1 entitlement(s) loaded, 1 removed',
      });
      expect(await ids()).toEqual(['api-1=1', 'rh-a=4']);
      await knex.destroy();
    },
  );

  it('records a location that cannot be read as failed', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest(migrationConfig);
    const { service, store } = licenseServiceFor(knex, []);
    const runner = new EntitlementSourceRunner({
      fetcher: new SourceFileFetcher({
        urlReader: mockServices.urlReader.mock(),
        workingDirectory: dir,
      }),
      licenses: service,
      store,
      auditor: mockServices.auditor.mock(),
      logger: mockServices.logger.mock(),
    });
    const result = await runner.run({
      id: 'gone',
      location: 'missing.yaml',
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
    });
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/could not read "missing.yaml"/);
    await knex.destroy();
  });
});
