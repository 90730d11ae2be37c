import { createWriteStream, WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field: quoted when it holds a comma, quote or line break, quotes doubled. */
export function csvField(value: string): string {
  if (!NEEDS_QUOTES.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',');
}

/**
 * Joins lines into chunks of about this many characters before handing them to the stream:
 * one `write` per row costs more than building the row itself.
 */
const CHUNK_CHARS = 1 << 20;

/**
 * Streams CSV rows to a file, waiting for the stream to drain when it asks to, so a
 * multi-gigabyte export never sits in memory.
 */
export class CsvFileWriter {
  private pending: string[] = [];
  private pendingChars = 0;
  private rowCount = 0;

  private constructor(
    private readonly stream: WriteStream,
    readonly path: string,
  ) {}

  static async open(path: string, header: readonly string[]) {
    await mkdir(dirname(path), { recursive: true });
    const stream = createWriteStream(path, { encoding: 'utf8' });
    await once(stream, 'open');
    const writer = new CsvFileWriter(stream, path);
    await writer.writeEncodedLine(csvLine(header));
    writer.rowCount = 0;
    return writer;
  }

  /** Data rows written so far, header excluded. */
  get rows() {
    return this.rowCount;
  }

  async writeRow(values: readonly string[]): Promise<void> {
    await this.writeEncodedLine(csvLine(values));
  }

  /** A line whose fields are already CSV-encoded, for callers that cache encoded parts. */
  async writeEncodedLine(line: string): Promise<void> {
    this.pending.push(line);
    this.pendingChars += line.length + 1;
    this.rowCount++;
    if (this.pendingChars >= CHUNK_CHARS) await this.flush();
  }

  private async flush() {
    if (this.pending.length === 0) return;
    const chunk = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.pendingChars = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flushes and closes; resolves with the file size in bytes. */
  async close(): Promise<number> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
    return this.stream.bytesWritten;
  }
}
