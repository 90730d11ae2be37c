import { DuckDBConnection } from '@duckdb/node-api';
import { CostFileFormat } from '@finops-itam/plugin-finops-itam-common';
import { quoteLiteral } from './duckdb';
import { FileRejectedError } from './errors';

/*
 * How DuckDB reads one file of a delivery: the table function, the header of a Parquet
 * file, and DuckDB's errors about unreadable files in words for people.
 */

/** Size of each CSV read buffer of DuckDB. */
const CSV_BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * The DuckDB table function that reads one file. CSV is read in one fixed dialect (RFC 4180
 * quoting, the header's separator) with the header's own names, never sniffed: a sniffer
 * faced with one short or overlong row guesses another dialect and reads the whole file as
 * one column, or no rows at all. Every column is text unless `typed` names a type: typing is
 * ours, so one bad cell rejects a row, not the file; amount columns may be typed by the
 * reader, which parses decimals far faster than a cast.
 */
export function tableFunction(
  format: CostFileFormat,
  filePath: string,
  header: string[] = [],
  delimiter = ',',
  typed: Map<string, string> = new Map(),
): string {
  if (format === 'parquet') {
    return `read_parquet(${quoteLiteral(filePath)})`;
  }
  const columns = header
    .map(name => `${quoteLiteral(name)}: '${typed.get(name) ?? 'VARCHAR'}'`)
    .join(', ');
  const options = [
    'header = true',
    'auto_detect = false',
    `delim = ${quoteLiteral(delimiter)}`,
    `quote = '"'`,
    `escape = '"'`,
    `columns = {${columns}}`,
    `compression = 'none'`,
    `nullstr = ['', 'NULL']`,
    // 4 MB read buffers instead of 32 MB: the buffers cannot spill, and with two threads the
    // default ones left the daily aggregation of a 10M-row file (484k groups) too little of
    // DuckDB's 512 MB to spill its hash table, and it failed out of memory. Lines stay
    // limited by max_line_size (2 MB), which a buffer must hold.
    `buffer_size = ${CSV_BUFFER_BYTES}`,
  ];
  return `read_csv(${quoteLiteral(filePath)}, ${options.join(', ')})`;
}

/**
 * Names DuckDB can tell apart (it compares names case-insensitively): a repeated or empty
 * name, which only columns the importer does not read may have, gets a numbered suffix.
 */
export function uniqueColumnNames(header: string[]): string[] {
  const seen = new Set<string>();
  return header.map((name, i) => {
    let unique = name.trim() === '' ? `column${i + 1}` : name;
    for (let n = 2; seen.has(unique.toLowerCase()); n++) {
      unique = `${name}_${n}`;
    }
    seen.add(unique.toLowerCase());
    return unique;
  });
}

/** DuckDB's CSV reader failed to parse a value as the column type it was given. */
// Native errors may come from another realm (Jest), so no instanceof check.
export const isConversionError = (error: unknown) =>
  /could not convert|conversion error/i.test(String(error));

/** What DuckDB's CSV parser says about a line, in words for people. */
function describeCsvError(message: string): string | undefined {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  if (!line) return undefined;
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(
    message,
  );
  if (columns) {
    const [, expected, found] = columns;
    return Number(found) > Number(expected)
      ? `line ${line} has more fields than the header's ${expected}`
      : `line ${line} has ${found} fields, the header ${expected}`;
  }
  if (/unterminated quote/i.test(message)) {
    return `line ${line} has an unterminated quote`;
  }
  const tooLong = /Maximum line size of (\d+) bytes exceeded/.exec(message);
  if (tooLong) {
    return `line ${line} is longer than ${tooLong[1]} bytes`;
  }
  return `line ${line}: ${message.split('\n')[0]}`;
}

/** Turns DuckDB's errors about unreadable files into messages for people. */
export function explainReadError(
  error: unknown,
  key: string,
  format: CostFileFormat,
) {
  if (error instanceof FileRejectedError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0];
  if (/unicode|utf-?8/i.test(message)) {
    return new FileRejectedError(
      `${key} is not UTF-8 text and cannot be decoded (${firstLine})`,
    );
  }
  if (format === 'parquet') {
    return new FileRejectedError(
      `${key} is not a readable Parquet file (${firstLine})`,
    );
  }
  const where = describeCsvError(message);
  if (where) {
    return new FileRejectedError(`${key} cannot be read as CSV: ${where}`);
  }
  if (/csv|sniff|dialect|column|quote|line/i.test(message)) {
    return new FileRejectedError(`${key} cannot be read as CSV (${firstLine})`);
  }
  return error;
}

export async function readParquetHeader(
  connection: DuckDBConnection,
  source: string,
): Promise<string[]> {
  const described = await connection.runAndReadAll(
    `DESCRIBE SELECT * FROM ${source}`,
  );
  return described.getRowObjectsJson().map(row => String(row.column_name));
}
