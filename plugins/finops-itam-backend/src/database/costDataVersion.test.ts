import { createTestDatabases } from '../__testUtils__/testDatabases';
import { ingestionOn } from '../ingestion/__testUtils__/ingestionOn';
import { DatabaseLicenseStore } from '../licenses/DatabaseLicenseStore';
import { DatabaseAllocationStore } from './DatabaseAllocationStore';
import { readCostDataVersion } from './costDataVersion';

jest.setTimeout(60_000);

describe('the cost data version', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'rises with every write that changes cost answers, and only then, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { costs, ingest } = await ingestionOn(knex);
      const version = () => readCostDataVersion(knex);
      expect(await version()).toBe('0');

      const stored = await ingest('focus-1.2.csv');
      expect(stored.status).toBe('succeeded');
      expect(await version()).toBe('1');

      // A rejected delivery changes nothing, the version included.
      const rejected = await ingest('missing-columns.csv');
      expect(rejected.status).toBe('rejected');
      expect(await version()).toBe('1');

      expect(await costs.deleteFactsBefore('2000-01-01')).toBe(0);
      expect(await version()).toBe('1');
      expect(await costs.deleteFactsBefore('2026-10-02')).toBeGreaterThan(0);
      expect(await version()).toBe('2');

      const allocation = new DatabaseAllocationStore(knex);
      const finish = async (costChanged: boolean) =>
        allocation.finishRun(
          await allocation.startRun(new Date()),
          {
            status: 'succeeded',
            factsScanned: 1,
            factsChanged: 0,
            factsFingerprint: null,
            message: 'done',
            costChanged,
          },
          new Date(),
        );
      await finish(false);
      expect(await version()).toBe('2');
      await finish(true);
      expect(await version()).toBe('3');

      // Recomputed rows equal to the stored ones are not written again.
      const part = {
        day: '2026-10-01',
        currency: 'USD',
        basis: 'billed' as const,
        targetRef: 'component:default/a',
        amount: '1.5',
      };
      expect(await allocation.replaceSharedAllocations('support', [part])).toBe(
        true,
      );
      expect(await allocation.replaceSharedAllocations('support', [part])).toBe(
        false,
      );
      expect(
        await allocation.replaceSharedAllocations('support', [
          { ...part, amount: '1.25' },
        ]),
      ).toBe(true);
      const parts = await knex('finops_itam_shared_allocations').select(
        'amount',
      );
      expect(parts.map(row => Number(row.amount))).toEqual([1.25]);
      // A pool dropped from the config loses its parts and its digest: re-added, it is written.
      expect(await allocation.deleteSharedAllocationsExcept([])).toBe(1);
      expect(await allocation.replaceSharedAllocations('support', [part])).toBe(
        true,
      );

      const licenses = new DatabaseLicenseStore(knex);
      const share = {
        entitlementId: 'e1',
        productId: 'rhel',
        entityRef: 'component:default/a',
        day: '2026-10-01',
        currency: 'USD',
        amount: '2',
        shelfware: false,
      };
      // The license cost task says whether cost answers change; only then the version rises.
      const run = (costChanged: boolean) =>
        licenses.writeCostRun({
          shares: [],
          cost: [{ productId: 'rhel', rows: [share] }],
          state: new Map(),
          costChanged,
        });
      await run(true);
      expect(await version()).toBe('4');
      await run(false);
      expect(await version()).toBe('4');
      expect(await licenses.productCost('rhel')).toEqual([share]);
      await knex.destroy();
    },
  );
});
