import {
  LicenseEntitlement,
  LicenseSeat,
} from '@finops-itam/plugin-finops-itam-common';
import { LicenseProductOverrideStore } from './LicenseProductCatalog';

/** One stored seat of a SaaS product. */
export interface StoredSeat extends LicenseSeat {
  productId: string;
}

/** State of an entitlement file source. */
export interface LicenseSourceState {
  id: string;
  fingerprints: Record<string, string>;
  lastRunAt: string | null;
  lastStatus: 'loaded' | 'skipped' | 'rejected' | 'failed' | null;
  lastMessage: string | null;
}

/** One row of daily license cost. */
export interface LicenseDailyCostRow {
  entitlementId: string;
  productId: string;
  entityRef: string;
  day: string;
  currency: string;
  amount: string;
  shelfware: boolean;
}

/** One entity's requirement of a product on a day, needing entitlements (the daily shares). */
export interface StoredRequirementShare {
  productId: string;
  day: string;
  /** Null when no entity owns the consumption. */
  entityRef: string | null;
  required: number;
  weight: number;
  productRequired: number;
}

/** What one license cost run writes, in one transaction. */
export interface LicenseCostRunWrite {
  /** Share rows replacing those of the days `from`–`to`. */
  shares: Array<{ from: string; to: string; rows: StoredRequirementShare[] }>;
  /** Cost rows replacing a product's rows of the days `from`–`to`, or all its rows without a range. */
  cost: Array<{
    productId: string;
    range?: { from: string; to: string };
    rows: LicenseDailyCostRow[];
  }>;
  /** State entries to set. */
  state: Map<string, string>;
  /** Whether cost answers change, so the cost data version must rise. */
  costChanged: boolean;
}

/**
 * Product overrides, entitlements, seats, the state of license file sources, and the daily
 * requirement shares and license cost the cost task computes.
 */
export interface LicenseStore extends LicenseProductOverrideStore {
  listEntitlements(): Promise<LicenseEntitlement[]>;
  /**
   * Upserts entitlements by id in one transaction. With `replaceSource`, entitlements that
   * source loaded before and no longer lists are deleted in the same transaction, so a
   * source file is the whole truth of its entitlements and a failure changes nothing.
   */
  upsertEntitlements(
    entitlements: LicenseEntitlement[],
    sourceId: string,
    options?: { replaceSource?: boolean },
  ): Promise<{ upserted: number; deleted: number }>;
  listSeats(): Promise<StoredSeat[]>;
  /** Replaces the seats of one product with an import, all or nothing. */
  replaceSeats(productId: string, seats: LicenseSeat[]): Promise<void>;
  getSourceState(id: string): Promise<LicenseSourceState | undefined>;
  saveSourceState(state: LicenseSourceState): Promise<void>;
  /**
   * A fingerprint of each month's cost facts: how many, the highest id and how many still
   * wait for allocation; a re-delivery, retention or a new allocation changes it.
   */
  factMonthFingerprints(): Promise<Map<string, string>>;
  /** What the stored shares and daily cost were computed from. */
  readCostState(): Promise<Map<string, string>>;
  /** Stored requirement shares of a product in `[from, to]`. */
  readShares(
    productId: string,
    from: string,
    to: string,
  ): Promise<StoredRequirementShare[]>;
  /** A product's daily cost rows, in `range` or all of them. */
  productCost(
    productId: string,
    range?: { from: string; to: string },
  ): Promise<LicenseDailyCostRow[]>;
  /** Writes one license cost run: shares, cost and state together, or nothing. */
  writeCostRun(run: LicenseCostRunWrite): Promise<void>;
  /** Daily cost rows of some entities in `[from, to]` (inclusive days). */
  dailyCost(
    entityRefs: string[],
    from: string,
    to: string,
  ): Promise<LicenseDailyCostRow[]>;
}
