import { parse } from 'csv-parse/sync';
import { MetricValidationResult, validateMetricRows } from './metricValidation';

const COLUMNS = ['entityRef', 'date', 'value'] as const;

/**
 * Reads a metric CSV (`entityRef,date,value`, header first, columns in any order, extra
 * columns ignored) and validates every row. Rejections name the 1-based line of the file,
 * the header being line 1, as an editor or spreadsheet shows it.
 */
export function parseMetricCsv(text: string): MetricValidationResult {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    return {
      rows: [],
      rejections: [
        {
          row: e.lines ?? 1,
          field: 'file',
          reason: `not readable as CSV: ${e.message}`,
        },
      ],
    };
  }
  if (records.length === 0) {
    return {
      rows: [],
      rejections: [
        {
          row: 1,
          field: 'header',
          reason: 'the file is empty; expected a header entityRef,date,value',
        },
      ],
    };
  }
  const header = records[0].record.map(name => name.toLowerCase());
  const index = Object.fromEntries(
    COLUMNS.map(column => [column, header.indexOf(column.toLowerCase())]),
  );
  const missing = COLUMNS.filter(column => index[column] < 0);
  if (missing.length > 0) {
    return {
      rows: [],
      rejections: [
        {
          row: records[0].info.lines,
          field: 'header',
          reason: `missing column(s) ${missing.join(
            ', ',
          )}; expected a header entityRef,date,value, found ${records[0].record.join(
            ',',
          )}`,
        },
      ],
    };
  }
  const body = records.slice(1);
  return validateMetricRows(
    body.map(({ record }) =>
      // A short row leaves cells out; they are reported as required, not as empty strings.
      Object.fromEntries(
        COLUMNS.map(column => [column, record[index[column]]]).filter(
          ([, v]) => v !== undefined,
        ),
      ),
    ),
    i => body[i].info.lines,
  );
}
