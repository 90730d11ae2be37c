import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fixture } from './__fixtures__';
import { FileRejectedError } from './errors';
import { FocusFileReader } from './FocusFileReader';
import { sumAmounts } from '../money';

const reader = new FocusFileReader({ memoryLimit: '256MB', threads: 1 });
const read = (name: string) =>
  reader.read([{ path: fixture(name), key: name }]);

describe('FocusFileReader', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'focus-reader-test-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  const writeTmp = async (name: string, content: string | Buffer) => {
    const file = path.join(tmp, name);
    await writeFile(file, content);
    return file;
  };

  describe('FOCUS versions', () => {
    it('reads FOCUS 1.0 with ProviderName and credits', async () => {
      const result = await read('focus-1.0.csv');
      expect(result.focusVersion).toBe('1.0');
      expect(result.rowsRead).toBe(3);
      expect(result.rowsRejected).toBe(0);
      expect(result.totals).toEqual([
        {
          billingAccountId: 'acme-ea-1',
          billingPeriodStart: '2026-09-01',
          currency: 'USD',
          billedCost: '17.7500000000000000',
          effectiveCost: '17.7500000000000000',
        },
      ]);
      // The credit covers the whole of September, so it is spread over its 30 days.
      const credit = result.facts.filter(f => f.chargeCategory === 'Credit');
      expect(credit.map(f => f.day)).toHaveLength(30);
      expect(credit[0]).toMatchObject({
        day: '2026-09-01',
        billedCost: '-0.0666666666666667',
      });
      expect(sumAmounts(credit.map(f => f.billedCost))).toBe('-2');
    });

    it('reads FOCUS 1.1 commitment rows: covered usage, unused commitment and the purchase', async () => {
      const result = await read('focus-1.1.csv');
      expect(result.focusVersion).toBe('1.1');
      const byStatus = (status: string | null, category = 'Usage') =>
        result.facts.find(
          f =>
            f.commitmentDiscountStatus === status &&
            f.chargeCategory === category,
        );
      expect(byStatus('Used')).toMatchObject({
        billedCost: '0.0000000000000000',
        effectiveCost: '0.0840000000000000',
        pricingCategory: 'Committed',
        skuPriceDetails: '{"CoreCount": 8, "InstanceType": "m5.2xlarge"}',
      });
      expect(byStatus('Unused')).toMatchObject({
        effectiveCost: '0.0200000000000000',
      });
      // The recurring monthly purchase is spread over September: 2.016 / 30 = 0.0672 a day.
      const purchase = result.facts.filter(
        f => f.chargeCategory === 'Purchase',
      );
      expect(purchase).toHaveLength(30);
      expect(
        new Set(purchase.map(f => [f.billedCost, f.effectiveCost].join())),
      ).toEqual(new Set(['0.0672,0']));
    });

    it('reads FOCUS 1.2 quirks: NULL literals, mixed timestamp styles, casing, tiny amounts', async () => {
      const result = await read('focus-1.2.csv');
      expect(result.focusVersion).toBe('1.2');
      expect(result.rowsRejected).toBe(0);
      const compute = result.facts.find(f => f.resourceId === 'i-0abc')!;
      // Two hourly rows, one written "2026-10-05T00:00:00Z" and one "2026-10-05 01:00:00",
      // with "usage"/"standard" in lower case and ChargeClass "NULL", land on one fact.
      expect(compute).toMatchObject({
        day: '2026-10-05',
        chargeCategory: 'Usage',
        chargeClass: null,
        pricingCategory: 'Standard',
        billedCost: '0.1920000000000000',
        rowCount: 2,
      });
      const storage = result.facts.find(
        f => f.resourceName === 'orders-archive',
      )!;
      // 23:00+02:00 is 21:00 UTC on the same day.
      expect(storage.day).toBe('2026-10-05');
      expect(storage.billedCost).toBe('0.0000004000000001');
      expect(result.totals[0].billedCost).toBe('1.4265682901000001');
      expect(result.columns).toContain('x_UsageType');
    });

    it('reads FOCUS 1.3 ServiceProviderName/HostProviderName without ProviderName', async () => {
      const result = await read('focus-1.3.csv');
      expect(result.focusVersion).toBe('1.3');
      const saas = result.facts.find(
        f => f.serviceCategory === 'Business Applications',
      )!;
      expect(saas).toMatchObject({
        providerName: 'Observa Inc',
        publisherName: 'Observa Inc',
        currency: 'EUR',
      });
      expect(result.totals[0]).toMatchObject({
        currency: 'EUR',
        billedCost: '43.3333333333000000',
      });
    });

    it('reads FOCUS 1.3 split-allocation rows as the resources they were split to', async () => {
      const result = await read('focus-1.3-split-allocation.csv');
      expect(
        result.facts.map(f => [f.resourceName, f.tags, f.billedCost]).sort(),
      ).toEqual([
        ['cart-pods', '{"application":"cart"}', '6.0000000000000000'],
        ['search-pods', '{"application":"search"}', '4.0000000000000000'],
        ['shared-cluster', '{"team":"platform"}', '1.5000000000000000'],
      ]);
      // An extra column without the x_ prefix is kept in the column list, not an error.
      expect(result.columns).toContain('LegacyCostCenter');
    });

    it('keeps one service under each category it is billed in', async () => {
      const result = await read('focus-1.3-split-allocation.csv');
      const categories = result.facts
        .filter(f => f.serviceName === 'Amazon EKS')
        .map(f => f.serviceCategory);
      expect(new Set(categories)).toEqual(
        new Set(['Compute', 'Management and Governance']),
      );
    });
  });

  describe('formats', () => {
    it('reads gzip-compressed CSV whatever its name', async () => {
      const gz = await writeTmp(
        'export.bin',
        gzipSync(await readFile(fixture('focus-1.0.csv'))),
      );
      const result = await reader.read([{ path: gz, key: 'export.bin' }]);
      expect(result.format).toBe('csv.gz');
      expect(result.totals[0].billedCost).toBe('17.7500000000000000');
    });

    it('reads Parquet with the same result as the CSV it came from', async () => {
      const parquet = path.join(tmp, 'focus-1.2.parquet');
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      await connection.run(
        `COPY (SELECT * FROM read_csv('${fixture(
          'focus-1.2.csv',
        )}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
      );
      connection.closeSync();
      instance.closeSync();

      const fromParquet = await reader.read([{ path: parquet, key: 'p' }]);
      const fromCsv = await read('focus-1.2.csv');
      expect(fromParquet.format).toBe('parquet');
      expect(fromParquet.totals).toEqual(fromCsv.totals);
      expect(fromParquet.facts.length).toBe(fromCsv.facts.length);
    });

    it('reads several files as one delivery and says which file a rejected row is in', async () => {
      const result = await reader.read([
        { path: fixture('focus-1.0.csv'), key: 'part-1.csv' },
        { path: fixture('bad-rows.csv'), key: 'part-2.csv' },
      ]);
      expect(result.rowsRead).toBe(9);
      expect(result.rejections[0]).toMatchObject({
        file: 'part-2.csv',
        row: 2,
      });
    });
  });

  describe('bad rows', () => {
    it('rejects each bad row with its number, column and reason, and keeps the good ones', async () => {
      const result = await read('bad-rows.csv');
      expect(result.rowsRead).toBe(6);
      expect(result.rowsRejected).toBe(4);
      expect(result.rejections).toEqual([
        {
          row: 2,
          column: 'BilledCost',
          reason: '"one" is not a decimal number in range',
        },
        {
          row: 3,
          column: 'ChargePeriodStart',
          reason: '"yesterday" is not a date or timestamp',
        },
        {
          row: 4,
          column: 'ChargePeriodEnd',
          reason: 'is before ChargePeriodStart',
        },
        {
          row: 5,
          column: 'ChargeCategory',
          reason:
            '"Refund" is not a ChargeCategory (expected Usage, Purchase, Tax, Credit, Adjustment)',
        },
      ]);
      expect(result.totals[0].billedCost).toBe('3.0000000000000000');
    });

    it('keeps rows whose Tags are not a JSON object, without tags, and warns about them', async () => {
      const csv = (await readFile(fixture('focus-1.0.csv'), 'utf8')).replace(
        '"{""application"":""checkout""}"',
        'application=checkout',
      );
      const file = await writeTmp('bad-tags.csv', csv);
      const result = await reader.read([{ path: file, key: 'bad-tags.csv' }]);
      expect(result.rejections).toEqual([]);
      expect(result.warnings).toEqual([
        {
          column: 'Tags',
          count: 1,
          rows: [1],
          reason: 'is not a JSON object; stored as unknown',
        },
      ]);
      expect(
        result.facts.find(f => f.resourceName === 'checkout-vm-1')?.tags,
      ).toBeNull();
    });
  });

  describe('rejected files', () => {
    const expectRejected = async (file: string, message: RegExp) => {
      const attempt = reader.read([{ path: file, key: path.basename(file) }]);
      await expect(attempt).rejects.toThrow(FileRejectedError);
      await expect(attempt).rejects.toThrow(message);
    };

    it('names the missing mandatory columns', async () => {
      await expectRejected(
        fixture('missing-columns.csv'),
        /missing mandatory FOCUS column\(s\): EffectiveCost, ListCost, ContractedCost, BillingPeriodStart, BillingPeriodEnd, ChargeClass, ServiceCategory, InvoiceIssuerName, ProviderName/,
      );
    });

    it('rejects an empty file', async () => {
      await expectRejected(
        await writeTmp('empty.csv', ''),
        /empty\.csv is empty/,
      );
    });

    it('rejects a header without rows', async () => {
      const header = (await readFile(fixture('bad-rows.csv'), 'utf8')).split(
        '\n',
      )[0];
      await expectRejected(
        await writeTmp('header.csv', `${header}\n`),
        /has a header but no data rows/,
      );
    });

    it('rejects binary data that is neither CSV nor Parquet', async () => {
      await expectRejected(
        await writeTmp(
          'image.png',
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0x0a]),
        ),
        /neither CSV nor Parquet/,
      );
    });

    it('rejects a truncated gzip file', async () => {
      const gz = gzipSync(await readFile(fixture('focus-1.2.csv')));
      await expectRejected(
        await writeTmp('cut.csv.gz', gz.subarray(0, Math.floor(gz.length / 2))),
        /truncated or corrupt gzip/,
      );
    });

    it('stops a gzip bomb at the decompressed-size limit instead of filling the disk', async () => {
      // 64 MiB of one repeated CSV line compress to well under 1 MiB.
      const line = Buffer.from('a,b,c\n');
      const bomb = gzipSync(Buffer.alloc(64 * 1024 ** 2, line));
      expect(bomb.length).toBeLessThan(1024 ** 2);
      const limited = new FocusFileReader(
        { memoryLimit: '256MB', threads: 1 },
        4 * 1024 ** 2,
      );
      const file = await writeTmp('bomb.csv.gz', bomb);
      await expect(
        limited.read([{ path: file, key: 'bomb.csv.gz' }]),
      ).rejects.toThrow(
        new FileRejectedError(
          'bomb.csv.gz decompresses to more than 4194304 bytes, the limit set by ' +
            'finopsItam.ingestion.maxDecompressedBytes; nothing was stored. Split the ' +
            'export into smaller files or raise the limit.',
        ),
      );
    });

    it('rejects text that is not UTF-8', async () => {
      const latin1 = Buffer.from(
        (await readFile(fixture('focus-1.0.csv'), 'utf8')).replace(
          'Acme EA',
          'Acme Société',
        ),
        'latin1',
      );
      await expectRejected(
        await writeTmp('latin1.csv', latin1),
        /not UTF-8 text/,
      );
    });

    it('rejects a Parquet file cut short', async () => {
      await expectRejected(
        await writeTmp(
          'broken.parquet',
          Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64, 1)]),
        ),
        /not a readable Parquet file/,
      );
    });
  });
});
