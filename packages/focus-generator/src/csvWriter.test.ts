import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvField, csvLine, CsvFileWriter } from './csvWriter';
import { withTempDir } from './__testUtils__/duckdb';

describe('csvField', () => {
  it('leaves plain values alone', () => {
    expect(csvField('checkout-api-1')).toBe('checkout-api-1');
    expect(csvField('')).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('{"application":"cart"}')).toBe(
      '"{""application"":""cart""}"',
    );
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('joins a line', () => {
    expect(csvLine(['1', 'x,y', ''])).toBe('1,"x,y",');
  });
});

describe('CsvFileWriter', () => {
  it('streams many rows through backpressure and counts them and their bytes', async () => {
    await withTempDir(async dir => {
      const path = join(dir, 'nested', 'out.csv');
      const writer = await CsvFileWriter.open(path, ['a', 'b']);
      const big = 'x'.repeat(5000);
      for (let i = 0; i < 2000; i++) await writer.writeRow([String(i), big]);
      const bytes = await writer.close();
      const text = await readFile(path, 'utf8');
      expect(writer.rows).toBe(2000);
      expect(bytes).toBe(Buffer.byteLength(text));
      const lines = text.split('\n');
      expect(lines[0]).toBe('a,b');
      expect(lines[2000]).toBe(`1999,${big}`);
      expect(lines[2001]).toBe('');
    });
  });
});
