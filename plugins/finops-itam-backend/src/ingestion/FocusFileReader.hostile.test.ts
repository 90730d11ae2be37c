import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { normalizeAmount } from '../money';
import { FileRejectedError } from './errors';
import { FocusFileReader } from './FocusFileReader';
import { focusRow, writeFocusCsv } from './__testUtils__/focusRows';

/**
 * Broken and hostile CSV files the ingestion property tests found mishandled, kept as
 * examples: each is rejected saying what and where, or read exactly.
 */
describe('FocusFileReader on broken and hostile CSV files', () => {
  const reader = new FocusFileReader({ memoryLimit: '256MB', threads: 1 });
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'hostile-csv-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  /** A valid three-row file (1.00, 2.00 and 3.00 USD), as CSV lines. */
  async function validLines(): Promise<string[]> {
    const file = path.join(tmp, 'valid.csv');
    await writeFocusCsv(file, [
      focusRow({ BilledCost: '1.00' }),
      focusRow({ BilledCost: '2.00', ResourceId: 'vm-2' }),
      focusRow({ BilledCost: '3.00', ResourceId: 'vm-3' }),
    ]);
    return (await readFile(file, 'utf8')).split('\n');
  }

  async function read(text: string) {
    const file = path.join(tmp, 'export.csv');
    await writeFile(file, text);
    return reader.read([{ path: file, key: 'export.csv' }]);
  }

  async function expectRejected(text: string, message: RegExp) {
    const error = await read(text).then(
      () => undefined,
      e => e,
    );
    expect(error).toBeInstanceOf(FileRejectedError);
    expect(error.message).toMatch(message);
  }

  const billed = async (text: string) =>
    (await read(text)).totals.map(t => [
      t.currency,
      normalizeAmount(t.billedCost),
    ]);

  it('rejects a last row cut short, naming its line', async () => {
    const lines = await validLines();
    const cut = lines[3].slice(0, lines[3].indexOf(',', 20));
    await expectRejected(
      [...lines.slice(0, 3), cut].join('\n'),
      /export\.csv cannot be read as CSV: line 4 has \d+ fields, the header 19/,
    );
  });

  it('rejects a row with a missing field in the middle, naming its line', async () => {
    const lines = await validLines();
    lines[2] = lines[2].replace('2.00,', '');
    await expectRejected(
      lines.join('\n'),
      /export\.csv cannot be read as CSV: line 3 has 18 fields, the header 19/,
    );
  });

  it('rejects a row of 10,000 fields, naming its line', async () => {
    const lines = await validLines();
    lines[2] = `${lines[2]}${',7'.repeat(10_000 - 19)}`;
    await expectRejected(
      lines.join('\n'),
      /export\.csv cannot be read as CSV: line 3 has more fields than the header's 19/,
    );
  });

  it('rejects an unterminated quote, naming its line', async () => {
    const lines = await validLines();
    lines[2] = lines[2].replace('Compute Engine', '"Compute Engine');
    await expectRejected(lines.join('\n'), /line 3.*unterminated quote/);
  });

  it('rejects a header that names a FOCUS column twice, naming both columns', async () => {
    const lines = await validLines();
    lines[0] = `${lines[0]},billedcost`;
    for (let i = 1; i < lines.length; i++)
      if (lines[i]) lines[i] = `${lines[i]},0`;
    await expectRejected(
      lines.join('\n'),
      /export\.csv names BilledCost more than once \(columns 10 and 20\); which one holds the value cannot be known/,
    );
  });

  it('reads unknown columns named twice, BOM, CRLF and quoted line breaks exactly', async () => {
    const lines = await validLines();
    lines[0] = `\ufeff${lines[0]},x_Note,x_Note`;
    for (let i = 1; i < lines.length; i++)
      if (lines[i])
        lines[i] = `${lines[i].replace(
          'Compute Engine',
          '"Compute\r\nEngine"',
        )},a,b`;
    expect(await billed(lines.join('\r\n'))).toEqual([['USD', '6']]);
  });

  it('reads a file a spreadsheet saved with semicolons or tabs as it reads commas', async () => {
    const lines = await validLines();
    for (const separator of [';', '\t']) {
      const text = lines.map(line => line.replace(/,/g, separator)).join('\n');
      expect(await billed(text)).toEqual([['USD', '6']]);
    }
  });

  it('rejects a file that is not UTF-8, naming the line', async () => {
    const lines = await validLines();
    const latin1 = Buffer.from(
      lines.join('\n').replace('vm-2', 'vm-société'),
      'latin1',
    );
    const file = path.join(tmp, 'latin1.csv');
    await writeFile(file, latin1);
    await expect(
      reader.read([{ path: file, key: 'latin1.csv' }]),
    ).rejects.toThrow(
      new FileRejectedError(
        'latin1.csv is not UTF-8 text and cannot be decoded (line 3); export it as UTF-8',
      ),
    );
  });

  it('rejects amounts whose sum would pass the largest storable amount instead of failing on an overflow', async () => {
    const huge = '9000000000000000000000';
    const file = path.join(tmp, 'huge.csv');
    await writeFocusCsv(
      file,
      [1, 2, 3].map(i => focusRow({ BilledCost: huge, ResourceId: `vm-${i}` })),
    );
    const error = await reader
      .read([{ path: file, key: 'huge.csv' }])
      .catch(e => e);
    expect(error).toBeInstanceOf(FileRejectedError);
    expect(error.message).toBe(
      'huge.csv has amounts as large as 9000000000000000000000 over 3 rows: their sums could pass 10^22, the largest amount stored',
    );
  });

  it('rejects a charge period ending thousands of years later instead of spreading it over millions of days', async () => {
    const lines = await validLines();
    lines[2] = lines[2].replace('2026-04-02T00:00:00Z', '9999-12-31T00:00:00Z');
    const result = await read(lines.join('\n'));
    expect(result.rejections).toEqual([
      {
        row: 2,
        column: 'ChargePeriodEnd',
        reason:
          '"9999-12-31T00:00:00Z" is more than 3653 days after ChargePeriodStart',
      },
    ]);
    expect(result.facts).toHaveLength(2);
  });
});
