import { Knex } from 'knex';
import { DbNotificationClaimsRow, NOTIFICATION_CLAIMS_TABLE } from './tables';

/**
 * How long a claim holds: longer than any send takes, short enough that a notification
 * whose run was killed mid-send goes out on a later run.
 */
const STALE_CLAIM_MS = 10 * 60_000;

/**
 * Makes "send once" hold across runs and replicas. A run claims a notification's key,
 * checks that it is still untold (another run may have told it since this run looked),
 * sends, records it as told, and releases the key. A key claimed by another run within the
 * last ten minutes is not the caller's to send.
 */
export class NotificationClaimStore {
  constructor(private readonly db: Knex) {}

  /** True when the caller now holds `key`: it checks, sends and releases it. */
  async claim(key: string, now: Date): Promise<boolean> {
    const inserted = await this.db<DbNotificationClaimsRow>(
      NOTIFICATION_CLAIMS_TABLE,
    )
      .insert({ key, claimed_at: now })
      .onConflict('key')
      .ignore()
      .returning('key');
    if (inserted.length > 0) return true;
    // Another run's claim, taken over only when stale (its run died). Two runs taking over
    // at once both run this update; the row lock lets one through and the other's
    // condition no longer holds.
    const takenOver = await this.db(NOTIFICATION_CLAIMS_TABLE)
      .where('key', key)
      .where('claimed_at', '<', new Date(now.getTime() - STALE_CLAIM_MS))
      .update({ claimed_at: now });
    return takenOver > 0;
  }

  /** Lets go of keys once they are recorded as told, or their send failed. */
  async release(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db(NOTIFICATION_CLAIMS_TABLE).whereIn('key', keys).delete();
  }
}
