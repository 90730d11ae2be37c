import { Money } from '../../money';
import { DatabaseLicenseStore } from '../DatabaseLicenseStore';

/** One entity's license cost on one day, in one currency. */
export interface LicenseDailyCost {
  entityRef: string;
  day: string;
  currency: string;
  /** Exact decimal string. */
  amount: string;
}

/**
 * Reads the daily license cost of entities (their share of entitlement cost, and for owner
 * groups the shelfware), summed over entitlements. Only tests read license cost this way:
 * the entity-cost API and reports read it through the cost report store.
 */
export interface LicenseCostReader {
  /**
   * Cost per entity, day and currency for days `from` to `to` (both `YYYY-MM-DD`, inclusive),
   * summed over entitlements. Entity refs are compared lowercased.
   */
  dailyLicenseCost(
    entityRefs: string[],
    from: string,
    to: string,
  ): Promise<LicenseDailyCost[]>;
}

/** The reader over `finops_itam_license_daily_cost`. */
export class DatabaseLicenseCostReader implements LicenseCostReader {
  constructor(
    private readonly store: Pick<DatabaseLicenseStore, 'dailyCost'>,
  ) {}

  async dailyLicenseCost(
    entityRefs: string[],
    from: string,
    to: string,
  ): Promise<LicenseDailyCost[]> {
    const refs = [
      ...new Set(entityRefs.map(ref => ref.toLocaleLowerCase('en-US'))),
    ];
    const rows = await this.store.dailyCost(refs, from, to);
    const sums = new Map<string, LicenseDailyCost>();
    for (const row of rows) {
      const key = JSON.stringify([row.entityRef, row.day, row.currency]);
      const earlier = sums.get(key);
      sums.set(key, {
        entityRef: row.entityRef,
        day: row.day,
        currency: row.currency,
        amount: earlier
          ? new Money(earlier.amount).plus(row.amount).toFixed()
          : row.amount,
      });
    }
    return [...sums.values()];
  }
}
