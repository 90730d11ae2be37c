import { Knex } from 'knex';

/** One daily license cost share as the license cost task stores it. */
export interface LicenseShare {
  entityRef: string;
  day: string;
  amount: string;
  /** The unused share, charged to the entitlement's owner group. */
  shelfware?: boolean;
  /** USD unless given; a share in another currency comes from its own entitlement. */
  currency?: string;
}

/**
 * Stores license cost shares of one entitlement per currency (USD unless given) directly, for tests of the readers
 * (cost, team cost, chargeback) that should not depend on how shares are computed.
 */
export async function insertLicenseShares(
  knex: Knex,
  shares: LicenseShare[],
): Promise<void> {
  await knex('finops_itam_license_daily_cost').insert(
    shares.map(share => ({
      entitlement_id:
        share.currency && share.currency !== 'USD'
          ? `test-entitlement-${share.currency}`
          : 'test-entitlement',
      product_id: 'rhel',
      entity_ref: share.entityRef,
      day: share.day,
      currency: share.currency ?? 'USD',
      amount: share.amount,
      shelfware: share.shelfware ?? false,
    })),
  );
}
