import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { formatUnits, parseDecimal, unitsAtScale } from '../money';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  AMOUNT_SCALE,
  GeneratedRow,
  csvStyleArbitrary,
  expectedTotals,
  focusFileArbitrary,
  toCsv,
  totalsKey,
} from './__testUtils__/focusArbitraries';
import {
  CorruptionOutcome,
  corruptionArbitrary,
} from './__testUtils__/focusCorruptions';
import { writeFocusParquet } from './__testUtils__/focusParquet';
import { ingestionOn } from './__testUtils__/ingestionOn';
import { IngestionService } from './IngestionService';
import { FileTotal } from './types';

// Every run ingests one or two files through DuckDB and the database.
// Generous: under a full `npm test` two workers share two cores with other suites.
jest.setTimeout(400_000);

/** Runs per property; PostgreSQL round trips are slower, so it gets fewer. */
const RUNS = {
  valid: { SQLITE_3: 40, POSTGRES_15: 10 },
  parquet: { SQLITE_3: 15, POSTGRES_15: 5 },
  corrupt: { SQLITE_3: 40, POSTGRES_15: 12 },
} as const;

/** Stored totals as exact canonical decimals per account|period|currency. */
function totalsByKey(totals: FileTotal[]) {
  const canonical = (amount: string) =>
    formatUnits(unitsAtScale(parseDecimal(amount), AMOUNT_SCALE), AMOUNT_SCALE);
  return new Map(
    totals.map(t => [
      totalsKey(t.billingAccountId, t.billingPeriodStart, t.currency),
      {
        billedCost: canonical(t.billedCost),
        effectiveCost: canonical(t.effectiveCost),
      },
    ]),
  );
}

const periodOf = (key: string) => key.split('|')[1];

describe('FOCUS ingestion properties', () => {
  const databases = createTestDatabases();
  let tmp: string;
  let fileCount = 0;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ingestion-property-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let store: DatabaseCostStore;
    let service: IngestionService;
    beforeAll(async () => {
      ({ costs: store, ingestion: service } = await ingestionOn(
        await databases.init(databaseId),
      ));
    });

    /** A source of its own per run, so runs never see each other's facts. */
    const newSource = () =>
      `property-${databaseId.toLowerCase()}-${++fileCount}`;

    async function ingestText(sourceId: string, text: string) {
      const file = path.join(tmp, `file-${++fileCount}.csv`);
      await writeFile(file, text);
      try {
        return await service.ingest({
          sourceId,
          files: [{ path: file, key: 'export.csv' }],
        });
      } finally {
        await rm(file, { force: true });
      }
    }

    it('stores exactly the money of any valid FOCUS CSV, per account, period and currency', async () => {
      await fc.assert(
        fc.asyncProperty(
          focusFileArbitrary(),
          csvStyleArbitrary,
          async (file, style) => {
            const sourceId = newSource();

            const report = await ingestText(sourceId, toCsv(file, style));

            expect(report).toMatchObject({
              status: 'succeeded',
              rows: {
                read: file.rows.length,
                accepted: file.rows.length,
                rejected: 0,
              },
            });
            expect(totalsByKey(await store.sourceTotals(sourceId))).toEqual(
              expectedTotals(file.rows),
            );
          },
        ),
        { numRuns: RUNS.valid[databaseId as keyof typeof RUNS.valid] },
      );
    });

    it('stores exactly the money of any valid FOCUS Parquet file with decimal amounts', async () => {
      await fc.assert(
        fc.asyncProperty(focusFileArbitrary(), async file => {
          const sourceId = newSource();
          const parquet = path.join(tmp, `file-${++fileCount}.parquet`);
          await writeFocusParquet(file, parquet);

          const report = await service.ingest({
            sourceId,
            files: [{ path: parquet, key: 'export.parquet' }],
          });

          expect(report).toMatchObject({
            status: 'succeeded',
            format: 'parquet',
            rows: { read: file.rows.length, rejected: 0 },
          });
          expect(totalsByKey(await store.sourceTotals(sourceId))).toEqual(
            expectedTotals(file.rows),
          );
        }),
        { numRuns: RUNS.parquet[databaseId as keyof typeof RUNS.parquet] },
      );
    });

    it('rejects a broken or hostile file with what and where, leaving the data as it was, or stores it exactly', async () => {
      await fc.assert(
        fc.asyncProperty(
          focusFileArbitrary(5),
          corruptionArbitrary,
          async (previous, corrupted) => {
            const sourceId = newSource();
            const first = await ingestText(sourceId, toCsv(previous));
            expect(first.status).toBe('succeeded');
            const factsBefore = await store.countFacts(sourceId);
            const totalsBefore = await store.sourceTotals(sourceId);

            const report = await ingestText(sourceId, corrupted.text);

            const stored = await store.getIngestion(report.id);
            expect(stored).toMatchObject({
              status: report.status,
              message: report.message,
            });
            expect({
              status: report.status,
              message: report.message,
              rows: report.rows,
              facts: await store.countFacts(sourceId),
              totals: totalsByKey(await store.sourceTotals(sourceId)),
            }).toEqual(
              expectedState(corrupted.outcome, previous.rows, {
                facts: factsBefore,
                totals: totalsBefore,
              }),
            );
          },
        ),
        { numRuns: RUNS.corrupt[databaseId as keyof typeof RUNS.corrupt] },
      );
    });
  });
});

/**
 * What the report and the store hold after a corrupted file: a rejection names what and
 * where and leaves everything as it was; an ingestion stores exactly the file's money.
 */
function expectedState(
  outcome: CorruptionOutcome,
  previous: GeneratedRow[],
  before: { facts: number; totals: FileTotal[] },
) {
  if (outcome.kind === 'reject') {
    return {
      status: 'rejected',
      message: expect.stringMatching(outcome.message),
      rows: expect.anything(),
      facts: before.facts,
      totals: totalsByKey(before.totals),
    };
  }
  return {
    status: 'succeeded',
    message: expect.any(String),
    rows: expect.objectContaining({ read: outcome.rows.length, rejected: 0 }),
    facts: expect.any(Number),
    totals: afterDelivery(previous, outcome.rows),
  };
}

/** A delivery replaces the billing periods it holds and leaves the others as they were. */
function afterDelivery(previous: GeneratedRow[], delivered: GeneratedRow[]) {
  const expected = expectedTotals(delivered);
  const periods = new Set([...expected.keys()].map(periodOf));
  for (const [key, total] of expectedTotals(previous)) {
    if (!periods.has(periodOf(key))) expected.set(key, total);
  }
  return expected;
}
