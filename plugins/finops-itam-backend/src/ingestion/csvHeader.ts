import { open } from 'node:fs/promises';
import { FileRejectedError } from './errors';

/** Longest header line read: 10,000 columns of long names fit many times over. */
const MAX_HEADER_BYTES = 4 * 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

/**
 * The names in the first line of a CSV file (RFC 4180: comma-separated, `"` quotes, `""`
 * inside quotes; a UTF-8 BOM is dropped), exactly as written: DuckDB's own header sniffing
 * renames repeated names and guesses a dialect, which hides a FOCUS column named twice and
 * turns a short last row into "no delimiter at all".
 */
export async function readCsvHeader(
  filePath: string,
  displayName: string,
): Promise<string[]> {
  const handle = await open(filePath, 'r');
  try {
    const names: string[] = [];
    let field = '';
    let quoted = false;
    let afterQuote = false;
    let pending = Buffer.alloc(0);
    let offset = 0;
    while (offset < MAX_HEADER_BYTES) {
      const chunk = Buffer.alloc(CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, offset);
      const atEnd = bytesRead === 0;
      offset += bytesRead;
      // Keep a partial UTF-8 sequence for the next chunk rather than splitting a character.
      const bytes = Buffer.concat([pending, chunk.subarray(0, bytesRead)]);
      const cut = atEnd ? bytes.length : completeUtf8Length(bytes);
      pending = bytes.subarray(cut);
      let text = bytes.subarray(0, cut).toString('utf8');
      if (offset === bytesRead && text.startsWith('\ufeff')) {
        text = text.slice(1);
      }
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
          if (c !== '"') field += c;
          else if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else if (i + 1 === text.length && !atEnd) {
            // A quote at the chunk's end may be the first of a `""` pair; read on.
            pending = Buffer.concat([Buffer.from('"'), pending]);
            text = '';
            break;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else if (c === '"' && field === '' && !afterQuote) {
          quoted = true;
        } else if (c === ',') {
          names.push(field);
          field = '';
          afterQuote = false;
        } else if (c === '\n' || c === '\r') {
          names.push(field);
          return names;
        } else {
          field += c;
        }
      }
      if (atEnd) {
        if (quoted) {
          throw new FileRejectedError(
            `${displayName} cannot be read as CSV: line 1 (the header) has an unterminated quote`,
          );
        }
        names.push(field);
        return names;
      }
    }
    throw new FileRejectedError(
      `${displayName} cannot be read as CSV: line 1 (the header) is longer than ${MAX_HEADER_BYTES} bytes`,
    );
  } finally {
    await handle.close();
  }
}

/** Bytes checked for UTF-8 up front; DuckDB checks the cells it reads, wherever they are. */
const UTF8_SAMPLE_BYTES = 1024 * 1024;

/**
 * Rejects a file whose first megabyte is not UTF-8 (a Latin-1 or UTF-16 export), saying on
 * which line. DuckDB validates only the columns it reads, so a file in another encoding would
 * otherwise pass whenever its accented names sit in columns the importer does not use.
 */
export async function checkUtf8Sample(
  filePath: string,
  displayName: string,
): Promise<void> {
  const handle = await open(filePath, 'r');
  try {
    const sample = Buffer.alloc(UTF8_SAMPLE_BYTES);
    const { bytesRead } = await handle.read(sample, 0, UTF8_SAMPLE_BYTES, 0);
    const bytes = sample.subarray(
      0,
      bytesRead < UTF8_SAMPLE_BYTES
        ? bytesRead
        : completeUtf8Length(sample.subarray(0, bytesRead)),
    );
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const text = new TextDecoder('utf-8').decode(bytes);
      const bad = text.indexOf('\ufffd');
      const line = text.slice(0, Math.max(bad, 0)).split('\n').length;
      throw new FileRejectedError(
        `${displayName} is not UTF-8 text and cannot be decoded (line ${line}); export it as UTF-8`,
      );
    }
  } finally {
    await handle.close();
  }
}

/** Length of the prefix of `bytes` that ends on a whole UTF-8 character. */
function completeUtf8Length(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    // A lead byte's high bits say how long its sequence is (1 for ASCII).
    let needed = 1;
    if (byte >= 0xf0) needed = 4;
    else if (byte >= 0xe0) needed = 3;
    else if (byte >= 0xc0) needed = 2;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}
