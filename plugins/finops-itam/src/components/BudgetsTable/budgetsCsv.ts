import { buildCsv } from '../../lib';
import { BUDGET_STATUS_WORDS } from '../BudgetStatus';
import { BudgetRow } from './budgetRows';

/** A fraction as a percentage with up to two decimals, for a spreadsheet cell. */
function percentCell(fraction: number | null): { amount: string } {
  // A number cell, so a negative variance stays a number in the spreadsheet.
  return { amount: fraction === null ? '' : (fraction * 100).toFixed(2) };
}

/**
 * The budgets as CSV, one line per budget with its exact amounts in its currency; actual and
 * unbudgeted carry their own currency column, since they are never converted.
 */
export function budgetsCsv(rows: BudgetRow[]): string {
  return buildCsv(
    [
      'id',
      'entity',
      'period',
      'start',
      'end',
      'scope',
      'currency',
      'budget',
      'actual',
      'actual currency',
      'actual through',
      'forecast',
      'forecast low',
      'forecast high',
      'variance %',
      'forecast variance %',
      'status',
      'unbudgeted',
      'source',
    ],
    rows.map(row => [
      row.budget.id,
      row.budget.entityRef,
      row.budget.period,
      row.periodStart ?? row.budget.start,
      row.periodEnd ?? '',
      row.budget.scope,
      row.budget.currency,
      { amount: row.budget.amount },
      { amount: row.actual?.amount ?? '' },
      row.actual?.currency ?? '',
      row.through ?? '',
      { amount: row.forecast?.expected ?? '' },
      { amount: row.forecast?.low ?? '' },
      { amount: row.forecast?.high ?? '' },
      percentCell(row.variance),
      percentCell(row.forecastVariance),
      row.status ? BUDGET_STATUS_WORDS[row.status] : row.message ?? '',
      { amount: row.unbudgeted?.amount ?? '' },
      row.budget.source,
    ]),
  );
}
