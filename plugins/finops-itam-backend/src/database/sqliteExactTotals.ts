import { Knex } from 'knex';
import { ExactSum } from '../money';
import { FileTotal } from './CostStore';
import { COST_FACTS_TABLE } from './tables';
import {
  quoteIdentifier,
  withTransactionConnection,
} from './transactionConnection';

/** What this module needs of a better-sqlite3 connection. */
interface SqliteConnection {
  prepare(sql: string): {
    raw(on: boolean): { iterate(...params: unknown[]): Iterable<unknown[]> };
  };
}

/**
 * BilledCost and EffectiveCost stored by one ingestion on SQLite, per billing account,
 * billing period and currency, in key order. SQLite's SUM would turn the decimal text into
 * binary floats, so the rows are summed exactly here, stepped through one at a time on the
 * transaction's connection: the sums are all that stays in memory, however many facts the
 * delivery has.
 */
export async function sqliteExactTotals(
  trx: Knex.Transaction,
  ingestionId: string,
): Promise<FileTotal[]> {
  return withTransactionConnection(trx, (connection: SqliteConnection) => {
    const groups = new Map<
      string,
      { total: FileTotal; billed: ExactSum; effective: ExactSum }
    >();
    const rows = connection
      .prepare(
        `SELECT billing_account_id, billing_period_start, currency, billed_cost, effective_cost
         FROM ${quoteIdentifier(COST_FACTS_TABLE)} WHERE ingestion_id = ?`,
      )
      .raw(true)
      .iterate(ingestionId);
    for (const [account, period, currency, billed, effective] of rows) {
      const key = `${account}\u0000${period}\u0000${currency}`;
      let group = groups.get(key);
      if (!group) {
        group = {
          total: {
            billingAccountId: String(account),
            billingPeriodStart: String(period),
            currency: String(currency),
            billedCost: '0',
            effectiveCost: '0',
          },
          billed: new ExactSum(),
          effective: new ExactSum(),
        };
        groups.set(key, group);
      }
      group.billed.add(billed as string);
      group.effective.add(effective as string);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, { total, billed, effective }]) => ({
        ...total,
        billedCost: billed.toString(),
        effectiveCost: effective.toString(),
      }));
  });
}
