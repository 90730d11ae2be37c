import { migrationConfig } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseKpiStore } from './DatabaseKpiStore';
import {
  KpiTestFact,
  bumpVersion,
  insertKpiFacts,
} from './__testUtils__/kpiFacts';

jest.setTimeout(60_000);

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);

/**
 * One fact a day from mid-January to early April, each day's amount a distinct power of two
 * in its last decimals, so a day read twice or missed changes every sum; a second owner and
 * an unknown list cost every third day, so rows stay apart by owner and unknowns.
 */
const facts: KpiTestFact[] = Array.from({ length: 80 }, (_, i) => ({
  day: addDays('2026-01-15', i),
  effectiveCost: `${i + 1}.${String(2 ** (i % 30)).padStart(10, '0')}`,
  listCost: i % 3 === 0 ? null : `${2 * (i + 1)}`,
  ownerRef: i % 2 === 0 ? 'component:default/a' : 'component:default/b',
}));

const sameOwner = async (refs: string[]) => new Map(refs.map(r => [r, r]));

describe('DatabaseKpiStore', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'reads the same sums from the rollup as from the facts, for periods of any shape, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertKpiFacts(knex, facts);
      await bumpVersion(knex);
      const store = new DatabaseKpiStore(knex);
      await store.rebuildRollup(sameOwner);

      const periods = [
        // Edges inside January and March around whole February.
        { from: '2026-01-17', to: '2026-03-10' },
        { from: '2026-01-02', to: '2026-03-31' },
        { from: '2026-01-31', to: '2026-03-02' },
        // Inside one month, across two without a whole one, one day, no day.
        { from: '2026-02-03', to: '2026-02-26' },
        { from: '2026-02-20', to: '2026-03-13' },
        { from: '2026-03-16', to: '2026-03-17' },
        { from: '2026-03-16', to: '2026-03-16' },
        // Beyond the facts at both ends.
        { from: '2025-12-24', to: '2026-05-07' },
      ];
      const byKey = (
        rows: Array<{ ownerRef: string | null; listCost?: string | null }>,
      ) =>
        [...rows].sort((a, b) =>
          JSON.stringify([a.ownerRef, a.listCost === null]).localeCompare(
            JSON.stringify([b.ownerRef, b.listCost === null]),
          ),
        );
      for (const period of periods) {
        const fromRollup = await store.rollupRows(period);
        const fromFacts = await store.factRows(period, sameOwner);
        expect({ period, rows: byKey(fromRollup!) }).toEqual({
          period,
          rows: byKey(fromFacts),
        });
      }
      // And by hand: 16 March is the 61st day, of owner a, its list cost unknown.
      expect(
        await store.rollupRows({ from: '2026-03-16', to: '2026-03-17' }),
      ).toEqual([
        expect.objectContaining({
          ownerRef: 'component:default/a',
          effectiveCost: '61.0000000001',
          listCost: null,
        }),
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'counts a rollup built before the blocks of days as behind, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertKpiFacts(knex, facts.slice(0, 5));
      await bumpVersion(knex);
      const store = new DatabaseKpiStore(knex);
      await store.rebuildRollup(sameOwner);
      expect(await store.rollupIsCurrent()).toBe(true);

      // What the earlier rebuild recorded: the plain cost data version, no blocks written.
      const [{ version }] = await knex('finops_itam_data_versions')
        .where('name', 'cost')
        .select('version');
      await knex('finops_itam_kpi_rollup_state')
        .where({ id: 1 })
        .update({ data_version: String(version) });

      expect(await store.rollupIsCurrent()).toBe(false);
      expect(
        await store.rollupRows({ from: '2026-01-01', to: '2026-02-01' }),
      ).toBeNull();
      await knex.destroy();
    },
  );
});
