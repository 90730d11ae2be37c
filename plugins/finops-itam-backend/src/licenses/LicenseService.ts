import { AuthService } from '@backstage/backend-plugin-api';
import { CompoundEntityRef, Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_LICENSES,
  EntitlementRejection,
  EntityLicensesResponse,
  LicenseCatalogResponse,
  LicenseEntitlement,
  LicensePositionEntry,
  LicenseProduct,
  LicenseSeat,
  ReharvestResponse,
  UnknownLicenseProductUse,
  parseLicensesAnnotation,
} from '@finops-itam/plugin-finops-itam-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { Money } from '../ingestion/money';
import {
  LicensedResource,
  groupLicensedResources,
  readLicensedFacts,
} from './costDataLicenses';
import { DatabaseLicenseStore } from './DatabaseLicenseStore';
import { addDays, dayOf, eachDay } from './days';
import { EntitlementRecord, isoDay, validateEntitlements } from './entitlementSchema';
import { InstanceTypeTable } from './instanceTypes';
import { LicenseConfig } from './licenseConfig';
import {
  Consumption,
  Declaration,
  collectConsumption,
  costDataConsumptions,
  needsEntitlement,
} from './licenseConsumption';
import { computeLicenseDailyCost, ProductRequirements } from './licenseCost';
import {
  computeCatalogProducts,
  computePosition,
  computeReharvest,
  isActiveOn,
} from './licensePosition';
import { LicenseProductCatalog } from './LicenseProductCatalog';
import { entityLicenseUsage } from './entityLicenseUsage';

/** Everything the license API answers from, computed together so the answers agree. */
export interface LicenseSnapshot {
  today: string;
  products: Map<string, LicenseProduct>;
  entitlements: LicenseEntitlement[];
  consumptions: Consumption[];
  unknownProducts: UnknownLicenseProductUse[];
  position: LicensePositionEntry[];
  latestCostDay: string | null;
  lifecycles: Map<string, string | undefined>;
}

/** Invalid entitlement records: the batch was not stored. */
export class EntitlementRejectedError extends InputError {
  constructor(readonly rejections: EntitlementRejection[]) {
    const shown = rejections
      .slice(0, 5)
      .map(r => `${r.file ? `${r.file} ` : ''}#${r.index}${r.id ? ` (${r.id})` : ''} ${r.field}: ${r.reason}`);
    if (rejections.length > 5) shown.push('…');
    super(`${rejections.length} problem(s) in the entitlements, none stored: ${shown.join('; ')}`);
  }
}

const seatsSchema = z.object({
  seats: z.array(
    z
      .object({
        user: z.string().trim().min(1, 'is required'),
        lastActive: isoDay.nullable().optional(),
        entityRef: z.string().trim().min(1).nullable().optional(),
      })
      .strict(),
  ),
});

export interface LicenseServiceOptions {
  db: Knex;
  store: DatabaseLicenseStore;
  productCatalog: LicenseProductCatalog;
  catalog: Pick<CatalogService, 'getEntities' | 'getEntityByRef'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  config: Pick<LicenseConfig, 'costData' | 'instanceTypes' | 'unauthorizedProducts' | 'inactiveSeatDays'>;
  now?: () => Date;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** License products, entitlements, consumption and the position computed from them. */
export class LicenseService {
  private readonly instanceTypes: InstanceTypeTable;
  private readonly now: () => Date;

  constructor(private readonly options: LicenseServiceOptions) {
    this.instanceTypes = new InstanceTypeTable(options.config.instanceTypes);
    this.now = options.now ?? (() => new Date());
  }

  listProducts(): Promise<LicenseProduct[]> {
    return this.options.productCatalog.list();
  }

  /** Validates and stores complete product definitions (all or none). */
  upsertProducts(input: unknown): Promise<LicenseProduct[]> {
    return this.options.productCatalog.upsert(input);
  }

  listEntitlements(): Promise<LicenseEntitlement[]> {
    return this.options.store.listEntitlements();
  }

  /**
   * Validates and stores entitlements from the API or the files of a source: all of them,
   * or (with any rejection in any file) none. With `replaceSource`, the batch replaces
   * what the source loaded before, in the same transaction.
   */
  async applyEntitlements(
    batches: Array<{ records: EntitlementRecord[]; positionName: string; file?: string }>,
    sourceId: string,
    options: { replaceSource?: boolean } = {},
  ): Promise<{ upserted: number; deleted: number }> {
    const products = await this.options.productCatalog.byId();
    const entitlements: LicenseEntitlement[] = [];
    const rejections: EntitlementRejection[] = [];
    const fileOfId = new Map<string, string | undefined>();
    for (const batch of batches) {
      const result = validateEntitlements(batch.records, products, batch);
      rejections.push(...result.rejections);
      for (const entitlement of result.entitlements) {
        if (fileOfId.has(entitlement.id)) {
          const record = batch.records.find(r => (r.value as { id?: string })?.id?.trim() === entitlement.id);
          rejections.push({
            index: record?.position ?? -1,
            id: entitlement.id,
            field: 'id',
            reason: `duplicate id "${entitlement.id}": also in ${fileOfId.get(entitlement.id) ?? 'another file'}`,
            ...(batch.file ? { file: batch.file } : {}),
          });
          continue;
        }
        fileOfId.set(entitlement.id, batch.file);
        entitlements.push(entitlement);
      }
    }
    if (rejections.length > 0) throw new EntitlementRejectedError(rejections);
    return this.options.store.upsertEntitlements(entitlements, sourceId, options);
  }

  /** Replaces the assigned seats of a product. */
  async replaceSeats(productId: string, body: unknown): Promise<number> {
    const products = await this.options.productCatalog.byId();
    if (!products.has(productId)) {
      throw new NotFoundError(`No license product "${productId}"; see GET /licenses/products`);
    }
    const parsed = seatsSchema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(i => `${i.path.join('.') || 'body'} ${i.message}`);
      throw new InputError(`Invalid seats, none stored: ${issues.join('; ')}`);
    }
    const seen = new Set<string>();
    const seats: LicenseSeat[] = [];
    for (const [index, seat] of parsed.data.seats.entries()) {
      if (seen.has(seat.user)) throw new InputError(`Invalid seats, none stored: seats.${index}.user "${seat.user}" is listed twice`);
      seen.add(seat.user);
      seats.push({ ...seat, entityRef: seat.entityRef ? lower(seat.entityRef) : null });
    }
    await this.options.store.replaceSeats(productId, seats);
    return seats.length;
  }

  private async catalogEntities(): Promise<Entity[]> {
    const { items } = await this.options.catalog.getEntities(
      {
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.annotations', 'spec.lifecycle'],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    return items;
  }

  async snapshot(): Promise<LicenseSnapshot> {
    const today = dayOf(this.now());
    const [products, entitlements, seats, facts, entities] = await Promise.all([
      this.options.productCatalog.byId(),
      this.options.store.listEntitlements(),
      this.options.store.listSeats(),
      readLicensedFacts(this.options.db, this.options.config.costData),
      this.catalogEntities(),
    ]);
    const resources = groupLicensedResources(facts.rows, this.options.config.costData, this.instanceTypes);
    const lifecycles = new Map<string, string | undefined>();
    const declarations: Declaration[] = [];
    for (const entity of entities) {
      const ref = lower(stringifyEntityRef(entity));
      lifecycles.set(ref, entity.spec?.lifecycle as string | undefined);
      const annotation = entity.metadata.annotations?.[ANNOTATION_LICENSES];
      if (annotation === undefined) continue;
      const parsed = parseLicensesAnnotation(annotation);
      // Invalid annotations are reported by the catalog module's validation, not here.
      if (parsed.ok) {
        declarations.push(...parsed.value.map(l => ({ entityRef: ref, productId: l.productId, quantity: l.quantity })));
      }
    }
    const activeEntitlements = new Map<string, LicenseEntitlement[]>();
    for (const e of entitlements.filter(x => isActiveOn(x, today))) {
      activeEntitlements.set(e.productId, [...(activeEntitlements.get(e.productId) ?? []), e]);
    }
    const { consumptions, unknownProducts } = collectConsumption({
      products,
      activeEntitlements,
      resources,
      declarations,
      seats,
      unauthorizedProducts: this.options.config.unauthorizedProducts,
    });
    const trend = this.dailyTrend(resources, facts.latestDay, { products, activeEntitlements });
    const position = computePosition({ products, entitlements, consumptions, trend, today });
    return {
      today,
      products,
      entitlements,
      consumptions,
      unknownProducts,
      position,
      latestCostDay: facts.latestDay,
      lifecycles,
    };
  }

  /**
   * Requirement per day, counted with the same rules as today's, for each product from the
   * first day it appears in the cost window to the latest cost day. Starting at the first
   * appearance keeps days before any data from reading as a ramp up from zero.
   */
  private dailyTrend(
    resources: LicensedResource[],
    latestDay: string | null,
    input: Parameters<typeof costDataConsumptions>[1],
  ): Map<string, Array<{ day: string; value: number }>> {
    const trend = new Map<string, Array<{ day: string; value: number }>>();
    if (!latestDay || resources.length === 0) return trend;
    const firstSeen = new Map<string, string>();
    for (const resource of resources) {
      const first = [...resource.days].sort()[0];
      for (const productId of resource.detections.keys()) {
        const earlier = firstSeen.get(productId);
        if (!earlier || first < earlier) firstSeen.set(productId, first);
      }
    }
    const start = [...firstSeen.values()].sort()[0];
    for (const day of eachDay(start, latestDay)) {
      const totals = new Map<string, number>();
      for (const c of costDataConsumptions(resources.filter(r => r.days.has(day)), input).filter(needsEntitlement)) {
        totals.set(c.productId, (totals.get(c.productId) ?? 0) + c.counted);
      }
      for (const [productId, first] of firstSeen) {
        if (day < first) continue;
        trend.set(productId, [...(trend.get(productId) ?? []), { day, value: totals.get(productId) ?? 0 }]);
      }
    }
    return trend;
  }

  async position(): Promise<LicensePositionEntry[]> {
    return (await this.snapshot()).position;
  }

  async reharvest(): Promise<ReharvestResponse> {
    const s = await this.snapshot();
    return {
      candidates: computeReharvest({
        consumptions: s.consumptions,
        lifecycles: s.lifecycles,
        today: s.today,
        latestCostDay: s.latestCostDay,
        inactiveSeatDays: this.options.config.inactiveSeatDays,
        absentAfterDays: this.options.config.costData.absentAfterDays,
      }),
    };
  }

  async catalogFeed(): Promise<LicenseCatalogResponse> {
    const s = await this.snapshot();
    return {
      products: computeCatalogProducts({
        products: s.products,
        entitlements: s.entitlements,
        consumptions: s.consumptions,
        trend: new Map(),
        today: s.today,
        position: s.position,
        knownEntityRefs: new Set(s.lifecycles.keys()),
      }),
    };
  }

  async unknownProducts(): Promise<UnknownLicenseProductUse[]> {
    return (await this.snapshot()).unknownProducts;
  }

  /** An entity's license use; NotFoundError when the catalog does not know it. */
  async entityLicenses(ref: CompoundEntityRef): Promise<EntityLicensesResponse> {
    const entityRef = lower(stringifyEntityRef(ref));
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog; check the kind, namespace and name`);
    }
    const s = await this.snapshot();
    const reharvest = computeReharvest({
      consumptions: s.consumptions.filter(c => c.entityRef === entityRef),
      lifecycles: s.lifecycles,
      today: s.today,
      latestCostDay: s.latestCostDay,
      inactiveSeatDays: this.options.config.inactiveSeatDays,
      absentAfterDays: this.options.config.costData.absentAfterDays,
    });
    const monthly = await this.monthlyCost(entityRef, s.today);
    const products = entityLicenseUsage({
      entityRef,
      products: s.products,
      entitlements: s.entitlements,
      consumptions: s.consumptions,
      position: s.position,
      reharvest,
      monthlyCost: monthly,
    });
    return {
      entityRef,
      products,
      unknownProducts: s.unknownProducts.filter(u => u.entityRef === entityRef),
    };
  }

  /** The entity's license cost per product over the latest full calendar month. */
  private async monthlyCost(entityRef: string, today: string) {
    const firstOfMonth = `${today.slice(0, 7)}-01`;
    const to = addDays(firstOfMonth, -1);
    const from = `${to.slice(0, 7)}-01`;
    const rows = await this.options.store.dailyCost([entityRef], from, to);
    const sums = new Map<string, { amount: string; currency: string }>();
    for (const row of rows.filter(r => !r.shelfware)) {
      const earlier = sums.get(row.productId);
      // One currency per product in practice; a second one is left out rather than mixed.
      if (earlier && earlier.currency !== row.currency) continue;
      sums.set(row.productId, {
        currency: row.currency,
        amount: earlier ? new Money(earlier.amount).plus(row.amount).toFixed() : row.amount,
      });
    }
    return sums;
  }

  /** Recomputes and stores the daily license cost of every entity up to today. */
  async recomputeCost(): Promise<number> {
    const s = await this.snapshot();
    const requirements = new Map<string, ProductRequirements>();
    for (const c of s.consumptions.filter(needsEntitlement)) {
      const needs = requirements.get(c.productId) ?? new Map();
      needs.set(c.entityRef, (needs.get(c.entityRef) ?? 0) + c.counted);
      requirements.set(c.productId, needs);
    }
    const rows = computeLicenseDailyCost(s.entitlements, requirements, s.today);
    await this.options.store.replaceDailyCost(rows);
    return rows.length;
  }
}
