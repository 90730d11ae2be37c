import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

/** The records of one budget file, unvalidated, for `validateBudgets`. */
export interface BudgetFileRecords {
  records: unknown[];
  /** How to name record `index` in a message: CSV row `index + 2` (row 1 is the header), or list index. */
  positionName: 'row' | 'record';
  firstPosition: number;
}

/** A file that cannot be read as budgets at all (syntax, shape, no records). */
export class BudgetFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetFileError';
  }
}

const CSV_COLUMNS = [
  'id',
  'entityRef',
  'period',
  'start',
  'amount',
  'currency',
  'scope',
  'forecastAbove',
  'forecastBelow',
  'actualAbove',
];
const THRESHOLD_COLUMNS = ['forecastAbove', 'forecastBelow', 'actualAbove'];

/**
 * Reads a budget file by its extension: `.csv` (the columns above, thresholds as their own
 * optional columns), or `.yaml`/`.yml`/`.json` (a list of records, or `{ budgets: [...] }`).
 * An empty file is an error rather than "no budgets", so a truncated delivery cannot wipe
 * the budgets a source loaded before.
 */
export function readBudgetFile(
  name: string,
  content: string,
): BudgetFileRecords {
  const lower = name.toLowerCase().replace(/\?.*$/, '');
  let result: BudgetFileRecords;
  if (lower.endsWith('.csv')) {
    result = readCsv(content);
  } else if (
    lower.endsWith('.json') ||
    lower.endsWith('.yaml') ||
    lower.endsWith('.yml')
  ) {
    const format = lower.endsWith('.json') ? 'JSON' : 'YAML';
    let data: unknown;
    try {
      data = format === 'JSON' ? JSON.parse(content) : parseYaml(content);
    } catch (error) {
      throw new BudgetFileError(
        `is not valid ${format}: ${(error as Error).message}`,
      );
    }
    result = fromList(data);
  } else {
    throw new BudgetFileError(
      'has an unknown format: name it .csv, .yaml, .yml or .json',
    );
  }
  if (result.records.length === 0) {
    throw new BudgetFileError(
      'holds no budgets; an empty file is refused so it cannot wipe the ones loaded before',
    );
  }
  return result;
}

function readCsv(content: string): BudgetFileRecords {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(content, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    throw new BudgetFileError(`is not valid CSV: ${(error as Error).message}`);
  }
  const header = rows.length > 0 ? Object.keys(rows[0]) : [];
  const unknown = header.filter(column => !CSV_COLUMNS.includes(column));
  if (unknown.length > 0) {
    throw new BudgetFileError(
      `has unknown column(s) ${unknown.join(
        ', ',
      )}; the columns are ${CSV_COLUMNS.join(', ')}`,
    );
  }
  return {
    records: rows.map(fromCsvRow),
    positionName: 'row',
    firstPosition: 2,
  };
}

/** A flat CSV row in the record's nested shape; blank cells are absent fields. */
function fromCsvRow(row: Record<string, string>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const thresholds: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(row)) {
    if (cell === '') continue;
    if (THRESHOLD_COLUMNS.includes(column)) {
      // A number when it reads as one; otherwise the text, for the schema to name.
      thresholds[column] = /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    } else {
      record[column] = cell;
    }
  }
  if (Object.keys(thresholds).length > 0) record.thresholds = thresholds;
  return record;
}

function fromList(data: unknown): BudgetFileRecords {
  const list = Array.isArray(data)
    ? data
    : (data as { budgets?: unknown } | null)?.budgets;
  if (!Array.isArray(list)) {
    throw new BudgetFileError(
      'must hold a list of budgets, or { budgets: [...] }',
    );
  }
  return { records: list, positionName: 'record', firstPosition: 0 };
}
