import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseEntityDailyCostReader } from '../database/DatabaseEntityDailyCostReader';
import { migrateDatabase } from '../database/migrations';
import { NotificationClaimStore } from '../database/NotificationClaimStore';
import { LicenseEngine } from '../feature/hooks';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { licensePositionEntry } from './__testUtils__/licensePositionEntry';
import { readAnomalyConfig } from './anomalyConfig';
import { AnomalyDetectionRun } from './AnomalyDetectionRun';
import { AnomalyNotifier } from './AnomalyNotifier';
import { DatabaseAnomalyStore } from './DatabaseAnomalyStore';

jest.setTimeout(60_000);

const SQL_SERVER = 'resource:default/sql-server-standard';
const TEAM_DATA = 'group:default/team-data';

/** The SQL Server position: `required` licenses needed, `position` left over (or short). */
const sqlServer = (required: number, position: number) =>
  licensePositionEntry(
    'microsoft-sql-server-standard',
    required,
    position,
    SQL_SERVER,
  );

/**
 * Two replicas' detection runs at once (a run started by new cost data beside the
 * scheduled one, or a run outliving its scheduler lease): each new anomaly is told to its
 * owner once, not once per run.
 */
describe('AnomalyDetectionRun on two replicas', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'tells the owner about a new anomaly once when two runs overlap, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateDatabase(knex, mockServices.database.mock());
      let snapshot = { today: '2026-11-20', position: [sqlServer(8, 2)] };
      const engine = {
        snapshot: async () => ({
          ...snapshot,
          owners: new Map([[SQL_SERVER, TEAM_DATA]]),
        }),
      } as unknown as LicenseEngine;
      const sent: string[] = [];
      const replica = () =>
        new AnomalyDetectionRun({
          store: new DatabaseAnomalyStore(knex),
          claims: new NotificationClaimStore(knex),
          reader: new DatabaseEntityDailyCostReader(knex),
          catalog: catalogServiceMock({ entities: [] }),
          auth: mockServices.auth(),
          licenseEngine: () => engine,
          notifier: new AnomalyNotifier({
            notifications: {
              // A slow notification service: both runs are sending at the same time.
              send: async options => {
                sent.push(
                  `${(options.recipients as any).entityRef}: ${
                    options.payload.title
                  }`,
                );
                await new Promise(resolve => setTimeout(resolve, 200));
              },
            },
            logger: mockServices.logger.mock(),
          }),
          settings: readAnomalyConfig(new ConfigReader({})),
          logger: mockServices.logger.mock(),
        });

      // The first run records the position the next ones compare with.
      await replica().run();
      snapshot = { today: '2026-11-21', position: [sqlServer(8, -3)] };
      const [a, b] = await Promise.all([replica().run(), replica().run()]);

      expect(sent).toEqual([
        'group:default/team-data: New license shortage: resource:default/sql-server-standard on 2026-11-21',
      ]);
      expect(a.notificationsSent + b.notificationsSent).toBe(1);
      expect(await replica().run()).toMatchObject({ notificationsSent: 0 });
      expect(sent).toHaveLength(1);
      await knex.destroy();
    },
  );
});
