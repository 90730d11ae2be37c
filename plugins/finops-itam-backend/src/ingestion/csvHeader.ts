import { open } from 'node:fs/promises';
import { FileRejectedError } from './errors';

/**
 * Bytes read from the start of a CSV file: the header (10,000 columns of long names fit many
 * times over) and the sample checked for UTF-8.
 */
const START_BYTES = 4 * 1024 * 1024;

/** Separators FOCUS exports use: commas, and what spreadsheets save in some locales. */
const SEPARATORS = [',', ';', '\t', '|'] as const;

/** The header of a CSV file as written, and the separator it uses. */
export interface CsvHeader {
  names: string[];
  delimiter: string;
}

interface FirstRecord {
  fields: string[];
  /** A line break ended the record (rather than the text read). */
  ended: boolean;
  /** The text read ended inside a quoted field. */
  inQuotes: boolean;
}

/** The first record of `text` (RFC 4180 quoting: `"` around a field, `""` inside it). */
function firstRecord(text: string, delimiter: string): FirstRecord {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
        afterQuote = true;
      }
    } else if (c === '"' && field === '' && !afterQuote) {
      quoted = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (c === '\n' || c === '\r') {
      fields.push(field);
      return { fields, ended: true, inQuotes: false };
    } else {
      field += c;
    }
  }
  fields.push(field);
  return { fields, ended: false, inQuotes: quoted };
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

/**
 * The start of the file as text. Rejects one whose start is not UTF-8 (a Latin-1 export),
 * saying on which line: DuckDB validates only the columns it reads, so a file in another
 * encoding would otherwise pass whenever its accented names sit in columns not imported.
 */
async function readStart(filePath: string, displayName: string) {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(START_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, START_BYTES, 0);
    const whole = bytesRead < START_BYTES;
    const bytes = buffer.subarray(0, bytesRead);
    const sample = whole ? bytes : bytes.subarray(0, completeUtf8Length(bytes));
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
    } catch {
      const lenient = new TextDecoder('utf-8').decode(sample);
      const line = lenient
        .slice(0, lenient.indexOf('\ufffd'))
        .split('\n').length;
      throw new FileRejectedError(
        `${displayName} is not UTF-8 text and cannot be decoded (line ${line}); export it as UTF-8`,
      );
    }
    // TextDecoder drops a leading BOM itself.
    return { text, whole };
  } finally {
    await handle.close();
  }
}

/**
 * The names in the first line of a CSV file exactly as written, and its separator (the one
 * that splits the header into the most names). DuckDB's own sniffing renames repeated names
 * and guesses a dialect from a sample, which hides a FOCUS column named twice and reads a
 * file with one short row as a single column; so the reader reads the header here and gives
 * DuckDB a fixed dialect.
 */
export async function readCsvHeader(
  filePath: string,
  displayName: string,
): Promise<CsvHeader> {
  const { text, whole } = await readStart(filePath, displayName);
  const [best] = SEPARATORS.map(delimiter => ({
    delimiter,
    record: firstRecord(text, delimiter),
  })).sort((a, b) => b.record.fields.length - a.record.fields.length);
  const { record, delimiter } = best;
  if (!record.ended && !whole) {
    throw new FileRejectedError(
      `${displayName} cannot be read as CSV: line 1 (the header) is longer than ${START_BYTES} bytes`,
    );
  }
  if (record.inQuotes) {
    throw new FileRejectedError(
      `${displayName} cannot be read as CSV: line 1 (the header) has an unterminated quote`,
    );
  }
  return { names: record.fields, delimiter };
}
