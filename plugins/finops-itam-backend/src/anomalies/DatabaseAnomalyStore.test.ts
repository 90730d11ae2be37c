import { Knex } from 'knex';
import { LicensePositionEntry } from '@finops-itam/plugin-finops-itam-common';
import { migrationConfig } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DetectedAnomaly } from './AnomalyStore';
import { DatabaseAnomalyStore } from './DatabaseAnomalyStore';

jest.setTimeout(60_000);

const spike: DetectedAnomaly = {
  id: 'cost-increase-aaaaaaaaaaaaaaaaaaaaaaaa',
  kind: 'cost-increase',
  entityRef: 'component:default/checkout',
  productId: null,
  date: '2026-11-20',
  lastDate: '2026-11-20',
  currency: 'USD',
  actual: '3000.1234567890123456',
  expected: '1000',
  impact: '2000.1234567890123456',
  totalImpact: '2000.1234567890123456',
  score: 12.5,
  detail: 'Cost 3000.12 USD, expected 1000 USD',
  drivers: [{ kind: 'service', name: 'AWSLambda', impact: '2000' }],
  owner: 'group:default/team-checkout',
};

const shortage: DetectedAnomaly = {
  id: 'license-shortage-bbbbbbbbbbbbbbbbbbbbbbbb',
  kind: 'license-shortage',
  entityRef: 'resource:default/sql-server-ea',
  productId: 'microsoft-sql-server-standard',
  date: '2026-11-25',
  lastDate: '2026-11-25',
  currency: null,
  actual: null,
  expected: null,
  impact: null,
  totalImpact: null,
  score: null,
  detail: 'Position went from 4 to -2',
  drivers: [],
  owner: null,
};

describe('DatabaseAnomalyStore', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let store: DatabaseAnomalyStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      store = new DatabaseAnomalyStore(knex);
    });

    beforeEach(async () => {
      await knex('finops_itam_anomaly_history').delete();
      await knex('finops_itam_anomalies').delete();
      await knex('finops_itam_anomaly_license_positions').delete();
    });

    it('stores detected anomalies as open with exact amounts, and answers which were new', async () => {
      const fresh = await store.upsertDetected(
        [spike, shortage],
        '2026-11-22T06:00:00.000Z',
      );

      expect(fresh.sort()).toEqual([spike.id, shortage.id].sort());
      expect(await store.get(spike.id)).toEqual({
        ...spike,
        status: 'open',
        resolution: null,
        note: null,
        detectedAt: '2026-11-22T06:00:00.000Z',
        notifiedAt: null,
      });
      expect((await store.get(shortage.id))?.actual).toBeNull();
    });

    it('a second detection updates what detection knows and keeps status, note, history and notification', async () => {
      await store.upsertDetected([spike], '2026-11-22T06:00:00.000Z');
      await store.markNotified([spike.id], '2026-11-22T06:01:00.000Z');
      await store.changeStatus(spike.id, 'open', {
        at: '2026-11-22T09:00:00.000Z',
        by: 'user:default/alice',
        status: 'acknowledged',
        resolution: null,
        note: 'Looking at it',
      });

      const fresh = await store.upsertDetected(
        [{ ...spike, lastDate: '2026-11-21', totalImpact: '3500' }],
        '2026-11-23T06:00:00.000Z',
      );

      expect(fresh).toEqual([]);
      expect(await store.get(spike.id)).toMatchObject({
        lastDate: '2026-11-21',
        totalImpact: '3500',
        status: 'acknowledged',
        note: 'Looking at it',
        detectedAt: '2026-11-22T06:00:00.000Z',
        notifiedAt: '2026-11-22T06:01:00.000Z',
      });
      expect((await store.history([spike.id])).get(spike.id)).toHaveLength(1);
    });

    it('changes a status with its history entry only from the expected status', async () => {
      await store.upsertDetected([spike], '2026-11-22T06:00:00.000Z');
      const resolve = {
        at: '2026-11-23T10:00:00.000Z',
        by: 'user:default/bob',
        status: 'resolved' as const,
        resolution: 'fixed' as const,
        note: 'Batch job capped',
      };

      expect(await store.changeStatus(spike.id, 'acknowledged', resolve)).toBe(
        false,
      );
      expect(await store.changeStatus(spike.id, 'open', resolve)).toBe(true);
      expect(await store.changeStatus(spike.id, 'open', resolve)).toBe(false);

      expect(await store.get(spike.id)).toMatchObject({
        status: 'resolved',
        resolution: 'fixed',
        note: 'Batch job capped',
      });
      expect(await store.history([spike.id, 'unknown'])).toEqual(
        new Map([
          [spike.id, [resolve]],
          ['unknown', []],
        ]),
      );
    });

    it('lists newest first, filtered by days, entity and status', async () => {
      const older = {
        ...spike,
        id: 'cost-decrease-cccccccccccccccccccccccc',
        kind: 'cost-decrease' as const,
        date: '2026-10-01',
        lastDate: '2026-10-02',
      };
      await store.upsertDetected(
        [spike, shortage, older],
        '2026-11-26T06:00:00.000Z',
      );
      await store.changeStatus(older.id, 'open', {
        at: '2026-11-26T07:00:00.000Z',
        by: 'user:default/alice',
        status: 'acknowledged',
        resolution: null,
        note: null,
      });
      const ids = async (filter: Parameters<typeof store.list>[0]) =>
        (await store.list(filter)).map(a => a.id);

      expect(await ids({})).toEqual([shortage.id, spike.id, older.id]);
      expect(await ids({ from: '2026-11-01', to: '2026-11-25' })).toEqual([
        spike.id,
      ]);
      expect(await ids({ entityRef: 'component:default/checkout' })).toEqual([
        spike.id,
        older.id,
      ]);
      expect(await ids({ status: 'acknowledged' })).toEqual([older.id]);
    });

    it('lists open anomalies nobody was told about, until they are marked notified', async () => {
      await store.upsertDetected([spike, shortage], '2026-11-26T06:00:00.000Z');

      expect((await store.unnotified()).map(a => a.id)).toEqual([
        spike.id,
        shortage.id,
      ]);
      await store.markNotified([spike.id], '2026-11-26T06:05:00.000Z');
      expect((await store.unnotified()).map(a => a.id)).toEqual([shortage.id]);
    });

    it('keeps the last license position it was given, replacing the one before', async () => {
      expect(await store.licensePositions()).toBeUndefined();
      const entry = (productId: string, position: number) =>
        ({
          productId,
          productName: productId,
          required: 4,
          position,
        } as unknown as LicensePositionEntry);

      await store.saveLicensePositions({
        day: '2026-11-25',
        entries: [entry('a', 1), entry('b', 2)],
      });
      await store.saveLicensePositions({
        day: '2026-11-26',
        entries: [entry('b', -3)],
      });

      expect(await store.licensePositions()).toEqual({
        day: '2026-11-26',
        entries: [entry('b', -3)],
      });
    });
  });
});
