import { Knex } from 'knex';
import { normalizeAmount } from '../ingestion/money';

/** License cost of one day in one currency, an exact decimal string. */
export interface DailyLicenseAmount {
  day: string;
  currency: string;
  amount: string;
}

/**
 * Reads the license cost of an entity over its rollup: its own share of entitlement cost
 * (and, for an owner group, the shelfware) plus that of every entity that rolls up into it,
 * using the rollup closure the allocation run keeps (`finops_itam_rollup_members`), so that
 * licenses roll up exactly as cloud cost does.
 */
export class RollupLicenseCostReader {
  constructor(private readonly db: Knex) {}

  /**
   * One row per stored daily share in `[from, to)`, amounts normalized; the caller sums.
   * Unsummed because SQLite keeps amounts as text, where SQL SUM would use floats.
   */
  async dailyLicenseCost(
    ancestorRef: string,
    from: string,
    to: string,
  ): Promise<DailyLicenseAmount[]> {
    const rows: Array<{ day: string; currency: string; amount: string | number }> =
      await this.db('finops_itam_license_daily_cost as l')
        .join(
          'finops_itam_rollup_members as m',
          'm.member_ref',
          'l.entity_ref',
        )
        .where('m.ancestor_ref', ancestorRef.toLocaleLowerCase('en-US'))
        .andWhere('l.day', '>=', from)
        .andWhere('l.day', '<', to)
        .select('l.day', 'l.currency', 'l.amount');
    return rows.map(row => ({
      day: row.day,
      currency: row.currency,
      amount: normalizeAmount(row.amount),
    }));
  }
}
