import { mockServices } from '@backstage/backend-test-utils';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase } from '../database/migrations';
import { SourceFileFetcher } from '../sources/SourceFileFetcher';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { BudgetSourceRunner } from './BudgetSourceRunner';
import { DatabaseBudgetStore } from './DatabaseBudgetStore';

jest.setTimeout(60_000);

const HEADER = 'id,entityRef,period,start,amount,currency,scope,forecastAbove';
const CATALOG = new Set([
  'group:default/team-checkout',
  'component:default/checkout',
]);

describe('BudgetSourceRunner', () => {
  const databases = createTestDatabases();
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'finops-budget-source-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function setUp(databaseId: any) {
    const knex = await databases.init(databaseId);
    await migrateDatabase(knex, mockServices.database.mock());
    const logger = mockServices.logger.mock();
    const store = new DatabaseBudgetStore(knex);
    const runner = new BudgetSourceRunner({
      fetcher: new SourceFileFetcher({
        urlReader: mockServices.urlReader.mock(),
        workingDirectory: dir,
      }),
      store,
      calendar: { fiscalYearStartMonth: 1 },
      knownEntityRefs: async refs =>
        new Set(refs.filter(ref => CATALOG.has(ref))),
      logger,
    });
    const source = {
      id: 'finance',
      location: path.join(dir, 'budgets.csv'),
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 10 } },
    };
    return { knex, store, runner, logger, source };
  }

  it.each(databases.eachSupportedId())(
    'replaces the source budgets from a good file, keeps them when a file is bad and names its row and field, on %p',
    async databaseId => {
      const { knex, store, runner, logger, source } = await setUp(databaseId);
      const file = path.join(dir, 'budgets.csv');
      await writeFile(
        file,
        [
          HEADER,
          'team-q1,group:default/team-checkout,quarter,2027-01-01,45000.00,USD,all-in,110',
          'checkout-jan,component:default/checkout,month,2027-01-01,9000,USD,cloud,',
        ].join('\n'),
      );
      expect(await runner.run(source)).toMatchObject({ status: 'stored' });
      expect((await store.list()).map(b => [b.id, b.amount, b.source])).toEqual(
        [
          ['checkout-jan', '9000', 'finance'],
          ['team-q1', '45000.00', 'finance'],
        ],
      );
      expect((await store.get('team-q1'))?.thresholds).toEqual({
        forecastAbove: 110,
        forecastBelow: 80,
        actualAbove: 100,
      });

      // Unchanged: not read again.
      expect(await runner.run(source)).toMatchObject({ status: 'skipped' });

      // A bad row rejects the whole file: the good row of it is not stored either.
      await writeFile(
        file,
        [
          HEADER,
          'team-q1,group:default/team-checkout,quarter,2027-01-01,50000,USD,all-in,',
          'checkout-jan,component:default/checkout,month,2027-01-01,-1,USD,cloud,',
        ].join('\n'),
      );
      const rejected = await runner.run(source);
      expect(rejected.status).toBe('rejected');
      expect(rejected.message).toContain(
        'budgets.csv row 3 (checkout-jan) amount: must not be negative',
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('Budget source finance rejected'),
      );
      expect((await store.get('team-q1'))?.amount).toBe('45000.00');

      // A good file without a budget removes it; the others of other sources stay.
      await store.upsert(
        'api',
        [
          {
            id: 'api-one',
            entityRef: 'component:default/checkout',
            period: 'month',
            start: '2027-02-01',
            amount: '1',
            currency: 'USD',
            scope: 'all-in',
            thresholds: {
              forecastAbove: 100,
              forecastBelow: 80,
              actualAbove: 100,
            },
          },
        ],
        new Date(),
      );
      await writeFile(
        file,
        [
          HEADER,
          'team-q1,group:default/team-checkout,quarter,2027-01-01,50000,USD,all-in,',
        ].join('\n'),
      );
      expect(await runner.run(source)).toMatchObject({
        status: 'stored',
        message:
          'stored 1 budget(s) from 1 file(s), removed 1 no longer in them',
      });
      expect((await store.list()).map(b => b.id)).toEqual([
        'api-one',
        'team-q1',
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses budgets of entities the catalog lacks and overlaps with other sources, on %p',
    async databaseId => {
      const { knex, store, runner, source } = await setUp(databaseId);
      await store.replaceSource(
        'config',
        [
          {
            id: 'from-config',
            entityRef: 'component:default/checkout',
            period: 'quarter',
            start: '2027-01-01',
            amount: '5',
            currency: 'USD',
            scope: 'cloud',
            thresholds: {
              forecastAbove: 100,
              forecastBelow: 80,
              actualAbove: 100,
            },
          },
        ],
        new Date(),
      );
      await writeFile(
        path.join(dir, 'budgets.csv'),
        [
          HEADER,
          'ghost,component:default/ghost,month,2027-01-01,10,USD,all-in,',
          'clash,component:default/checkout,month,2027-02-01,10,USD,cloud,',
        ].join('\n'),
      );
      const result = await runner.run(source);
      expect(result.status).toBe('rejected');
      expect(result.message).toContain(
        'row 2 (ghost) entityRef: component:default/ghost is not in the catalog',
      );
      expect(result.message).toContain(
        'row 3 (clash) start: overlaps budget from-config',
      );
      expect((await store.list()).map(b => b.id)).toEqual(['from-config']);
      await knex.destroy();
    },
  );
});
