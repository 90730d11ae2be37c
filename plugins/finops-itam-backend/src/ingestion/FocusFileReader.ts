import {
  CostFileFormat,
  DataQualityWarning,
  RowRejection,
} from '@finops-itam/plugin-finops-itam-common';
import { DuckDBConnection } from '@duckdb/node-api';
import path from 'node:path';
import { readCsvHeader } from './csvHeader';
import {
  explainReadError,
  isConversionError,
  readParquetHeader,
  tableFunction,
  uniqueColumnNames,
} from './fileSource';
import { rejectSumsPastStorableAmount } from './storableAmounts';
import { detectFormat } from './detectFormat';
import { DEFAULT_DUCKDB_LIMITS, DuckDbLimits, withDuckDb } from './duckdb';
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
  AmountInput,
  COUNTS_SQL,
  NATIVE_TYPES,
  FILE_TOTALS_SQL,
  buildAggregateSelect,
  buildRejectionsSelect,
} from './focusSql';
import { factRowBatches } from './factRows';
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

/** What a delivery of FOCUS files says, besides its facts. */
export interface FocusReadSummary {
  format: CostFileFormat;
  focusVersion: string;
  /** Union of the files' header columns, in first-seen order. */
  columns: string[];
  rowsRead: number;
  rowsRejected: number;
  rejections: RowRejection[];
  /** Values stored as unknown, per column, with the first rows that had them. */
  warnings: DataQualityWarning[];
  /** Accepted rows, per billing account, billing period and currency. */
  totals: FileTotal[];
  /** Rejected rows, keyed as the file wrote them; empty when none was rejected. */
  rejectedTotals: RejectedTotal[];
  /** The billing periods of the accepted rows (and so of the facts), sorted. */
  billingPeriods: string[];
  dataThrough: string | null;
}

/** Everything read from one delivery of FOCUS files, its facts in one array. */
export interface FocusReadResult extends FocusReadSummary {
  facts: CostFact[];
}

/** A delivery being read: its facts come batch by batch while DuckDB still holds them. */
export interface FocusReadStream extends FocusReadSummary {
  /** The accepted facts, multi-day charges already spread; can be iterated once. */
  facts: AsyncIterable<CostFact[]>;
}

const ALL_COLUMNS: readonly FocusColumn[] = [
  ...MANDATORY_COLUMNS,
  ...OPTIONAL_COLUMNS,
];

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

  /** Reads a delivery whole, its facts in one array (small deliveries, tests). */
  async read(files: FocusFile[]): Promise<FocusReadResult> {
    return this.stream(files, async read => {
      const facts: CostFact[] = [];
      for await (const batch of read.facts) {
        for (const fact of batch) facts.push(fact);
      }
      return { ...read, facts };
    });
  }

  /**
   * Reads and validates a delivery, then runs `use` while DuckDB still holds the aggregated
   * facts, so they can go to the store batch by batch: Node's memory then stays the same
   * whatever the size of the delivery. DuckDB is closed when `use` settles.
   */
  async stream<T>(
    files: FocusFile[],
    use: (read: FocusReadStream) => Promise<T>,
  ): Promise<T> {
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

      return use({
        format,
        focusVersion,
        columns,
        rowsRead,
        rowsRejected,
        rejections,
        warnings,
        facts: factBatches(connection, files),
        totals,
        rejectedTotals,
        billingPeriods: [
          ...new Set(totals.map(t => t.billingPeriodStart)),
        ].sort(),
        dataThrough: (counts.data_through as string | null) ?? null,
      });
    });
  }
}

/** The accepted facts, batch by batch; a charge over several days becomes one per day. */
async function* factBatches(
  connection: DuckDBConnection,
  files: FocusFile[],
): AsyncGenerator<CostFact[]> {
  for await (const rows of factRowBatches(connection)) {
    yield rows.flatMap(row => {
      const fact = toCostFact(row, files);
      return row.spread_start_ms === null
        ? [fact]
        : spreadOverDays(
            fact,
            Number(row.spread_start_ms),
            Number(row.spread_end_ms),
          );
    });
  }
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
