import { mockServices } from '@backstage/backend-test-utils';
import { DuckDBInstance } from '@duckdb/node-api';
import { FinopsItamCostSourceContents } from '@finops-itam/plugin-finops-itam-node';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  DAILY_FILE,
  DuckDbWarehouseCostSource,
} from './DuckDbWarehouseCostSource';
import { quoteLiteral } from './sql';
import {
  Charge,
  chargesCsv,
  hourlyCharges,
  query,
  scaled,
  writeWarehouse,
} from './__testUtils__/warehouseFixture';
import { WarehouseLocation } from './warehouse';

jest.setTimeout(30_000);

const context = { lastFingerprints: {}, logger: mockServices.logger.mock() };

/** Billed cost per billing month and account, summed from the charges with BigInt. */
function expectedBilled(charges: Charge[]) {
  const sums = new Map<string, bigint>();
  for (const c of charges) {
    const key = `${c.start.slice(0, 7)} ${c.account}`;
    sums.set(key, (sums.get(key) ?? 0n) + scaled(c.billed));
  }
  return Object.fromEntries(sums);
}

describe('DuckDbWarehouseCostSource', () => {
  let dir: string;
  let files: Awaited<ReturnType<typeof writeWarehouse>>;
  const charges = hourlyCharges();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'finops-warehouse-test-'));
    files = await writeWarehouse(dir, charges);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Built when a test runs: the files are written in beforeAll. */
  const locations: Record<string, () => WarehouseLocation> = {
    'a DuckDB table': () => ({
      kind: 'database',
      path: files.database,
      table: 'billing.focus',
    }),
    'Parquet files': () => ({
      kind: 'files',
      format: 'parquet',
      paths: [files.parquet],
    }),
    'CSV files': () => ({ kind: 'files', format: 'csv', paths: [files.csv] }),
  };

  async function readAll(location: WarehouseLocation) {
    const tempDirectory = await mkdtemp(path.join(dir, 'run-'));
    const source = new DuckDbWarehouseCostSource({
      id: 'duckdb-warehouse',
      location,
      tempDirectory,
    });
    const contents = await source.read(context);
    return { contents, tempDirectory };
  }

  /** Every delivery's daily file, read back: its rows by delivery. */
  async function dailyRows(contents: FinopsItamCostSourceContents) {
    const byDelivery: Record<string, Record<string, unknown>[]> = {};
    for (const delivery of contents.deliveries) {
      const [file] = await delivery.read();
      expect(file.name).toBe(DAILY_FILE);
      byDelivery[delivery.id] = await query(
        `SELECT * FROM read_parquet(${quoteLiteral(
          (file as { path: string }).path,
        )}) ORDER BY ALL`,
      );
    }
    return byDelivery;
  }

  it.each(Object.keys(locations))(
    'hands over each billing month as exact daily facts from %s',
    async name => {
      const { contents, tempDirectory } = await readAll(locations[name]());
      expect(contents.problems).toEqual([]);
      expect(contents.deliveries.map(d => d.id)).toEqual([
        '2026-10',
        '2026-11',
      ]);
      const rows = await dailyRows(contents);

      // October: 2 days × 2 accounts × 2 services, the hour whose ListCost is unknown
      // apart, and the monthly support fee with its period; November: 2 days × 4.
      expect(rows['2026-10']).toHaveLength(10);
      expect(rows['2026-11']).toHaveLength(8);
      const all = [...rows['2026-10'], ...rows['2026-11']];
      expect(all.reduce((n, r) => n + Number(r.x_SourceRows), 0)).toBe(
        charges.length,
      );
      // Hourly charges became one row per UTC day; the fee keeps October whole.
      const fee = all.filter(r => r.ServiceName === 'AWS Support');
      expect(fee).toEqual([
        expect.objectContaining({
          ChargePeriodStart: '2026-10-01T00:00:00Z',
          ChargePeriodEnd: '2026-11-01T00:00:00Z',
          x_SourceRows: '1',
        }),
      ]);
      const hourly = all.filter(r => r.ServiceName !== 'AWS Support');
      expect(
        hourly.filter(
          r =>
            !/^2026-1\d-\d\dT00:00:00Z$/.test(String(r.ChargePeriodStart)) ||
            Date.parse(String(r.ChargePeriodEnd)) -
              Date.parse(String(r.ChargePeriodStart)) !==
              86_400_000,
        ),
      ).toEqual([]);
      expect(all.filter(r => r.ListCost === null)).toEqual([
        expect.objectContaining({
          ChargePeriodStart: '2026-10-30T00:00:00Z',
          x_SourceRows: '1',
        }),
      ]);
      // Exact sums per month and account, and the columns the plugin does not read dropped.
      const billed = new Map<string, bigint>();
      for (const row of all) {
        const key = `${String(row.BillingPeriodStart).slice(0, 7)} ${
          row.BillingAccountId
        }`;
        billed.set(
          key,
          (billed.get(key) ?? 0n) + scaled(String(row.BilledCost)),
        );
      }
      expect(Object.fromEntries(billed)).toEqual(expectedBilled(charges));
      expect(Object.keys(all[0])).not.toContain('x_Operation');
      expect(
        new Set(
          all.filter(r => r.ServiceName !== 'AWS Support').map(r => r.Tags),
        ),
      ).toEqual(new Set(['{"team":"checkout"}', '{"team":"search"}']));

      await contents.release?.();
      expect(await readdir(tempDirectory)).toEqual([]);
    },
  );

  it("keeps a month's fingerprint until a cell of it changes", async () => {
    const changing = await mkdtemp(path.join(dir, 'changing-'));
    const copy = (await writeWarehouse(changing, charges)).database;
    const location: WarehouseLocation = {
      kind: 'database',
      path: copy,
      table: 'billing.focus',
    };
    const fingerprints = async () => {
      const { contents } = await readAll(location);
      await contents.release?.();
      return Object.fromEntries(
        contents.deliveries.map(d => [d.id, d.files[0].fingerprint]),
      );
    };
    const before = await fingerprints();
    expect(await fingerprints()).toEqual(before);

    // A tag edit keeps every count and total: only the rows' hash sees it.
    const writer = await DuckDBInstance.create(copy);
    const edit = await writer.connect();
    await edit.run(
      `UPDATE billing.focus SET ResourceId = 'i-renamed'
       WHERE ResourceId = 'i-111' AND ChargePeriodStart = TIMESTAMPTZ '2026-11-02 05:00:00+00'`,
    );
    edit.closeSync();
    writer.closeSync();
    const after = await fingerprints();
    expect(after['2026-10']).toBe(before['2026-10']);
    expect(after['2026-11']).not.toBe(before['2026-11']);
  });

  it('refuses amounts held as binary floats, naming the columns', async () => {
    const floats = path.join(dir, 'floats.parquet');
    await query(
      `COPY (SELECT * REPLACE (CAST(BilledCost AS DOUBLE) AS BilledCost)
         FROM read_parquet(${quoteLiteral(files.parquet)}))
       TO ${quoteLiteral(floats)} (FORMAT PARQUET)`,
    );
    const source = new DuckDbWarehouseCostSource({
      id: 'duckdb-warehouse',
      location: { kind: 'files', format: 'parquet', paths: [floats] },
      tempDirectory: dir,
    });
    await expect(source.read(context)).rejects.toThrow(
      /binary floats.*BilledCost \(DOUBLE\); store them as DECIMAL or text/,
    );
  });

  it('names the FOCUS columns a relation lacks', async () => {
    const thin = path.join(dir, 'thin.parquet');
    await query(
      `COPY (SELECT * EXCLUDE (ChargeClass, ProviderName)
         FROM read_parquet(${quoteLiteral(files.parquet)}))
       TO ${quoteLiteral(thin)} (FORMAT PARQUET)`,
    );
    const source = new DuckDbWarehouseCostSource({
      id: 'duckdb-warehouse',
      location: { kind: 'files', format: 'parquet', paths: [thin] },
      tempDirectory: dir,
    });
    await expect(source.read(context)).rejects.toThrow(
      'lacks FOCUS column(s): ChargeClass, ProviderName (or ServiceProviderName)',
    );
  });

  it('reports rows without a readable billing period instead of dropping them silently', async () => {
    const csv = path.join(dir, 'unplaced.csv');
    const [first, ...rest] = chargesCsv(hourlyCharges().slice(0, 3)).split(
      '\n',
    );
    // The second charge's BillingPeriodStart (third column) is not a date.
    const broken = rest[1].split(',');
    broken[2] = 'last month';
    await writeFile(
      csv,
      [first, rest[0], broken.join(','), rest[2], ''].join('\n'),
    );
    const source = new DuckDbWarehouseCostSource({
      id: 'duckdb-warehouse',
      location: { kind: 'files', format: 'csv', paths: [csv] },
      tempDirectory: dir,
    });
    const contents = await source.read(context);
    expect(contents.deliveries.map(d => d.id)).toEqual(['2026-10']);
    expect(contents.problems).toEqual([
      {
        id: 'no-billing-period',
        message:
          '1 row(s) have no readable BillingPeriodStart and belong to no delivery',
      },
    ]);
    await contents.release?.();
  });
});
