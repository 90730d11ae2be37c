import { migrationConfig } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  byolTags,
  daysFrom,
  insertLicensedVms,
} from './__testUtils__/licenseFixtures';
import { LicensedFactRow } from './costDataLicenses';
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
    'is read back while no cost data arrives and rebuilt when the stamp changes, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      const vm = (name: string) => ({
        name,
        entityRef: 'component:default/a',
        days: daysFrom('2026-11-20', 7),
        tags: byolTags('rhel'),
        details: { CoreCount: 2 },
      });
      await insertLicensedVms(knex, [vm('rhel-1')]);
      const first = await readLicensedFactsCompact(
        knex,
        DEFAULT_COST_DATA_SETTINGS,
        'stamp-1',
      );
      expect(first.latestDay).toBe('2026-11-26');
      expect(first.rows).toHaveLength(1);
      expect(first.rows[0]).toMatchObject({
        resourceName: 'rhel-1',
        day: '2026-11-26',
        days: daysFrom('2026-11-20', 7),
      });

      // Facts written behind the stamp's back are not read: the stored extract answers.
      await insertLicensedVms(knex, [vm('rhel-2')]);
      const again = await readLicensedFactsCompact(
        knex,
        DEFAULT_COST_DATA_SETTINGS,
        'stamp-1',
      );
      expect(again).toEqual(first);
      // A new ingestion or allocation run changes the stamp: the window is read again.
      const fresh = await readLicensedFactsCompact(
        knex,
        DEFAULT_COST_DATA_SETTINGS,
        'stamp-2',
      );
      expect(fresh.rows.map(r => r.resourceName).sort()).toEqual([
        'rhel-1',
        'rhel-2',
      ]);
      // So do other detection settings.
      const otherTag = await readLicensedFactsCompact(
        knex,
        { ...DEFAULT_COST_DATA_SETTINGS, productTag: 'sw' },
        'stamp-2',
      );
      expect(otherTag.rows).toEqual([]);
      await knex.destroy();
    },
  );
});
