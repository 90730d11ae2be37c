import { migrationConfig } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  byolTags,
  daysFrom,
  insertLicensedVms,
} from './__testUtils__/licenseFixtures';
import { LicensedFactRow } from './costDataLicenses';
import { DatabaseLicenseStore } from './DatabaseLicenseStore';
import { DatabaseLicensedFactStore } from './DatabaseLicensedFactStore';
import { DEFAULT_COST_DATA_SETTINGS } from './licenseConfig';
import {
  compactLicensedFacts,
  readLicensedFactsCompact,
} from './licensedFactExtract';

jest.setTimeout(60_000);

const row = (
  day: string,
  overrides: Partial<LicensedFactRow> = {},
): LicensedFactRow => ({
  day,
  resourceId: 'vm-1',
  resourceName: 'vm-1',
  providerName: 'AWS',
  skuId: 'ec2/vm-1',
  skuPriceDetails: '{"CoreCount":4}',
  tags: '{"license-product":"rhel"}',
  entityRef: 'component:default/a',
  ...overrides,
});

describe('the licensed fact extract', () => {
  it('merges the days of equal facts and keeps facts that differ apart', () => {
    const rows = compactLicensedFacts([
      row('2026-11-02'),
      row('2026-11-01'),
      // Resized on the 3rd: other price details, another combination.
      row('2026-11-03', { skuPriceDetails: '{"CoreCount":8}' }),
    ]);
    expect(rows).toEqual([
      { ...row('2026-11-02'), days: ['2026-11-01', '2026-11-02'] },
      {
        ...row('2026-11-03', { skuPriceDetails: '{"CoreCount":8}' }),
        days: ['2026-11-03'],
      },
    ]);
  });

  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'is read back while no cost data arrives, follows allocation through the keys, and re-reads changed months, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      const vm = (name: string, days = daysFrom('2026-11-20', 7)) => ({
        name,
        entityRef: 'component:default/a',
        days,
        tags: byolTags('rhel'),
        details: { CoreCount: 2 },
      });
      await insertLicensedVms(knex, [
        vm('rhel-1'),
        vm('rhel-oct', daysFrom('2026-10-10', 5)),
      ]);
      const store = new DatabaseLicenseStore(knex);
      const months = jest.fn(() => store.factMonthFingerprints());
      const facts = new DatabaseLicensedFactStore(knex);
      const read = (stamp: string, settings = DEFAULT_COST_DATA_SETTINGS) =>
        readLicensedFactsCompact(facts, settings, stamp, months);
      const first = await read('stamp-1');
      expect(first.latestDay).toBe('2026-11-26');
      expect(first.rows.map(r => [r.resourceName, r.day, r.days])).toEqual([
        ['rhel-oct', '2026-10-14', daysFrom('2026-10-10', 5)],
        ['rhel-1', '2026-11-26', daysFrom('2026-11-20', 7)],
      ]);

      // Facts written behind the stamp's back are not read: the stored extract answers.
      await insertLicensedVms(knex, [vm('rhel-2')]);
      expect(await read('stamp-1')).toEqual(first);
      expect(months).toHaveBeenCalledTimes(1);
      // An allocation moves the owner through the facts' allocation key, without a read.
      await knex('finops_itam_allocation_keys')
        .where('key', first.rows[1].allocationKey!)
        .update({ allocated_entity_ref: 'component:default/b' });
      expect((await read('stamp-1')).rows[1].entityRef).toBe(
        'component:default/b',
      );

      // A new ingestion or allocation run changes the stamp: November, whose facts changed,
      // is read again; October is not (its stored rows are kept as they were).
      await knex('finops_itam_license_fact_extract')
        .where('month', '2026-10')
        .update({ facts: knex.raw("replace(facts, 'rhel-oct', 'kept-oct')") });
      const fresh = await read('stamp-2');
      expect(fresh.rows.map(r => r.resourceName).sort()).toEqual([
        'kept-oct',
        'rhel-1',
        'rhel-2',
      ]);
      // Other detection settings read everything again.
      const otherTag = await read('stamp-2', {
        ...DEFAULT_COST_DATA_SETTINGS,
        productTag: 'sw',
      });
      expect(otherTag.rows).toEqual([]);
      await knex.destroy();
    },
  );
});
