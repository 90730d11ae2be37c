import { Knex } from 'knex';
import { Money, MoneyValue, normalizeAmount } from '../money';
import { databaseKindOf } from './databaseKind';

/**
 * Sums the decimal strings of `amount` per value of `groups` (alias → column): with SUM on
 * PostgreSQL, where numeric is exact, and with exact decimals in JavaScript on SQLite,
 * where amounts are text that SUM would turn into floats.
 */
export async function sumAmountsBy<K extends string>(
  db: Knex,
  query: Knex.QueryBuilder,
  groups: Record<K, string>,
  amount: string,
): Promise<Array<Record<K, string | null> & { amount: string }>> {
  const aliases = Object.keys(groups) as K[];
  const selects = aliases.map(alias =>
    db.raw('?? as ??', [groups[alias], alias]),
  );
  if (databaseKindOf(db) === 'postgres') {
    const rows = await query
      .select(selects)
      .select(db.raw('sum(??) as ??', [amount, 'amount']))
      .groupBy(aliases.map(alias => groups[alias]));
    return rows.map((row: any) => ({
      ...row,
      amount: normalizeAmount(row.amount),
    }));
  }
  const rows = await query
    .select(selects)
    .select(db.raw('?? as ??', [amount, 'amount']));
  const sums = new Map<string, { row: any; total: MoneyValue }>();
  for (const row of rows) {
    const key = aliases.map(alias => row[alias] ?? '\u0001').join('\u0000');
    const entry = sums.get(key);
    if (entry) {
      entry.total = entry.total.plus(row.amount);
    } else {
      sums.set(key, { row, total: new Money(row.amount) });
    }
  }
  return [...sums.values()].map(({ row, total }) => ({
    ...row,
    amount: total.toFixed(),
  }));
}
