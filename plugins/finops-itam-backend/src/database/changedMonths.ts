import { Knex } from 'knex';
import { nextMonthStart } from '../shared/months';
import { CHANGED_MONTHS_TABLE, COST_FACTS_TABLE } from './tables';

/** A calendar month and its half-open day range. */
export interface FactMonth {
  month: string;
  from: string;
  to: string;
}

/** `YYYY-MM` → `{ month, from: 'YYYY-MM-01', to: <first day of the next month> }`. */
export function factMonth(month: string): FactMonth {
  return { month, from: `${month}-01`, to: nextMonthStart(month) };
}

/**
 * Records that facts of these months (`YYYY-MM`) changed. Call it in the transaction that
 * changes them, so that the record and the change commit together.
 */
export async function recordChangedMonths(
  db: Knex | Knex.Transaction,
  months: Iterable<string>,
): Promise<void> {
  const distinct = [...new Set(months)];
  for (let i = 0; i < distinct.length; i += 500) {
    await db(CHANGED_MONTHS_TABLE).insert(
      distinct.slice(i, i + 500).map(month => ({ month })),
    );
  }
}

/** The months of the facts that `narrow` selects, read before they are deleted. */
export async function monthsOfFacts(
  db: Knex | Knex.Transaction,
  narrow: (facts: Knex.QueryBuilder) => Knex.QueryBuilder,
): Promise<string[]> {
  const rows = await narrow(db(COST_FACTS_TABLE)).distinct(
    db.raw('substr(day, 1, 7) as month'),
  );
  return rows.map((row: { month: string }) => row.month);
}

/** The months recorded so far, sorted, and the highest record id read (`bound`). */
export async function readChangedMonths(
  db: Knex | Knex.Transaction,
): Promise<{ bound: string | null; months: FactMonth[] }> {
  const [{ bound }] = await db(CHANGED_MONTHS_TABLE).max({ bound: 'id' });
  if (bound === null || bound === undefined) {
    return { bound: null, months: [] };
  }
  const rows = await db(CHANGED_MONTHS_TABLE)
    .where('id', '<=', bound)
    .distinct('month')
    .orderBy('month');
  return {
    bound: String(bound),
    months: rows.map(row => factMonth(row.month)),
  };
}

/** Forgets the records up to `bound`: a run has brought their months up to date. */
export async function clearChangedMonths(
  db: Knex | Knex.Transaction,
  bound: string | null,
): Promise<void> {
  if (bound !== null) {
    await db(CHANGED_MONTHS_TABLE).where('id', '<=', bound).delete();
  }
}
