import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { generateBenchExport } from './bench';
import { FOCUS_MANDATORY_COLUMNS } from './focusColumns';
import {
  AMOUNT,
  openDuckDb,
  readCsv,
  withTempDir,
} from './__testUtils__/duckdb';

jest.setTimeout(120_000);

describe('generateBenchExport', () => {
  it.each([1, 7, 1234, 20_000])('writes exactly %i rows', async rows => {
    await withTempDir(async dir => {
      const result = await generateBenchExport({
        outFile: join(dir, 'bench.csv'),
        rows,
      });
      expect(result.rows).toBe(rows);
      const text = await readFile(result.path, 'utf8');
      // Header plus one line per row, each ending in a newline; quoted cells hold no newlines.
      expect(text.split('\n')).toHaveLength(rows + 2);
      expect(result.bytes).toBe(Buffer.byteLength(text));
    });
  });

  it('is deterministic for the same seed', async () => {
    await withTempDir(async dir => {
      const a = await generateBenchExport({
        outFile: join(dir, 'a.csv'),
        rows: 5000,
      });
      const b = await generateBenchExport({
        outFile: join(dir, 'b.csv'),
        rows: 5000,
      });
      const c = await generateBenchExport({
        outFile: join(dir, 'c.csv'),
        rows: 5000,
        seed: 'other',
      });
      const bytes = await readFile(a.path);
      expect(bytes.equals(await readFile(b.path))).toBe(true);
      expect(bytes.equals(await readFile(c.path))).toBe(false);
      expect(a.totals).toEqual(b.totals);
    });
  });

  it('writes hourly FOCUS rows whose totals match the file and aggregate ~20x per day', async () => {
    await withTempDir(async dir => {
      const result = await generateBenchExport({
        outFile: join(dir, 'bench.csv'),
        rows: 60_000,
      });
      const db = await openDuckDb();
      try {
        await db.rows(
          `CREATE TABLE bench AS SELECT * FROM ${readCsv(result.path)}`,
        );
        const columns = (await db.rows('DESCRIBE bench')).map(
          c => c.column_name,
        );
        expect(columns).toEqual(
          expect.arrayContaining([...FOCUS_MANDATORY_COLUMNS]),
        );

        const [sums] = await db.rows(`
          SELECT count(*) AS n,
                 CAST(sum(CAST(BilledCost AS ${AMOUNT})) AS VARCHAR) AS billed,
                 CAST(sum(CAST(EffectiveCost AS ${AMOUNT})) AS VARCHAR) AS effective
          FROM bench`);
        expect(Number(sums.n)).toBe(60_000);
        expect(result.totals).toHaveLength(1);
        expect(
          new Decimal(sums.billed).equals(result.totals[0].billedCost),
        ).toBe(true);
        expect(
          new Decimal(sums.effective).equals(result.totals[0].effectiveCost),
        ).toBe(true);

        const [hours] = await db.rows(`
          SELECT count(*) FILTER (WHERE date_diff('hour', CAST(ChargePeriodStart AS TIMESTAMPTZ),
                                                  CAST(ChargePeriodEnd AS TIMESTAMPTZ)) = 1) AS hourly
          FROM bench`);
        expect(Number(hours.hourly) / 60_000).toBeGreaterThan(0.9);

        // The grouping the ingestion engine uses for its daily facts.
        const [daily] = await db.rows(`
          SELECT count(*) AS n FROM (
            SELECT DISTINCT substr(ChargePeriodStart, 1, 10), BillingAccountId, SubAccountId,
              ResourceId, SkuId, ChargeCategory, PricingCategory, CommitmentDiscountId,
              CommitmentDiscountStatus, SkuPriceDetails, Tags, BillingCurrency
            FROM bench)`);
        const ratio = 60_000 / Number(daily.n);
        expect(ratio).toBeGreaterThan(10);
        expect(ratio).toBeLessThan(24);

        const [shape] = await db.rows(`
          SELECT count(*) FILTER (WHERE ChargeCategory = 'Purchase' AND EffectiveCost = '0') AS purchases,
                 count(*) FILTER (WHERE CommitmentDiscountStatus = 'Unused') AS unused,
                 count(*) FILTER (WHERE CommitmentDiscountStatus = 'Used' AND BilledCost = '0') AS covered,
                 count(*) FILTER (WHERE PricingCategory = 'Dynamic') AS spot
          FROM bench`);
        expect(Number(shape.purchases)).toBe(1);
        for (const key of ['unused', 'covered', 'spot']) {
          expect(Number(shape[key])).toBeGreaterThan(0);
        }
        expect(result.bytes / result.rows).toBeGreaterThan(600);
        expect(result.bytes / result.rows).toBeLessThan(1000);
      } finally {
        db.close();
      }
    });
  });

  it('spreads rows over several billing periods with totals per period', async () => {
    await withTempDir(async dir => {
      const result = await generateBenchExport({
        outFile: join(dir, 'bench.csv'),
        rows: 3000,
        firstMonth: '2026-11',
        billingPeriods: 3,
      });
      expect(result.billingPeriod).toBe('2026-11..2027-01');
      expect(result.totals.map(t => t.billingPeriodStart)).toEqual([
        '2026-11-01',
        '2026-12-01',
        '2027-01-01',
      ]);
      expect(result.totals.reduce((sum, t) => sum + t.rows, 0)).toBe(3000);
    });
  });

  it('converts to Parquet with exact decimal amounts', async () => {
    await withTempDir(async dir => {
      const result = await generateBenchExport({
        outFile: join(dir, 'bench.csv'),
        parquetFile: join(dir, 'bench.parquet'),
        rows: 2000,
      });
      expect(result.parquet?.bytes).toBeGreaterThan(0);
      const db = await openDuckDb();
      try {
        const types = await db.rows(
          `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${
            result.parquet!.path
          }'))
           WHERE column_name IN ('BilledCost', 'Tags')`,
        );
        expect(types).toEqual(
          expect.arrayContaining([
            { column_name: 'BilledCost', column_type: 'DECIMAL(38,16)' },
            { column_name: 'Tags', column_type: 'VARCHAR' },
          ]),
        );
        const [sums] = await db.rows(`
          SELECT count(*) AS n, CAST(sum(BilledCost) AS VARCHAR) AS billed,
                 CAST(sum(EffectiveCost) AS VARCHAR) AS effective
          FROM read_parquet('${result.parquet!.path}')`);
        expect(Number(sums.n)).toBe(2000);
        expect(
          new Decimal(sums.billed).equals(result.totals[0].billedCost),
        ).toBe(true);
        expect(
          new Decimal(sums.effective).equals(result.totals[0].effectiveCost),
        ).toBe(true);
      } finally {
        db.close();
      }
    });
  });

  it('rejects a row count that is not a positive integer', async () => {
    await expect(
      generateBenchExport({ outFile: '/dev/null', rows: 0 }),
    ).rejects.toThrow(/positive integer/);
  });
});
