import { DuckDBConnection } from '@duckdb/node-api';
import {
  CostFileFormat,
  DataQualityWarning,
  RowRejection,
} from '@finops-itam/plugin-finops-itam-common';
import path from 'node:path';
import { Money } from '../money';
import { readCsvHeader } from './csvHeader';
import { detectFormat } from './detectFormat';
import {
  DEFAULT_DUCKDB_LIMITS,
  DuckDbLimits,
  quoteLiteral,
  withDuckDb,
} from './duckdb';
import { FileRejectedError } from './errors';
import { DEFAULT_MAX_DECOMPRESSED_BYTES, gunzipToFile } from './gunzipToFile';
import {
  FocusColumn,
  MANDATORY_COLUMNS,
  OPTIONAL_COLUMNS,
  guessFocusVersion,
  mapColumns,
  missingMandatoryColumns,
  repeatedFocusColumns,
} from './focusColumns';
import {
  AGGREGATE_FACTS_SQL,
  AmountInput,
  COUNTS_SQL,
  NATIVE_TYPES,
  FILE_TOTALS_SQL,
  buildAggregateSelect,
  buildRejectionsSelect,
} from './focusSql';
import { rejectNulCharacters } from './nulCharacters';
import { ReadableFile, readRejectedTotals, readWarnings } from './qualityScans';
import { spreadOverDays } from './spreadOverDays';
import { CostFact, FileTotal, RejectedTotal } from './types';

/** One file of a delivery: where it is on disk and how to name it to people. */
export interface FocusFile {
  path: string;
  /** Stable key of the file within its source (relative path, URL or upload name). */
  key: string;
}

/** Everything read from one delivery of FOCUS files. */
export interface FocusReadResult {
  format: CostFileFormat;
  focusVersion: string;
  /** Union of the files' header columns, in first-seen order. */
  columns: string[];
  rowsRead: number;
  rowsRejected: number;
  rejections: RowRejection[];
  /** Values stored as unknown, per column, with the first rows that had them. */
  warnings: DataQualityWarning[];
  facts: CostFact[];
  /** Accepted rows, per billing account, billing period and currency. */
  totals: FileTotal[];
  /** Rejected rows, keyed as the file wrote them; empty when none was rejected. */
  rejectedTotals: RejectedTotal[];
  dataThrough: string | null;
}

const ALL_COLUMNS: readonly FocusColumn[] = [
  ...MANDATORY_COLUMNS,
  ...OPTIONAL_COLUMNS,
];

/**
 * The DuckDB table function that reads one file. CSV is read in one fixed dialect (RFC 4180
 * quoting, the header's separator) with the header's own names, never sniffed: a sniffer
 * faced with one short or overlong row guesses another dialect and reads the whole file as
 * one column, or no rows at all. Every column is text unless `typed` names a type: typing is
 * ours, so one bad cell rejects a row, not the file; amount columns may be typed by the
 * reader, which parses decimals far faster than a cast.
 */
function tableFunction(
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
  ];
  return `read_csv(${quoteLiteral(filePath)}, ${options.join(', ')})`;
}

/**
 * Names DuckDB can tell apart (it compares names case-insensitively): a repeated or empty
 * name, which only columns the importer does not read may have, gets a numbered suffix.
 */
function uniqueColumnNames(header: string[]): string[] {
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
const isConversionError = (error: unknown) =>
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
function explainReadError(error: unknown, key: string, format: CostFileFormat) {
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

async function readParquetHeader(
  connection: DuckDBConnection,
  source: string,
): Promise<string[]> {
  const described = await connection.runAndReadAll(
    `DESCRIBE SELECT * FROM ${source}`,
  );
  return described.getRowObjectsJson().map(row => String(row.column_name));
}

/**
 * Reads FOCUS exports (CSV, gzip CSV, Parquet; FOCUS 1.0–1.3) with embedded DuckDB:
 * validates every row, and sums the accepted rows into daily facts and per-account totals
 * with exact decimals. Several files form one delivery (a billing period split in parts).
 */
export class FocusFileReader {
  /**
   * @param limits - DuckDB's memory and threads
   * @param maxDecompressedBytes - largest plain size of one gzip file (a gzip bomb stops there)
   */
  constructor(
    private readonly limits: DuckDbLimits = DEFAULT_DUCKDB_LIMITS,
    private readonly maxDecompressedBytes = DEFAULT_MAX_DECOMPRESSED_BYTES,
  ) {}

  async read(files: FocusFile[]): Promise<FocusReadResult> {
    if (files.length === 0) {
      throw new FileRejectedError('No files to ingest');
    }
    const formats = await Promise.all(
      files.map(file => detectFormat(file.path, file.key)),
    );
    const format = formats[0];
    const mixed = files.find((_, i) => formats[i] !== format);
    if (mixed) {
      throw new FileRejectedError(
        `${mixed.key} is ${formats[files.indexOf(mixed)]} but ${
          files[0].key
        } is ${format}; one delivery must use one format`,
      );
    }

    return withDuckDb(this.limits, async (connection, workDir) => {
      const columns: string[] = [];
      let focusVersion = '1.0';
      const readable: ReadableFile[] = [];
      for (const [index, file] of files.entries()) {
        let readablePath = file.path;
        if (format === 'csv.gz') {
          readablePath = path.join(workDir, `file-${index}.csv`);
          await gunzipToFile(
            file.path,
            readablePath,
            file.key,
            this.maxDecompressedBytes,
          );
        }
        let written: string[];
        let delimiter = ',';
        try {
          if (format === 'parquet') {
            written = await readParquetHeader(
              connection,
              tableFunction(format, readablePath),
            );
          } else {
            ({ names: written, delimiter } = await readCsvHeader(
              readablePath,
              file.key,
            ));
          }
        } catch (error) {
          throw explainReadError(error, file.key, format);
        }
        const repeated = repeatedFocusColumns(written);
        if (repeated.length > 0) {
          throw new FileRejectedError(
            `${file.key} names ${repeated
              .map(
                ({ column, positions }) =>
                  `${column} more than once (columns ${positions.join(
                    ' and ',
                  )})`,
              )
              .join(', ')}; which one holds the value cannot be known`,
          );
        }
        const header =
          format === 'parquet' ? written : uniqueColumnNames(written);
        const textSource = tableFunction(
          format,
          readablePath,
          header,
          delimiter,
        );
        const mapped = mapColumns(header);
        const missing = missingMandatoryColumns(mapped);
        if (missing.length > 0) {
          throw new FileRejectedError(
            `${file.key} is missing mandatory FOCUS column(s): ${missing.join(
              ', ',
            )}`,
          );
        }
        focusVersion = guessFocusVersion(mapped);
        for (const column of header) {
          if (!columns.includes(column)) columns.push(column);
        }

        const target =
          index === 0
            ? 'CREATE TEMP TABLE aggregated AS'
            : 'INSERT INTO aggregated';
        const aggregate = (source: string, amountInput: AmountInput) =>
          connection.run(
            `${target} ${buildAggregateSelect(
              source,
              index,
              mapped,
              ALL_COLUMNS,
              amountInput,
            )}`,
          );
        // Fast path first: amounts typed by the reader (CSV) or by the file (Parquet). A CSV
        // with an unparseable amount fails that and is read again as text, row by row.
        let source =
          format === 'parquet'
            ? textSource
            : tableFunction(
                format,
                readablePath,
                header,
                delimiter,
                new Map(
                  NATIVE_TYPES.flatMap(([column, type]) => {
                    const actual = mapped.get(column);
                    return actual ? [[actual, type] as [string, string]] : [];
                  }),
                ),
              );
        let amountInput: AmountInput = 'native';
        try {
          try {
            await aggregate(source, amountInput);
          } catch (error) {
            if (format === 'parquet' || !isConversionError(error)) throw error;
            source = textSource;
            amountInput = 'text';
            await aggregate(source, amountInput);
          }
        } catch (error) {
          throw explainReadError(error, file.key, format);
        }
        readable.push({ source, mapped, amountInput });
      }

      const [counts] = (
        await connection.runAndReadAll(COUNTS_SQL)
      ).getRowObjectsJson();
      const rowsRead = Number(counts.rows_read ?? 0);
      if (rowsRead === 0) {
        throw new FileRejectedError(
          `${files.map(f => f.key).join(', ')} has a header but no data rows`,
        );
      }
      rejectSumsPastStorableAmount(
        files,
        rowsRead,
        String(counts.max_abs_amount ?? '0'),
      );
      await rejectNulCharacters(connection, readable, files);
      const rowsRejected = Number(counts.rows_rejected);
      const rejections: RowRejection[] = [];
      // A second scan, only for files with bad rows: it numbers rows to say which ones.
      for (const [
        index,
        { source, mapped, amountInput },
      ] of readable.entries()) {
        if (rowsRejected === 0 || rejections.length >= 100) break;
        const rows = (
          await connection.runAndReadAll(
            buildRejectionsSelect(
              source,
              index,
              mapped,
              ALL_COLUMNS,
              amountInput,
            ),
          )
        ).getRowObjectsJson();
        for (const row of rows.slice(0, 100 - rejections.length)) {
          rejections.push({
            row: Number(row.row_number),
            column: String(row.reject_column),
            reason: String(row.reject_reason),
            ...(files.length > 1 ? { file: files[index].key } : {}),
          });
        }
      }
      const warnings =
        Number(counts.warning_rows) > 0
          ? await readWarnings(connection, readable, files)
          : [];
      const rejectedTotals =
        rowsRejected > 0 ? await readRejectedTotals(connection, readable) : [];
      const totals = (await connection.runAndReadAll(FILE_TOTALS_SQL))
        .getRowObjectsJson()
        .map(row => ({
          billingAccountId: String(row.billing_account_id),
          billingPeriodStart: String(row.billing_period_start),
          currency: String(row.currency),
          billedCost: String(row.billed_cost),
          effectiveCost: String(row.effective_cost),
        }));
      const facts = (await connection.runAndReadAll(AGGREGATE_FACTS_SQL))
        .getRowObjectsJson()
        .flatMap(row => {
          const fact = toCostFact(row, files);
          return row.spread_start_ms === null
            ? [fact]
            : spreadOverDays(
                fact,
                Number(row.spread_start_ms),
                Number(row.spread_end_ms),
              );
        });

      return {
        format,
        focusVersion,
        columns,
        rowsRead,
        rowsRejected,
        rejections,
        warnings,
        facts,
        totals,
        rejectedTotals,
        dataThrough: (counts.data_through as string | null) ?? null,
      };
    });
  }
}

/**
 * Largest magnitude a sum may reach: numeric(38,16) keeps 22 whole digits (PostgreSQL refuses
 * more, SQLite would store it), and DuckDB's DECIMAL(38) sums overflow a little past it, with
 * an "Out of Range" error when grouped and a silent wrap around to a negative sum otherwise.
 */
const STORABLE_AMOUNT_LIMIT = new Money('1e22');

/**
 * Any sum of a delivery is at most its rows times its largest amount; when that bound
 * reaches what can be stored, the sums cannot be trusted, so the delivery is refused.
 */
function rejectSumsPastStorableAmount(
  files: FocusFile[],
  rowsRead: number,
  largest: string,
) {
  if (new Money(largest).times(rowsRead).lt(STORABLE_AMOUNT_LIMIT)) return;
  throw new FileRejectedError(
    `${files.map(f => f.key).join(', ')} has amounts as large as ${new Money(
      largest,
    ).toFixed()} ` +
      `over ${rowsRead} rows: their sums could pass 10^22, the largest amount stored`,
  );
}

const text = (value: unknown) =>
  value === null || value === undefined ? null : String(value);

function toCostFact(
  row: Record<string, unknown>,
  files: FocusFile[],
): CostFact {
  return {
    fileKey: files[Number(row.file_index)].key,
    billingPeriodStart: String(row.billing_period_start),
    day: String(row.day),
    billingAccountId: String(row.billing_account_id),
    subAccountId: text(row.sub_account_id),
    providerName: text(row.provider_name),
    publisherName: text(row.publisher_name),
    hostProviderName: text(row.host_provider_name),
    invoiceIssuerName: text(row.invoice_issuer_name),
    serviceName: text(row.service_name),
    serviceCategory: text(row.service_category),
    regionId: text(row.region_id),
    resourceId: text(row.resource_id),
    resourceName: text(row.resource_name),
    resourceType: text(row.resource_type),
    chargeCategory: String(row.charge_category),
    chargeClass: text(row.charge_class),
    pricingCategory: text(row.pricing_category),
    commitmentDiscountId: text(row.commitment_discount_id),
    commitmentDiscountStatus: text(row.commitment_discount_status),
    skuId: text(row.sku_id),
    skuPriceDetails: text(row.sku_price_details),
    tags: text(row.tags),
    currency: String(row.currency),
    billedCost: String(row.billed_cost),
    effectiveCost: String(row.effective_cost),
    listCost: text(row.list_cost),
    contractedCost: text(row.contracted_cost),
    consumedQuantity: text(row.consumed_quantity) ?? '0',
    rowCount: Number(row.row_count),
  };
}
