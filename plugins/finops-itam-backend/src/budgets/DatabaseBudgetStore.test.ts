import { mockServices } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { budget } from './__testUtils__/budget';
import { BudgetOwnedElsewhereError } from './BudgetStore';
import { DatabaseBudgetStore } from './DatabaseBudgetStore';

jest.setTimeout(60_000);

const NOW = new Date('2026-12-07T10:00:00Z');
const APRIL = { fiscalYearStartMonth: 4 };

describe('DatabaseBudgetStore', () => {
  const databases = createTestDatabases();

  async function setUp(databaseId: any) {
    const knex = await databases.init(databaseId);
    await migrateDatabase(knex, mockServices.database.mock());
    return { knex, store: new DatabaseBudgetStore(knex) };
  }

  it.each(databases.eachSupportedId())(
    'finds the budgets whose period contains a day, the period end excluded, on %p',
    async databaseId => {
      const { knex, store } = await setUp(databaseId);
      await store.upsert(
        'api',
        [
          budget({ id: 'jan', period: 'month', start: '2027-01-01' }),
          budget(
            {
              id: 'fy',
              period: 'year',
              start: '2026-04-01',
              entityRef: 'component:default/checkout',
            },
            APRIL,
          ),
        ],
        NOW,
      );
      const ids = async (day: string, entityRef?: string) =>
        (await store.listContaining(day, entityRef)).map(b => b.id);

      expect(await ids('2027-01-31')).toEqual(['fy', 'jan']);
      expect(await ids('2027-02-01')).toEqual(['fy']);
      expect(await ids('2027-03-31')).toEqual(['fy']);
      expect(await ids('2027-04-01')).toEqual([]);
      expect(await ids('2026-12-31', 'group:default/team-checkout')).toEqual(
        [],
      );
      // Amount as written, thresholds with their defaults, source and time kept.
      expect(await store.get('jan')).toEqual({
        ...budget({ id: 'jan', period: 'month', start: '2027-01-01' }),
        source: 'api',
        updatedAt: NOW.toISOString(),
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    "refuses to take over another source's budget, and forgets a deleted budget's alerts, on %p",
    async databaseId => {
      const { knex, store } = await setUp(databaseId);
      await store.replaceSource('config', [budget({ id: 'from-config' })], NOW);
      await expect(
        store.upsert(
          'api',
          [
            budget({ id: 'new', start: '2027-04-01' }),
            budget({ id: 'from-config' }),
          ],
          NOW,
        ),
      ).rejects.toBeInstanceOf(BudgetOwnedElsewhereError);
      // Nothing of the refused batch was stored.
      expect((await store.list()).map(b => b.id)).toEqual(['from-config']);

      const alert = {
        budgetId: 'from-config',
        periodStart: '2027-01-01',
        threshold: 'forecast-above' as const,
      };
      await store.recordSentAlert(alert, NOW);
      await store.recordSentAlert(alert, NOW);
      expect(await store.sentAlerts(['from-config'])).toEqual([alert]);

      expect(await store.delete('from-config')).toBe(true);
      expect(await store.delete('from-config')).toBe(false);
      expect(await store.sentAlerts(['from-config'])).toEqual([]);
      await knex.destroy();
    },
  );
});
