import { createTestDatabases } from '../__testUtils__/testDatabases';
import { ingestionOn } from '../ingestion/__testUtils__/ingestionOn';
import { clearChangedMonths, readChangedMonths } from './changedMonths';
import { migrationConfig } from './migrations';

jest.setTimeout(60_000);

describe('changed months', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'are recorded with every fact write: the months stored, replaced and expired, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { costs, ingest } = await ingestionOn(knex);
      const months = async () =>
        (await readChangedMonths(knex)).months.map(m => m.month);
      expect(await readChangedMonths(knex)).toEqual({
        bound: null,
        months: [],
      });

      expect((await ingest('focus-1.2.csv')).status).toBe('succeeded');
      expect(await months()).toEqual(['2026-10']);
      expect((await readChangedMonths(knex)).months[0]).toEqual({
        month: '2026-10',
        from: '2026-10-01',
        to: '2026-11-01',
      });

      // A run clears what it read; a rejected delivery records nothing.
      await clearChangedMonths(knex, (await readChangedMonths(knex)).bound);
      expect((await ingest('missing-columns.csv')).status).toBe('rejected');
      expect(await months()).toEqual([]);

      // The same billing period again: its stored facts are replaced, their month recorded.
      expect((await ingest('focus-1.2.csv')).status).toBe('succeeded');
      expect(await months()).toEqual(['2026-10']);
      await clearChangedMonths(knex, (await readChangedMonths(knex)).bound);

      expect(await costs.deleteFactsBefore('2026-10-03')).toBeGreaterThan(0);
      expect(await months()).toEqual(['2026-10']);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'are cleared only up to what a run read, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await knex('finops_itam_changed_months').insert([
        { month: '2026-11' },
        { month: '2026-10' },
      ]);
      const read = await readChangedMonths(knex);
      // Recorded while the run works: kept for the next run.
      await knex('finops_itam_changed_months').insert({ month: '2026-11' });

      await clearChangedMonths(knex, read.bound);

      expect(read.months.map(m => m.month)).toEqual(['2026-10', '2026-11']);
      expect((await readChangedMonths(knex)).months.map(m => m.month)).toEqual([
        '2026-11',
      ]);
      await knex.destroy();
    },
  );
});
