import { mockServices } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../database/migrations';
import { NotificationClaimStore } from '../database/NotificationClaimStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { budget } from './__testUtils__/budget';
import { BudgetAlertRun } from './BudgetAlertRun';
import { budgetStatus } from './budgetStatus';
import { DatabaseBudgetStore } from './DatabaseBudgetStore';

jest.setTimeout(60_000);

const NOW = new Date('2027-02-10T10:00:00Z');

/**
 * Two replicas' alert runs at the same time (the scheduler's lease ran out under a slow
 * run, or a run started by new cost data beside the scheduled one): each crossed threshold
 * is still told to its owner once, not once per run.
 */
describe('BudgetAlertRun on two replicas', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'sends each crossed threshold once when two runs overlap, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateDatabase(knex, mockServices.database.mock());
      const store = new DatabaseBudgetStore(knex);
      const overBudget = budget({ id: 'checkout-q1', amount: '100.00' });
      await store.upsert('api', [overBudget], NOW);
      const [stored] = await store.list();

      const sent: string[] = [];
      // The notification service answers slowly, so both runs are mid-send together.
      const notifications = {
        send: jest.fn(async (request: any) => {
          sent.push(request.payload.title);
          await new Promise(resolve => setTimeout(resolve, 200));
        }),
      };
      const run = () =>
        new BudgetAlertRun({
          store,
          claims: new NotificationClaimStore(knex),
          evaluate: async () => {
            const status = budgetStatus({
              budget: stored,
              actual: [{ currency: 'USD', amount: '150.00' }],
              through: '2027-02-09',
            });
            return [{ budget: stored, status, entry: {} as any }];
          },
          ownerOf: async () => 'group:default/team-checkout',
          notifications,
          logger: mockServices.logger.mock(),
          now: () => NOW,
        }).run();

      const [first, second] = await Promise.all([run(), run()]);

      expect(sent).toEqual([
        'Budget checkout-q1: group:default/team-checkout has spent more than 100 %',
      ]);
      expect(first.sent + second.sent).toBe(1);
      // A third run later finds it told and sends nothing.
      expect((await run()).sent).toBe(0);
      expect(sent).toHaveLength(1);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'tries a threshold again after a send that failed, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateDatabase(knex, mockServices.database.mock());
      const store = new DatabaseBudgetStore(knex);
      await store.upsert('api', [budget({ amount: '100.00' })], NOW);
      const [stored] = await store.list();
      const send = jest
        .fn()
        .mockRejectedValueOnce(new Error('notifications are down'))
        .mockResolvedValue(undefined);
      const run = () =>
        new BudgetAlertRun({
          store,
          claims: new NotificationClaimStore(knex),
          evaluate: async () => [
            {
              budget: stored,
              status: budgetStatus({
                budget: stored,
                actual: [{ currency: 'USD', amount: '150.00' }],
                through: '2027-02-09',
              }),
              entry: {} as any,
            },
          ],
          ownerOf: async () => 'group:default/team-checkout',
          notifications: { send },
          logger: mockServices.logger.mock(),
          now: () => NOW,
        }).run();

      expect(await run()).toMatchObject({ sent: 0, failed: 1 });
      expect(await run()).toMatchObject({ sent: 1, failed: 0 });
      expect(await run()).toMatchObject({ sent: 0, failed: 0 });
      expect(send).toHaveBeenCalledTimes(2);
      await knex.destroy();
    },
  );
});
