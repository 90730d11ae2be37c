import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FocusFileReader } from './FocusFileReader';

const reader = new FocusFileReader({ memoryLimit: '256MB', threads: 1 });

const HEADER =
  'BillingAccountId,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,' +
  'ChargePeriodEnd,ChargeCategory,ChargeClass,BilledCost,EffectiveCost,ListCost,ContractedCost,' +
  'ServiceName,ServiceCategory,InvoiceIssuerName,ProviderName,ResourceId';

/** `resources` resources, each with two hourly rows on 2026-09-03 and one on 2026-09-04. */
function delivery(resources: number): string {
  const lines = [HEADER];
  const row = (i: number, start: string, end: string, cost: string) =>
    `acct,USD,2026-09-01T00:00:00Z,2026-10-01T00:00:00Z,${start},${end},Usage,,` +
    `${cost},${cost},${cost},${cost},Amazon EC2,Compute,AWS,AWS,res-${i}`;
  for (let i = 0; i < resources; i++) {
    lines.push(
      row(i, '2026-09-03T00:00:00Z', '2026-09-03T01:00:00Z', `${i}.25`),
      row(
        i,
        '2026-09-03T01:00:00Z',
        '2026-09-03T02:00:00Z',
        '0.0000000000000001',
      ),
      row(i, '2026-09-04T05:00:00Z', '2026-09-04T06:00:00Z', '1'),
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('FocusFileReader.stream', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'focus-stream-test-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('hands the facts over in batches while the reader is open, the same facts read() returns', async () => {
    const file = path.join(tmp, 'many.csv');
    await writeFile(file, delivery(3000));
    const files = [{ path: file, key: 'many.csv' }];

    const streamed = await reader.stream(files, async read => {
      // What the report needs is known before a single fact is fetched.
      expect(read.billingPeriods).toEqual(['2026-09-01']);
      expect(read.rowsRead).toBe(9000);
      const sizes: number[] = [];
      const facts = [];
      for await (const batch of read.facts) {
        sizes.push(batch.length);
        facts.push(...batch);
      }
      return { sizes, facts };
    });

    // 6,000 facts (two days of 3,000 resources) in DuckDB chunks, never all at once.
    expect(streamed.facts).toHaveLength(6000);
    expect(streamed.sizes.length).toBeGreaterThan(1);
    expect(Math.max(...streamed.sizes)).toBeLessThanOrEqual(2048);
    const whole = await reader.read(files);
    const key = (f: { resourceId: string | null; day: string }) =>
      `${f.resourceId}|${f.day}`;
    expect(streamed.facts.map(key).sort()).toEqual(whole.facts.map(key).sort());
    const third = streamed.facts.find(
      f => f.resourceId === 'res-2999' && f.day === '2026-09-03',
    );
    expect(third).toMatchObject({
      billedCost: '2999.2500000000000001',
      rowCount: 2,
    });
  });

  it('passes on a failure of the caller part-way through the facts', async () => {
    const file = path.join(tmp, 'early.csv');
    await writeFile(file, delivery(3000));
    const files = [{ path: file, key: 'early.csv' }];

    await expect(
      reader.stream(files, async read => {
        for await (const batch of read.facts) {
          if (batch.length > 0) throw new Error('store refused');
        }
      }),
    ).rejects.toThrow('store refused');
    // A fresh read of the same file is unaffected.
    const again = await reader.stream(files, async read => {
      let n = 0;
      for await (const batch of read.facts) n += batch.length;
      return n;
    });
    expect(again).toBe(6000);
  });
});
