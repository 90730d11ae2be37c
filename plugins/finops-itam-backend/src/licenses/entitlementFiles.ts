import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { EntitlementRecord } from './entitlementSchema';

/** Records of one entitlement file and what their positions are (CSV rows or list indexes). */
export interface EntitlementFileRecords {
  records: EntitlementRecord[];
  /** `row` (1-based, header is row 1) for CSV, `record` (0-based index) for YAML and JSON. */
  positionName: 'row' | 'record';
}

/** A file that cannot be read as entitlements at all (syntax, shape, no records). */
export class EntitlementFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EntitlementFileError';
  }
}

/** CSV columns, flat, with nested fields spelled out (`costAmount` → `cost.amount`). */
const CSV_COLUMNS = [
  'id',
  'productId',
  'metric',
  'quantity',
  'costAmount',
  'costCurrency',
  'costPer',
  'termStart',
  'termEnd',
  'trueUpDate',
  'softwareAssurance',
  'owner',
  'contractReference',
  'prepaidAmount',
  'prepaidCurrency',
  'byolAllowedProviders',
  'byolAllowedTenancy',
  'byolRequiresLicenseMobility',
  'acquiredOn',
  'subscription',
];

const blank = (value: string | undefined) =>
  value === undefined || value.trim() === '';

function csvBoolean(value: string | undefined): unknown {
  if (blank(value)) return undefined;
  const v = value!.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(v)) return true;
  if (['false', 'no', '0'].includes(v)) return false;
  return value; // left for the schema to reject with the field named
}

const csvList = (value: string | undefined) =>
  blank(value)
    ? undefined
    : value!
        .split(/[;|]/)
        .map(s => s.trim())
        .filter(Boolean);

/** Turns a flat CSV row into the nested shape the schema validates. */
function fromCsvRow(row: Record<string, string>): Record<string, unknown> {
  const value = (key: string) =>
    blank(row[key]) ? undefined : row[key].trim();
  const record: Record<string, unknown> = {
    id: value('id'),
    productId: value('productId'),
    metric: value('metric'),
    quantity: value('quantity'),
    termStart: value('termStart'),
    termEnd: value('termEnd'),
    trueUpDate: value('trueUpDate'),
    softwareAssurance: csvBoolean(row.softwareAssurance),
    acquiredOn: value('acquiredOn'),
    subscription: csvBoolean(row.subscription),
    owner: value('owner'),
    contractReference: value('contractReference'),
  };
  if (
    value('costAmount') !== undefined ||
    value('costCurrency') !== undefined
  ) {
    record.cost = {
      amount: value('costAmount'),
      currency: value('costCurrency'),
      per: value('costPer'),
    };
  }
  if (value('prepaidAmount') !== undefined) {
    record.prepaid = {
      amount: value('prepaidAmount'),
      currency: value('prepaidCurrency'),
    };
  }
  const byol = {
    allowedProviders: csvList(row.byolAllowedProviders),
    allowedTenancy: csvList(row.byolAllowedTenancy),
    requiresLicenseMobility: csvBoolean(row.byolRequiresLicenseMobility),
  };
  if (Object.values(byol).some(v => v !== undefined)) record.byol = byol;
  // Undefined keys would trip the schema's strictness checks on nothing.
  return JSON.parse(JSON.stringify(record));
}

function readCsv(content: string): EntitlementFileRecords {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(content, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    throw new EntitlementFileError(
      `is not valid CSV: ${(error as Error).message}`,
    );
  }
  const header = rows.length > 0 ? Object.keys(rows[0]) : [];
  const unknown = header.filter(column => !CSV_COLUMNS.includes(column));
  if (unknown.length > 0) {
    throw new EntitlementFileError(
      `has unknown column(s) ${unknown.join(
        ', ',
      )}; the columns are ${CSV_COLUMNS.join(', ')}`,
    );
  }
  // Row 1 is the header, so the first record is row 2.
  return {
    records: rows.map((row, i) => ({
      position: i + 2,
      value: fromCsvRow(row),
    })),
    positionName: 'row',
  };
}

function fromList(data: unknown): EntitlementFileRecords {
  const list = Array.isArray(data)
    ? data
    : (data as { entitlements?: unknown } | null)?.entitlements;
  if (!Array.isArray(list)) {
    throw new EntitlementFileError(
      'must hold a list of entitlements, or { entitlements: [...] }',
    );
  }
  return {
    records: list.map((value, i) => ({ position: i, value })),
    positionName: 'record',
  };
}

/**
 * Reads an entitlement file by its extension: `.yaml`/`.yml`, `.json` or `.csv`. An empty
 * file is an error rather than "no entitlements", so a truncated delivery cannot wipe
 * the entitlements a source loaded before.
 */
export function readEntitlementFile(
  name: string,
  content: string,
): EntitlementFileRecords {
  const lower = name.toLowerCase().replace(/\?.*$/, '');
  let result: EntitlementFileRecords;
  if (lower.endsWith('.csv')) {
    result = readCsv(content);
  } else if (lower.endsWith('.json')) {
    try {
      result = fromList(JSON.parse(content));
    } catch (error) {
      if (error instanceof EntitlementFileError) throw error;
      throw new EntitlementFileError(
        `is not valid JSON: ${(error as Error).message}`,
      );
    }
  } else if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
    let data: unknown;
    try {
      data = parseYaml(content);
    } catch (error) {
      throw new EntitlementFileError(
        `is not valid YAML: ${(error as Error).message}`,
      );
    }
    result = fromList(data);
  } else {
    throw new EntitlementFileError(
      'has an unknown format: name it .yaml, .yml, .json or .csv',
    );
  }
  if (result.records.length === 0) {
    throw new EntitlementFileError(
      'holds no entitlements; an empty file is refused so it cannot wipe the ones loaded before',
    );
  }
  return result;
}
