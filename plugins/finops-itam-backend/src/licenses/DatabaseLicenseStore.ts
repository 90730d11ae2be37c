import {
  LicenseEntitlement,
  LicenseProduct,
  LicenseSeat,
} from '@finops-itam/plugin-finops-itam-common';
import { Knex } from 'knex';
import { bumpCostDataVersion } from '../database/costDataVersion';
import { normalizeAmount } from '../money';
import {
  LicenseCostRunWrite,
  LicenseDailyCostRow,
  LicenseSourceState,
  LicenseStore,
  StoredRequirementShare,
  StoredSeat,
} from './LicenseStore';
import {
  COST_FACTS_TABLE,
  LICENSE_COST_STATE_TABLE,
  LICENSE_DAILY_COST_TABLE,
  LICENSE_DAILY_REQUIREMENT_TABLE,
  LICENSE_ENTITLEMENTS_TABLE,
  LICENSE_PRODUCTS_TABLE,
  LICENSE_SEATS_TABLE,
  LICENSE_SOURCES_TABLE,
} from '../database/tables';

// Kept importable from here for tests that named them before the interface.
export type {
  LicenseCostRunWrite,
  LicenseDailyCostRow,
  LicenseSourceState,
  StoredRequirementShare,
  StoredSeat,
} from './LicenseStore';

/** Keeps insert batches under SQLite's bound-parameter limit. */
const BATCH = 100;

/** Product overrides, entitlements, seats, source states and daily license cost. */
export class DatabaseLicenseStore implements LicenseStore {
  constructor(private readonly db: Knex) {}

  async listProductOverrides(): Promise<LicenseProduct[]> {
    const rows = await this.db(LICENSE_PRODUCTS_TABLE)
      .select('definition')
      .orderBy('id');
    return rows.map(row => JSON.parse(row.definition));
  }

  async upsertProductOverrides(products: LicenseProduct[]): Promise<void> {
    const now = new Date();
    await this.db.transaction(async tx => {
      for (const product of products) {
        await tx(LICENSE_PRODUCTS_TABLE)
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
    const rows = await this.db(LICENSE_ENTITLEMENTS_TABLE)
      .select('definition')
      .orderBy('id');
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
        deleted = await tx(LICENSE_ENTITLEMENTS_TABLE)
          .where('source_id', sourceId)
          .whereNotIn(
            'id',
            entitlements.map(e => e.id),
          )
          .delete();
      }
      for (const entitlement of entitlements) {
        await tx(LICENSE_ENTITLEMENTS_TABLE)
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
    const rows = await this.db(LICENSE_SEATS_TABLE)
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
      await tx(LICENSE_SEATS_TABLE).where('product_id', productId).delete();
      const rows = seats.map(seat => ({
        product_id: productId,
        user_id: seat.user,
        last_active: seat.lastActive ?? null,
        entity_ref: seat.entityRef ?? null,
        imported_at: now,
      }));
      for (let i = 0; i < rows.length; i += BATCH) {
        await tx(LICENSE_SEATS_TABLE).insert(rows.slice(i, i + BATCH));
      }
    });
  }

  async getSourceState(id: string): Promise<LicenseSourceState | undefined> {
    const row = await this.db(LICENSE_SOURCES_TABLE).where('id', id).first();
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
    await this.db(LICENSE_SOURCES_TABLE)
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
   * A fingerprint of each month's cost facts: how many, the highest id and how many still
   * wait for allocation. A re-delivered billing period replaces its facts (new ids), and
   * retention drops some, so either changes it; so does the allocation of new facts.
   */
  async factMonthFingerprints(): Promise<Map<string, string>> {
    const month = this.db.raw('substr(day, 1, 7)');
    const rows = await this.db(COST_FACTS_TABLE)
      .select({ month })
      .count({ facts: '*' })
      .max({ highest: 'id' })
      .sum({
        waiting: this.db.raw(
          'CASE WHEN allocated_at IS NULL THEN 1 ELSE 0 END',
        ),
      })
      .groupBy(month);
    return new Map(
      rows.map((row: any) => [
        row.month,
        `${Number(row.facts)}:${row.highest}:${Number(row.waiting ?? 0)}`,
      ]),
    );
  }

  /** What the stored shares and daily cost were computed from. */
  async readCostState(): Promise<Map<string, string>> {
    const rows = await this.db(LICENSE_COST_STATE_TABLE).select(
      'name',
      'value',
    );
    return new Map(rows.map(row => [row.name, row.value]));
  }

  /** Stored requirement shares of a product in `[from, to]`. */
  async readShares(
    productId: string,
    from: string,
    to: string,
  ): Promise<StoredRequirementShare[]> {
    const rows = await this.db(LICENSE_DAILY_REQUIREMENT_TABLE)
      .where('product_id', productId)
      .andWhere('day', '>=', from)
      .andWhere('day', '<=', to)
      .orderBy(['day', 'entity_ref']);
    return rows.map(row => ({
      productId: row.product_id,
      day: row.day,
      entityRef: row.entity_ref === '' ? null : row.entity_ref,
      required: Number(row.required),
      weight: Number(row.weight),
      productRequired: Number(row.product_required),
    }));
  }

  /** A product's daily cost rows, in `range` or all of them. */
  async productCost(
    productId: string,
    range?: { from: string; to: string },
  ): Promise<LicenseDailyCostRow[]> {
    const query = this.db(LICENSE_DAILY_COST_TABLE).where(
      'product_id',
      productId,
    );
    if (range)
      query.andWhere('day', '>=', range.from).andWhere('day', '<=', range.to);
    const rows = await query;
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

  /** Writes one license cost run: shares, cost and state together, or nothing. */
  async writeCostRun(run: LicenseCostRunWrite): Promise<void> {
    await this.db.transaction(async tx => {
      for (const { from, to, rows } of run.shares) {
        await tx(LICENSE_DAILY_REQUIREMENT_TABLE)
          .where('day', '>=', from)
          .andWhere('day', '<=', to)
          .delete();
        const records = rows.map(row => ({
          product_id: row.productId,
          day: row.day,
          entity_ref: row.entityRef ?? '',
          required: row.required,
          weight: row.weight,
          product_required: row.productRequired,
        }));
        for (let i = 0; i < records.length; i += BATCH) {
          await tx(LICENSE_DAILY_REQUIREMENT_TABLE).insert(
            records.slice(i, i + BATCH),
          );
        }
      }
      for (const { productId, range, rows } of run.cost) {
        const old = tx(LICENSE_DAILY_COST_TABLE).where('product_id', productId);
        if (range)
          old.andWhere('day', '>=', range.from).andWhere('day', '<=', range.to);
        await old.delete();
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
          await tx(LICENSE_DAILY_COST_TABLE).insert(
            records.slice(i, i + BATCH),
          );
        }
      }
      for (const [name, value] of run.state) {
        await tx(LICENSE_COST_STATE_TABLE)
          .insert({ name, value })
          .onConflict('name')
          .merge();
      }
      if (run.costChanged) await bumpCostDataVersion(tx);
    });
  }

  /** Daily cost rows of some entities in `[from, to]` (inclusive days). */
  async dailyCost(
    entityRefs: string[],
    from: string,
    to: string,
  ): Promise<LicenseDailyCostRow[]> {
    if (entityRefs.length === 0) return [];
    const rows = await this.db(LICENSE_DAILY_COST_TABLE)
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
