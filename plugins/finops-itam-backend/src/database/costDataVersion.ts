import { Knex } from 'knex';
import { DATA_VERSIONS_TABLE } from './tables';

const COST = 'cost';

/**
 * Raises the cost data version. Call it inside the transaction of a write that changes cost
 * answers (or after the write, never before it): a reader that sees the new version must
 * also see the new data.
 */
export async function bumpCostDataVersion(
  db: Knex | Knex.Transaction,
): Promise<void> {
  await db(DATA_VERSIONS_TABLE)
    .where('name', COST)
    .update({ version: db.raw('version + 1') });
}

/** The current cost data version, as a string ("0" on a database that never had a write). */
export async function readCostDataVersion(db: Knex): Promise<string> {
  const row = await db(DATA_VERSIONS_TABLE)
    .where('name', COST)
    .first('version');
  return String(row?.version ?? 0);
}
