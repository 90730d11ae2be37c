import { Decimal } from 'decimal.js';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import {
  buildCsv,
  compareDecimals,
  CsvCell,
  lastDayOf,
  percentText,
} from '../../lib';
import { SortDirection } from '../SortableHeaderCell';

/** The breakdowns the table offers, all of directly allocated (cloud) cost. */
export type BreakdownView = 'service' | 'chargeCategory' | 'resource';

export const BREAKDOWN_VIEWS: Array<{ view: BreakdownView; label: string }> = [
  { view: 'service', label: 'Service' },
  { view: 'chargeCategory', label: 'Charge category' },
  { view: 'resource', label: 'Resource' },
];

export interface BreakdownColumn {
  key: string;
  label: string;
  /** Amounts sort as exact decimals and align right; text sorts alphabetically. */
  amount?: boolean;
}

/** A row: text cells may be null (FOCUS leaves e.g. ServiceName empty on some charges). */
export type BreakdownRow = Record<string, string | null>;

export interface Breakdown {
  columns: BreakdownColumn[];
  rows: BreakdownRow[];
  /** False when the backend does not give this breakdown (an older backend, for resources). */
  available: boolean;
}

const COST: BreakdownColumn = { key: 'total', label: 'Cost', amount: true };
const SHARE: BreakdownColumn = { key: 'share', label: 'Share', amount: true };

/** Each row's share of the rows' sum in percent, one decimal, computed exactly. */
function withShares(rows: BreakdownRow[]): BreakdownRow[] {
  const sum = rows.reduce(
    (total, row) => total.plus(row.total ?? 0),
    new Decimal(0),
  );
  return rows.map(row => ({
    ...row,
    share: sum.isZero()
      ? null
      : percentText(new Decimal(row.total ?? 0).dividedBy(sum).times(100)),
  }));
}

/** The rows and columns of one breakdown of the entity's cost. */
export function breakdownOf(
  cost: EntityCostResponse,
  view: BreakdownView,
): Breakdown {
  switch (view) {
    case 'chargeCategory':
      return {
        columns: [
          { key: 'chargeCategory', label: 'Charge category' },
          COST,
          SHARE,
        ],
        rows: withShares(
          cost.byChargeCategory.map(row => ({
            chargeCategory: row.chargeCategory,
            total: row.total,
          })),
        ),
        available: true,
      };
    case 'resource':
      return {
        columns: [
          { key: 'resourceName', label: 'Resource' },
          { key: 'resourceId', label: 'Resource id' },
          { key: 'serviceName', label: 'Service' },
          COST,
          SHARE,
        ],
        rows: withShares(
          (cost.byResource ?? []).map(row => ({
            resourceName: row.resourceName,
            resourceId: row.resourceId,
            serviceName: row.serviceName,
            total: row.total,
          })),
        ),
        available: cost.byResource !== undefined,
      };
    case 'service':
    default:
      return {
        columns: [
          { key: 'serviceName', label: 'Service' },
          { key: 'serviceCategory', label: 'Category' },
          COST,
          SHARE,
        ],
        rows: withShares(
          cost.byService.map(row => ({
            serviceName: row.serviceName,
            serviceCategory: row.serviceCategory,
            total: row.total,
          })),
        ),
        available: true,
      };
  }
}

/** Sorted copy of the rows; empty cells last in either direction, ties by the first column. */
export function sortBreakdown(
  breakdown: Breakdown,
  by: string,
  direction: SortDirection,
): BreakdownRow[] {
  const column = breakdown.columns.find(c => c.key === by);
  const first = breakdown.columns[0].key;
  const sign = direction === 'asc' ? 1 : -1;
  const isEmpty = (value: string | null | undefined) =>
    value === null || value === undefined;
  const tie = (a: BreakdownRow, b: BreakdownRow) =>
    (a[first] ?? '').localeCompare(b[first] ?? '');
  return [...breakdown.rows].sort((a, b) => {
    const x = a[by];
    const y = b[by];
    if (isEmpty(x) || isEmpty(y)) {
      if (isEmpty(x) && isEmpty(y)) {
        return tie(a, b);
      }
      return isEmpty(x) ? 1 : -1;
    }
    const order = column?.amount
      ? compareDecimals(x as string, y as string)
      : (x as string).localeCompare(y as string);
    return sign * order || tie(a, b);
  });
}

/**
 * The breakdown as CSV: exact amounts (never rounded for display), with the currency and
 * period on every row so the file still makes sense when pasted elsewhere.
 */
export function breakdownCsv(
  cost: EntityCostResponse,
  currency: string,
  breakdown: Breakdown,
  rows: BreakdownRow[],
): string {
  const header = [
    ...breakdown.columns.map(c => (c.key === 'share' ? 'Share (%)' : c.label)),
    'Currency',
    'From',
    'Through',
  ];
  const lines: CsvCell[][] = rows.map(row => [
    ...breakdown.columns.map(c =>
      c.amount && row[c.key] !== null
        ? { amount: row[c.key] as string }
        : row[c.key] ?? '',
    ),
    currency,
    cost.from,
    lastDayOf(cost.to),
  ]);
  return buildCsv(header, lines);
}

/** `checkout-cost-by-service-2026-10-28-to-2026-11-26.csv`. */
export function breakdownFileName(
  entityName: string,
  view: BreakdownView,
  cost: EntityCostResponse,
): string {
  const what = {
    service: 'service',
    chargeCategory: 'charge-category',
    resource: 'resource',
  }[view];
  return `${entityName}-cost-by-${what}-${cost.from}-to-${lastDayOf(
    cost.to,
  )}.csv`;
}
