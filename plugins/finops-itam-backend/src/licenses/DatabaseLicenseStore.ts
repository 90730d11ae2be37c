import {
  LicenseEntitlement,
  LicenseProduct,
  LicenseSeat,
} from '@finops-itam/plugin-finops-itam-common';
import { Knex } from 'knex';
import { bumpCostDataVersion } from '../database/costDataVersion';
import {
  LICENSE_DAILY_COST_DIGEST,
  digestRows,
  readDigest,
  writeDigest,
} from '../database/outputDigests';
import { normalizeAmount } from '../ingestion/money';
import { LicenseProductOverrideStore } from './LicenseProductCatalog';
import { paymentsOf } from './licensePayments';

/** Entitlements written by `PUT /licenses/entitlements` carry this source id. */
export const API_SOURCE_ID = 'api';

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

const PRODUCTS = 'finops_itam_license_products';
const ENTITLEMENTS = 'finops_itam_license_entitlements';
const SEATS = 'finops_itam_license_seats';
const SOURCES = 'finops_itam_license_sources';
const DAILY_COST = 'finops_itam_license_daily_cost';

/** Keeps insert batches under SQLite's bound-parameter limit. */
const BATCH = 100;

/** Product overrides, entitlements, seats, source states and daily license cost. */
export class DatabaseLicenseStore implements LicenseProductOverrideStore {
  constructor(private readonly db: Knex) {}

  async listProductOverrides(): Promise<LicenseProduct[]> {
    const rows = await this.db(PRODUCTS).select('definition').orderBy('id');
    return rows.map(row => JSON.parse(row.definition));
  }

  async upsertProductOverrides(products: LicenseProduct[]): Promise<void> {
    const now = new Date();
    await this.db.transaction(async tx => {
      for (const product of products) {
        await tx(PRODUCTS)
          .insert({
            id: product.id,
            definition: JSON.stringify(product),
            updated_at: now,
          })
          .onConflict('id')
          .merge();
      }
    });
  }

  async listEntitlements(): Promise<LicenseEntitlement[]> {
    const rows = await this.db(ENTITLEMENTS).select('definition').orderBy('id');
    return rows.map(row => JSON.parse(row.definition));
  }

  /**
   * Upserts entitlements by id in one transaction. With `replaceSource`, entitlements that
   * source loaded before and no longer lists are deleted in the same transaction, so a
   * source file is the whole truth of its entitlements and a failure changes nothing.
   */
  async upsertEntitlements(
    entitlements: LicenseEntitlement[],
    sourceId: string,
    options: { replaceSource?: boolean } = {},
  ): Promise<{ upserted: number; deleted: number }> {
    const now = new Date();
    return this.db.transaction(async tx => {
      let deleted = 0;
      if (options.replaceSource) {
        deleted = await tx(ENTITLEMENTS)
          .where('source_id', sourceId)
          .whereNotIn(
            'id',
            entitlements.map(e => e.id),
          )
          .delete();
      }
      for (const entitlement of entitlements) {
        await tx(ENTITLEMENTS)
          .insert({
            id: entitlement.id,
            product_id: entitlement.productId,
            source_id: sourceId,
            definition: JSON.stringify(entitlement),
            updated_at: now,
          })
          .onConflict('id')
          .merge();
      }
      return { upserted: entitlements.length, deleted };
    });
  }

  async listSeats(): Promise<StoredSeat[]> {
    const rows = await this.db(SEATS)
      .select()
      .orderBy(['product_id', 'user_id']);
    return rows.map(row => ({
      productId: row.product_id,
      user: row.user_id,
      lastActive: row.last_active,
      entityRef: row.entity_ref,
    }));
  }

  /** Replaces the seats of one product with an import, all or nothing. */
  async replaceSeats(productId: string, seats: LicenseSeat[]): Promise<void> {
    const now = new Date();
    await this.db.transaction(async tx => {
      await tx(SEATS).where('product_id', productId).delete();
      const rows = seats.map(seat => ({
        product_id: productId,
        user_id: seat.user,
        last_active: seat.lastActive ?? null,
        entity_ref: seat.entityRef ?? null,
        imported_at: now,
      }));
      for (let i = 0; i < rows.length; i += BATCH) {
        await tx(SEATS).insert(rows.slice(i, i + BATCH));
      }
    });
  }

  async getSourceState(id: string): Promise<LicenseSourceState | undefined> {
    const row = await this.db(SOURCES).where('id', id).first();
    if (!row) return undefined;
    return {
      id,
      fingerprints: row.fingerprints ? JSON.parse(row.fingerprints) : {},
      lastRunAt: row.last_run_at
        ? new Date(row.last_run_at).toISOString()
        : null,
      lastStatus: row.last_status,
      lastMessage: row.last_message,
    };
  }

  async saveSourceState(state: LicenseSourceState): Promise<void> {
    await this.db(SOURCES)
      .insert({
        id: state.id,
        fingerprints: JSON.stringify(state.fingerprints),
        last_run_at: state.lastRunAt ? new Date(state.lastRunAt) : null,
        last_status: state.lastStatus,
        last_message: state.lastMessage,
      })
      .onConflict('id')
      .merge();
  }

  /**
   * Replaces all daily license cost in one transaction: readers never see half a run.
   * Rows equal to the stored ones (same digest) are not rewritten, and cached cost answers
   * stay valid. Says whether anything was written.
   */
  async replaceDailyCost(rows: LicenseDailyCostRow[]): Promise<boolean> {
    return this.db.transaction(async tx => {
      // The billed basis reads the entitlements' payments with these rows: a changed
      // schedule must raise the cost data version even when the amortized rows stay equal.
      const payments = (await tx(ENTITLEMENTS).select('definition')).flatMap(row => {
        const entitlement: LicenseEntitlement = JSON.parse(row.definition);
        return paymentsOf(entitlement).map(p => ['payment', entitlement.id, p.date, p.amount, entitlement.cost.currency]);
      });
      const digest = digestRows([
        ...rows.map(r => [r.entitlementId, r.productId, r.entityRef, r.day, r.currency, r.amount, r.shelfware]),
        ...payments,
      ]);
      if ((await readDigest(tx, LICENSE_DAILY_COST_DIGEST)) === digest) {
        return false;
      }
      await tx(DAILY_COST).delete();
      const records = rows.map(row => ({
        entitlement_id: row.entitlementId,
        product_id: row.productId,
        entity_ref: row.entityRef,
        day: row.day,
        currency: row.currency,
        amount: row.amount,
        shelfware: row.shelfware,
      }));
      for (let i = 0; i < records.length; i += BATCH) {
        await tx(DAILY_COST).insert(records.slice(i, i + BATCH));
      }
      await writeDigest(tx, LICENSE_DAILY_COST_DIGEST, digest);
      await bumpCostDataVersion(tx);
      return true;
    });
  }

  /** Daily cost rows of some entities in `[from, to]` (inclusive days). */
  async dailyCost(
    entityRefs: string[],
    from: string,
    to: string,
  ): Promise<LicenseDailyCostRow[]> {
    if (entityRefs.length === 0) return [];
    const rows = await this.db(DAILY_COST)
      .whereIn('entity_ref', entityRefs)
      .andWhere('day', '>=', from)
      .andWhere('day', '<=', to)
      .orderBy(['entity_ref', 'day', 'currency', 'entitlement_id']);
    return rows.map(row => ({
      entitlementId: row.entitlement_id,
      productId: row.product_id,
      entityRef: row.entity_ref,
      day: row.day,
      currency: row.currency,
      amount: normalizeAmount(row.amount),
      shelfware: Boolean(row.shelfware),
    }));
  }
}
