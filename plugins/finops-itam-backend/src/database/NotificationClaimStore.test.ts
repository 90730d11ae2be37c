import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrateDatabase } from './migrations';
import { NotificationClaimStore } from './NotificationClaimStore';

jest.setTimeout(60_000);

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 10, minute, 0));

describe('NotificationClaimStore', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'gives a key to one claimant until it is released or stale, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateDatabase(knex, mockServices.database.mock());
      const claims = new NotificationClaimStore(knex);

      // Two runs claiming the same key at once: one gets it.
      const both = await Promise.all([
        claims.claim('finops-itam:budget:b:2027-01-01:actual-above', at(0)),
        claims.claim('finops-itam:budget:b:2027-01-01:actual-above', at(0)),
      ]);
      expect(both.filter(Boolean)).toHaveLength(1);
      // Other keys are free.
      expect(await claims.claim('finops-itam:anomaly:x', at(0))).toBe(true);
      // Still held nine minutes later; a run killed mid-send leaves it stale after ten.
      expect(
        await claims.claim(
          'finops-itam:budget:b:2027-01-01:actual-above',
          at(9),
        ),
      ).toBe(false);
      expect(
        await claims.claim(
          'finops-itam:budget:b:2027-01-01:actual-above',
          at(11),
        ),
      ).toBe(true);
      // Taken over at minute 11: held again.
      expect(
        await claims.claim(
          'finops-itam:budget:b:2027-01-01:actual-above',
          at(12),
        ),
      ).toBe(false);

      await claims.release([
        'finops-itam:budget:b:2027-01-01:actual-above',
        'finops-itam:anomaly:x',
      ]);
      expect(
        await claims.claim(
          'finops-itam:budget:b:2027-01-01:actual-above',
          at(13),
        ),
      ).toBe(true);
      expect(await claims.claim('finops-itam:anomaly:x', at(13))).toBe(true);
      await knex.destroy();
    },
  );
});
