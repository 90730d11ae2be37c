import { DuckDBConnection } from '@duckdb/node-api';
import { DataQualityWarning } from '@finops-itam/plugin-finops-itam-common';
import { FocusFile } from './FocusFileReader';
import {
  FocusColumn,
  MANDATORY_COLUMNS,
  OPTIONAL_COLUMNS,
} from './focusColumns';
import {
  AmountInput,
  WARNING_COLUMNS,
  buildRejectedTotalsSelect,
  buildWarningCountsSelect,
  buildWarningRowsSelect,
} from './focusSql';
import { sumAmounts } from '../money';
import { RejectedTotal } from './types';

/*
 * Second scans of a delivery's files, run only when the first scan found something to
 * explain: values stored as unknown (warnings) or rejected rows (the money they carried).
 */

/** How many row numbers a warning lists. */
const WARNING_ROWS_SHOWN = 10;

const ALL_COLUMNS: readonly FocusColumn[] = [
  ...MANDATORY_COLUMNS,
  ...OPTIONAL_COLUMNS,
];

/** One file of a delivery as the scans read it. */
export interface ReadableFile {
  source: string;
  mapped: Map<FocusColumn, string>;
  amountInput: AmountInput;
}

/**
 * Second scans, only for a delivery with warnings: per column, how many rows over all files
 * and the first rows of the first file that has them.
 */
export async function readWarnings(
  connection: DuckDBConnection,
  readable: ReadableFile[],
  files: FocusFile[],
): Promise<DataQualityWarning[]> {
  const counts = new Map<FocusColumn, number>();
  for (const { source, mapped, amountInput } of readable) {
    const [row] = (
      await connection.runAndReadAll(
        buildWarningCountsSelect(source, mapped, ALL_COLUMNS, amountInput),
      )
    ).getRowObjectsJson();
    for (const column of WARNING_COLUMNS) {
      counts.set(
        column,
        (counts.get(column) ?? 0) + Number(row[`count_${column}`] ?? 0),
      );
    }
  }
  const warnings: DataQualityWarning[] = [];
  for (const column of WARNING_COLUMNS.filter(c => (counts.get(c) ?? 0) > 0)) {
    for (const [index, { source, mapped, amountInput }] of readable.entries()) {
      const rows = (
        await connection.runAndReadAll(
          buildWarningRowsSelect(
            source,
            mapped,
            ALL_COLUMNS,
            amountInput,
            column,
            WARNING_ROWS_SHOWN,
          ),
        )
      ).getRowObjectsJson();
      if (rows.length === 0) continue;
      warnings.push({
        column,
        count: counts.get(column)!,
        reason: String(rows[0].reason),
        rows: rows.map(row => Number(row.row_number)),
        ...(files.length > 1 ? { file: files[index].key } : {}),
      });
      break;
    }
  }
  return warnings;
}

function toRejectedTotal(row: Record<string, unknown>): RejectedTotal {
  return {
    billingAccountId: String(row.billing_account_id),
    billingPeriodStart: String(row.billing_period_start),
    currency: String(row.currency),
    rows: Number(row.row_count),
    billedCost: String(row.billed_cost),
    effectiveCost: String(row.effective_cost),
    billedCostAbsolute: String(row.billed_cost_absolute),
    effectiveCostAbsolute: String(row.effective_cost_absolute),
    unreadableCostRows: Number(row.unreadable_cost_rows),
  };
}

/**
 * What the rejected rows of a delivery carried, one total per key over all its files. Runs
 * only for a delivery with rejected rows.
 */
export async function readRejectedTotals(
  connection: DuckDBConnection,
  readable: ReadableFile[],
): Promise<RejectedTotal[]> {
  const totals: RejectedTotal[] = [];
  for (const { source, mapped, amountInput } of readable) {
    const rows = (
      await connection.runAndReadAll(
        buildRejectedTotalsSelect(source, mapped, ALL_COLUMNS, amountInput),
      )
    ).getRowObjectsJson();
    totals.push(...rows.map(toRejectedTotal));
  }
  return mergeRejectedTotals(totals);
}

/** One total per key over the files of a delivery, amounts summed exactly. */
function mergeRejectedTotals(totals: RejectedTotal[]): RejectedTotal[] {
  const byKey = new Map<string, RejectedTotal>();
  const add = (a: string, b: string) => sumAmounts([a, b]);
  for (const total of totals) {
    const key = `${total.billingAccountId}|${total.billingPeriodStart}|${total.currency}`;
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen
        ? {
            ...seen,
            rows: seen.rows + total.rows,
            billedCost: add(seen.billedCost, total.billedCost),
            effectiveCost: add(seen.effectiveCost, total.effectiveCost),
            billedCostAbsolute: add(
              seen.billedCostAbsolute,
              total.billedCostAbsolute,
            ),
            effectiveCostAbsolute: add(
              seen.effectiveCostAbsolute,
              total.effectiveCostAbsolute,
            ),
            unreadableCostRows:
              seen.unreadableCostRows + total.unreadableCostRows,
          }
        : total,
    );
  }
  return [...byKey.values()];
}
