import { Knex } from 'knex';
import { databaseKindOf } from './databaseKind';
import { sumAmountsBy } from './sumAmountsBy';
import { formatUnits } from '../money';

/** Decimal places summed in SQL on SQLite: stored amounts have at most 16. */
const SCALE = 16;
const HALF = 8;
/**
 * Whole digits summed in SQL on SQLite: a 64-bit SUM then holds over 9,000 amounts of the
 * largest size before it overflows, which SQLite reports as an error rather than wrapping.
 */
const MAX_WHOLE_DIGITS = 15;

/**
 * Like {@link sumAmountsBy}, but the sum is grouped in SQL on SQLite too, so only one row per
 * group reaches JavaScript however many facts the period has.
 *
 * Why: SQLite stores amounts as decimal text and SUM would turn them into floats. Each
 * amount is split in SQL into its sign, whole part and two 8-digit halves of its fraction,
 * each summed as a 64-bit integer (exact), and joined here as BigInt units. Amounts of any
 * other shape (more than 15 whole digits, more than 16 decimals, exponents) or a sum that
 * overflows 64 bits fall back to {@link sumAmountsBy}, which adds every row exactly in
 * JavaScript: slower, never wrong.
 */
export async function groupedExactSums<K extends string>(
  db: Knex,
  query: () => Knex.QueryBuilder,
  groups: Record<K, string>,
  amount: string,
): Promise<Array<Record<K, string | null> & { amount: string }>> {
  if (databaseKindOf(db) === 'postgres') {
    return sumAmountsBy(db, query(), groups, amount);
  }
  const aliases = Object.keys(groups) as K[];
  const parts = query()
    .select(aliases.map(alias => db.raw('?? as ??', [groups[alias], alias])))
    .select(
      db.raw(`CASE WHEN substr(??, 1, 1) = '-' THEN -1 ELSE 1 END as __sign`, [
        amount,
      ]),
      db.raw(`ltrim(??, '-') as __body`, [amount]),
    );
  const split = db
    .from(parts.as('p'))
    .select(aliases)
    .select(
      '__sign',
      db.raw(
        `CASE WHEN instr(__body, '.') > 0 THEN substr(__body, 1, instr(__body, '.') - 1) ELSE __body END as __whole`,
      ),
      db.raw(
        `CASE WHEN instr(__body, '.') > 0 THEN substr(__body, instr(__body, '.') + 1) ELSE '' END as __fraction`,
      ),
    );
  const padded = `substr(__fraction || '${'0'.repeat(SCALE)}', ?, ${HALF})`;
  let rows: Array<Record<string, string | number | null>>;
  try {
    rows = await db
      .from(split.as('s'))
      .select(aliases)
      // As text: the driver would return a 64-bit integer as a float beyond 2^53.
      .select(
        db.raw('CAST(SUM(__sign * CAST(__whole AS INTEGER)) AS TEXT) as __w'),
        db.raw(
          `CAST(SUM(__sign * CAST(${padded} AS INTEGER)) AS TEXT) as __h`,
          [1],
        ),
        db.raw(
          `CAST(SUM(__sign * CAST(${padded} AS INTEGER)) AS TEXT) as __l`,
          [HALF + 1],
        ),
        db.raw(
          `MAX(CASE WHEN length(__whole) > ? OR length(__fraction) > ? OR __whole = '' OR __whole GLOB '*[^0-9]*' OR __fraction GLOB '*[^0-9]*' THEN 1 ELSE 0 END) as __odd`,
          [MAX_WHOLE_DIGITS, SCALE],
        ),
      )
      .groupBy(aliases);
  } catch (error) {
    if (/integer overflow/i.test(String(error))) {
      return sumAmountsBy(db, query(), groups, amount);
    }
    throw error;
  }
  if (rows.some(row => Number(row.__odd) === 1)) {
    return sumAmountsBy(db, query(), groups, amount);
  }
  const half = 10n ** BigInt(HALF);
  return rows.map(row => {
    const units =
      BigInt(row.__w as string) * half * half +
      BigInt(row.__h as string) * half +
      BigInt(row.__l as string);
    const out = Object.fromEntries(
      aliases.map(alias => [alias, (row[alias] as string | null) ?? null]),
    ) as Record<K, string | null>;
    return { ...out, amount: formatUnits(units, SCALE) };
  });
}
