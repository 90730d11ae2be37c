import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { LicensePositionEntry } from '@finops-itam/plugin-finops-itam-common';
import { Knex } from 'knex';
import { DatabaseEntityDailyCostReader } from '../database/DatabaseEntityDailyCostReader';
import { migrationConfig } from '../database/migrations';
import { NotificationClaimStore } from '../database/NotificationClaimStore';
import { LicenseEngine } from '../feature/hooks';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { licensePositionEntry } from './__testUtils__/licensePositionEntry';
import { readAnomalyConfig } from './anomalyConfig';
import { AnomalyDetectionRun } from './AnomalyDetectionRun';
import { AnomalyNotifier } from './AnomalyNotifier';
import { DatabaseAnomalyStore } from './DatabaseAnomalyStore';
import { ConfigReader } from '@backstage/config';

jest.setTimeout(60_000);

const SQL_SERVER = 'resource:default/sql-server-standard';
const TEAM_DATA = 'group:default/team-data';

const entry = licensePositionEntry;

describe('license anomalies of the detection run', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'the first run records the position; later runs report what changed since, once, to the license owner, on %p',
    async databaseId => {
      const knex: Knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      let today = '2026-11-20';
      let position: LicensePositionEntry[] = [
        entry('microsoft-sql-server-standard', 8, 2, SQL_SERVER),
        entry('some-freeware', 0, 0),
      ];
      const engine = {
        snapshot: async () => ({
          today,
          position,
          owners: new Map([[SQL_SERVER, TEAM_DATA]]),
        }),
      } as unknown as LicenseEngine;
      const sent: NotificationSendOptions[] = [];
      const store = new DatabaseAnomalyStore(knex);
      const run = new AnomalyDetectionRun({
        store,
        claims: new NotificationClaimStore(knex),
        reader: new DatabaseEntityDailyCostReader(knex),
        catalog: catalogServiceMock({ entities: [] }),
        auth: mockServices.auth(),
        licenseEngine: () => engine,
        notifier: new AnomalyNotifier({
          notifications: { send: async options => void sent.push(options) },
          logger: mockServices.logger.mock(),
        }),
        settings: readAnomalyConfig(
          new ConfigReader({
            finopsItam: { policies: { blockedProducts: ['some-freeware'] } },
          }),
        ),
        logger: mockServices.logger.mock(),
      });

      // A shortage that existed before anomalies were watched is not new.
      position = [
        entry('microsoft-sql-server-standard', 8, -1, SQL_SERVER),
        entry('some-freeware', 0, 0),
      ];
      expect(await run.run()).toMatchObject({ licenseAnomalies: 0 });

      today = '2026-11-21';
      position = [
        entry('microsoft-sql-server-standard', 8, 2, SQL_SERVER),
        entry('some-freeware', 0, 0),
      ];
      await run.run();
      today = '2026-11-22';
      position = [
        entry('microsoft-sql-server-standard', 13, -3, SQL_SERVER),
        entry('some-freeware', 2, 0),
      ];
      const report = await run.run();
      const again = await run.run();

      // The freeware's first use is both unauthorized and a jump from nothing.
      expect(report).toMatchObject({ licenseAnomalies: 4, newAnomalies: 4 });
      expect(again).toMatchObject({ licenseAnomalies: 0, newAnomalies: 0 });
      const stored = await store.list();
      expect(
        stored.map(a => [a.kind, a.productId, a.date, a.owner]).sort(),
      ).toEqual([
        [
          'license-consumption-jump',
          'microsoft-sql-server-standard',
          '2026-11-22',
          TEAM_DATA,
        ],
        ['license-consumption-jump', 'some-freeware', '2026-11-22', null],
        [
          'license-shortage',
          'microsoft-sql-server-standard',
          '2026-11-22',
          TEAM_DATA,
        ],
        ['unauthorized-product', 'some-freeware', '2026-11-22', null],
      ]);
      expect(stored.find(a => a.kind === 'license-shortage')?.detail).toBe(
        'microsoft-sql-server-standard: the license position went from 2 to -3. Buying the shortage at list price costs 3000 USD a year.',
      );
      // The owned two were told once each; the freeware has no license entity, so no owner.
      expect(sent.map(n => n.payload.scope).sort()).toEqual(
        stored
          .filter(a => a.owner)
          .map(a => `finops-itam:anomaly:${a.id}`)
          .sort(),
      );
      expect(sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: TEAM_DATA,
      });
      expect(sent.map(n => n.payload.link)).toEqual([
        '/catalog/default/resource/sql-server-standard',
        '/catalog/default/resource/sql-server-standard',
      ]);
      await knex.destroy();
    },
  );
});
