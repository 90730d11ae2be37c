import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CostFact } from './CostStore';
import { DatabaseCostStore } from './DatabaseCostStore';

/**
 * The bulk paths that store facts (COPY on PostgreSQL, prepared multi-row INSERTs on
 * SQLite): every value arrives as written, and a fact the database refuses leaves the
 * previous data in place.
 */
function fact(i: number, overrides: Partial<CostFact> = {}): CostFact {
  return {
    fileKey: 'bulk.csv',
    billingPeriodStart: '2026-09-01',
    day: `2026-09-${String((i % 28) + 1).padStart(2, '0')}`,
    billingAccountId: 'acct',
    subAccountId: null,
    providerName: 'AWS',
    publisherName: null,
    hostProviderName: null,
    invoiceIssuerName: null,
    serviceName: 'Amazon EC2',
    serviceCategory: 'Compute',
    regionId: null,
    resourceId: `res-${i}`,
    resourceName: null,
    resourceType: null,
    chargeCategory: 'Usage',
    chargeClass: null,
    pricingCategory: null,
    commitmentDiscountId: null,
    commitmentDiscountStatus: null,
    skuId: null,
    skuPriceDetails: null,
    tags: null,
    currency: 'USD',
    billedCost: '0.0000000000000001',
    effectiveCost: '1.5000000000000000',
    listCost: null,
    contractedCost: null,
    consumedQuantity: '1',
    rowCount: 1,
    ...overrides,
  };
}

/** Text COPY must escape and SQLite must bind as is. */
const AWKWARD_TEXT = [
  'tab\there',
  'line\nbreak',
  'carriage\rreturn',
  'back\\slash',
  '\\N',
  '\\.',
  'quote " and \' and ,;',
  'ünïcødé 費用 🚀',
  '',
];

describe('storing facts in bulk', () => {
  const databases = createTestDatabases();

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseCostStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    return { knex, store };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('stores every value as written, across batch boundaries', async () => {
      const { knex, store } = await setUp(databaseId);
      // 4,321 facts: several full batches and a remainder on either path.
      const facts = Array.from({ length: 4321 }, (_, i) =>
        fact(i, {
          resourceName: AWKWARD_TEXT[i % AWKWARD_TEXT.length],
          tags: i % 2 ? JSON.stringify({ note: AWKWARD_TEXT[i % 9] }) : null,
          billedCost: `${i}.0000000000000001`,
          listCost: i % 3 ? '1234567890123456789012.1234567890123456' : null,
          rowCount: i + 1,
        }),
      );

      await store.replaceFacts(
        { sourceId: 'bulk', ingestionId: 'ing-1', facts },
        () => {},
      );

      const rows = await knex('finops_itam_cost_facts')
        .where('source_id', 'bulk')
        .select('resource_id', 'resource_name', 'tags', 'list_cost')
        .select('billed_cost', 'row_count');
      expect(rows).toHaveLength(facts.length);
      const byResource = new Map(rows.map(r => [r.resource_id, r]));
      for (const [i, expected] of facts.entries()) {
        const row = byResource.get(expected.resourceId)!;
        expect(row.resource_name).toBe(expected.resourceName);
        expect(row.tags === null ? null : JSON.parse(row.tags)).toEqual(
          expected.tags === null ? null : JSON.parse(expected.tags),
        );
        expect(Number(row.row_count)).toBe(i + 1);
      }
      // Amounts exact to the 16th decimal and past 10^21, as decimal text.
      expect((await store.sourceTotals('bulk')).map(t => t.billedCost)).toEqual(
        [`${BigInt(4320 * 4321) / 2n}.0000000000004321`],
      );
      const listed = rows.filter(r => r.list_cost !== null);
      expect(listed).toHaveLength(facts.filter(f => f.listCost).length);
      expect(
        listed.every(r =>
          String(r.list_cost).startsWith(
            '1234567890123456789012.1234567890123456',
          ),
        ),
      ).toBe(true);
    });

    it('leaves the previous facts in place when the database refuses one fact', async () => {
      const { store } = await setUp(databaseId);
      await store.replaceFacts(
        {
          sourceId: 'bulk',
          ingestionId: 'ing-1',
          facts: [fact(1), fact(2)],
        },
        () => {},
      );
      const before = await store.sourceTotals('bulk');
      const facts = Array.from({ length: 2500 }, (_, i) =>
        // A missing account is refused by both databases (NOT NULL), late in the stream.
        fact(i, i === 2400 ? { billingAccountId: null as any } : {}),
      );

      await expect(
        store.replaceFacts(
          { sourceId: 'bulk', ingestionId: 'ing-2', facts },
          () => {},
        ),
        // Matched by message: in a Jest worker that loaded better-sqlite3 for an earlier test
        // file, its errors come from that file's realm and fail `toThrow`'s Error check.
      ).rejects.toHaveProperty(
        'message',
        expect.stringContaining('billing_account_id'),
      );

      expect(await store.countFacts('bulk')).toBe(2);
      expect(await store.sourceTotals('bulk')).toEqual(before);
    });

    it('stores facts that arrive in batches of any size, and replaces the periods they hold', async () => {
      const { store } = await setUp(databaseId);
      await store.replaceFacts(
        {
          sourceId: 'bulk',
          ingestionId: 'ing-1',
          facts: [fact(1), fact(2, { billingPeriodStart: '2026-08-01' })],
        },
        () => {},
      );
      // 1 + 199 + 2,048 + 3 facts: a remainder carried across batches on SQLite, pieces on COPY.
      const sizes = [1, 199, 2048, 3];
      async function* batches() {
        let first = 0;
        for (const size of sizes) {
          const from = first;
          yield Array.from({ length: size }, (_, k) => fact(from + k));
          first += size;
        }
      }
      let seen: unknown;
      await store.replaceFacts(
        { sourceId: 'bulk', ingestionId: 'ing-2', facts: batches() },
        totals => {
          seen = totals;
        },
      );

      // September's earlier fact is gone, August's (not delivered again) stays.
      expect(await store.countFacts('bulk')).toBe(2251 + 1);
      expect(seen).toEqual([
        {
          billingAccountId: 'acct',
          billingPeriodStart: '2026-09-01',
          currency: 'USD',
          billedCost: '0.0000000000002251',
          effectiveCost: '3376.5',
        },
      ]);
    });

    it('leaves the previous facts in place when the batches fail part-way', async () => {
      const { store } = await setUp(databaseId);
      await store.replaceFacts(
        { sourceId: 'bulk', ingestionId: 'ing-1', facts: [fact(1), fact(2)] },
        () => {},
      );
      const before = await store.sourceTotals('bulk');
      async function* failing() {
        yield Array.from({ length: 2500 }, (_, i) => fact(i));
        throw new Error('the reader lost its file');
      }

      await expect(
        store.replaceFacts(
          { sourceId: 'bulk', ingestionId: 'ing-2', facts: failing() },
          () => {},
        ),
      ).rejects.toHaveProperty(
        'message',
        expect.stringContaining('the reader lost its file'),
      );

      expect(await store.countFacts('bulk')).toBe(2);
      expect(await store.sourceTotals('bulk')).toEqual(before);
      // The connection that held the failed transaction serves the next delivery.
      await store.replaceFacts(
        { sourceId: 'bulk', ingestionId: 'ing-3', facts: [fact(7)] },
        () => {},
      );
      expect(await store.countFacts('bulk')).toBe(1);
    });
  });
});
