import { AuthService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_LICENSES,
  EntitlementRejection,
  EntityLicensesResponse,
  LicenseCatalogResponse,
  LicenseComplianceResponse,
  LicenseEntitlement,
  LicensePositionEntry,
  LicenseProduct,
  LicenseSeat,
  ReharvestResponse,
  UnknownLicenseProductUse,
  parseLicensesAnnotation,
} from '@finops-itam/plugin-finops-itam-common';
import { z } from 'zod';
import { groupLicensedResources, readLicensedFacts } from './costDataLicenses';
import { LicenseStore, LicenseDailyCostRow } from './LicenseStore';
import { dayOf } from './days';
import {
  EntitlementRecord,
  isoDay,
  validateEntitlements,
} from './entitlementSchema';
import { InstanceTypeTable } from './instanceTypes';
import { LicenseConfig } from './licenseConfig';
import {
  Consumption,
  Declaration,
  collectConsumption,
  costDataConsumptions,
} from './licenseConsumption';
import { runLicenseCost } from './licenseCostRun';
import { digestRows } from '../database/outputDigests';
import type { OnboardingLicenseHolds } from '../feature/hooks';
import {
  compare,
  computeCatalogProducts,
  computePosition,
  computeReharvest,
  isActiveOn,
} from './licensePosition';
import { LicenseProductCatalog } from './LicenseProductCatalog';
import { applyLicenseRights } from './licenseRights';
import { entityLicenseUsage } from './entityLicenseUsage';
import { ROLLUP_KINDS, licenseRollups } from './licenseRollups';
import { SnapshotCache } from './SnapshotCache';
import { ownerOf } from './catalogOwners';
import { computeComplianceRisks } from './complianceRisks';
import {
  migratedWorkloadCandidates,
  withMigratedWorkloads,
} from './migratedWorkloads';
import { applyReservations } from './reservedPosition';
import { readLicensedFactsCompact } from './licensedFactExtract';
import { LicensedFactStore } from './LicensedFactStore';
import { latestFullMonth, licenseCostPerProduct } from './monthlyLicenseCost';
import {
  DailyRequirement,
  dailyRequirement,
  entitiesPeak,
  evaluationWindow,
} from './dailyRequirement';

/** Everything the license API answers from, computed together so the answers agree. */
export interface LicenseSnapshot {
  today: string;
  products: Map<string, LicenseProduct>;
  entitlements: LicenseEntitlement[];
  consumptions: Consumption[];
  unknownProducts: UnknownLicenseProductUse[];
  /** With what approved onboarding requests reserve (`reserved`), as `GET /licenses/position` answers. */
  position: LicensePositionEntry[];
  /** Requirement per product and day: the window, and the last days of deployments that stopped before it. */
  daily: DailyRequirement;
  /** The evaluation window of the position. */
  window: { from: string; to: string };
  latestCostDay: string | null;
  lifecycles: Map<string, string | undefined>;
  /** The refs rolling up into each System and Domain, the entity itself included. */
  rollups: Map<string, string[]>;
  /** Each catalog entity's owner (a full, lowercase ref), for entities that name one. */
  owners: Map<string, string>;
}

/** Invalid entitlement records: the batch was not stored. */
export class EntitlementRejectedError extends InputError {
  constructor(readonly rejections: EntitlementRejection[]) {
    const shown = rejections
      .slice(0, 5)
      .map(
        r =>
          `${r.file ? `${r.file} ` : ''}#${r.index}${
            r.id ? ` (${r.id})` : ''
          } ${r.field}: ${r.reason}`,
      );
    if (rejections.length > 5) shown.push('…');
    super(
      `${
        rejections.length
      } problem(s) in the entitlements, none stored: ${shown.join('; ')}`,
    );
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
  /** The cost facts licenses are detected in, and what tells that they changed. */
  facts: LicensedFactStore;
  store: LicenseStore;
  productCatalog: LicenseProductCatalog;
  catalog: Pick<CatalogService, 'getEntities' | 'getEntityByRef'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  config: Pick<
    LicenseConfig,
    'costData' | 'instanceTypes' | 'unauthorizedProducts' | 'inactiveSeatDays'
  > &
    Partial<
      Pick<LicenseConfig, 'hostTypes' | 'evaluationDays' | 'blockedProducts'>
    >;
  /**
   * What approved onboarding requests hold and which migrations completed; without it (a
   * backend without onboarding) nothing is reserved and no migration is reharvested.
   */
  holds?: OnboardingLicenseHolds;
  now?: () => Date;
  /** How long a computed snapshot is served before it is recomputed; default one minute. */
  snapshotTtlMs?: number;
}

/** The evaluation window of the position when `finopsItam.licenses.evaluationDays` is not set. */
export const DEFAULT_EVALUATION_DAYS = 30;

/** Short enough that catalog edits show up soon, long enough to serve a page's requests. */
const DEFAULT_SNAPSHOT_TTL_MS = 60_000;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

const stampOf = (value: unknown) =>
  value instanceof Date ? value.toISOString() : String(value ?? '');

/** License products, entitlements, consumption and the position computed from them. */
export class LicenseService {
  /** Instance and host types with their vCPUs, shipped and configured: what counting reads. */
  readonly instanceTypes: InstanceTypeTable;
  private readonly now: () => Date;
  private readonly cache: SnapshotCache<LicenseSnapshot>;

  constructor(private readonly options: LicenseServiceOptions) {
    this.instanceTypes = new InstanceTypeTable(
      options.config.instanceTypes,
      options.config.hostTypes,
    );
    this.now = options.now ?? (() => new Date());
    this.cache = new SnapshotCache({
      compute: () => this.computeSnapshot(),
      fingerprint: () => this.costDataFingerprint(),
      ttlMs: options.snapshotTtlMs ?? DEFAULT_SNAPSHOT_TTL_MS,
      now: () => this.now().getTime(),
    });
  }

  /**
   * Drops the cached snapshot. The service's own writes call it; call it too when
   * something it reads changed behind its back.
   */
  invalidate(): void {
    this.cache.invalidate();
  }

  /**
   * What the snapshot depends on besides the license tables (which only change through this
   * service) and the catalog (covered by the TTL): the day, and the latest ingestion and
   * allocation run, whose tables are small. New cost data or a new allocation changes it.
   */
  private async costDataFingerprint(): Promise<string> {
    return JSON.stringify([dayOf(this.now()), await this.costDataStamp()]);
  }

  /** The latest ingestion and allocation run: new cost data or a new allocation changes it. */
  private async costDataStamp(): Promise<string> {
    const [ingestions, allocation] = await Promise.all([
      this.options.facts.ingestionStamp(),
      this.allocationStamp(),
    ]);
    return JSON.stringify([
      ingestions.count,
      stampOf(ingestions.finishedAt),
      allocation,
    ]);
  }

  /** The latest allocation run, or null before any. */
  private async allocationStamp(): Promise<string[] | null> {
    const run = await this.options.facts.latestAllocationRun();
    return run ? [run.id, run.status, stampOf(run.finishedAt)] : null;
  }

  listProducts(): Promise<LicenseProduct[]> {
    return this.options.productCatalog.list();
  }

  /** Validates and stores complete product definitions (all or none). */
  async upsertProducts(input: unknown): Promise<LicenseProduct[]> {
    try {
      return await this.options.productCatalog.upsert(input);
    } finally {
      this.invalidate();
    }
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
    batches: Array<{
      records: EntitlementRecord[];
      positionName: string;
      file?: string;
    }>,
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
          const record = batch.records.find(
            r => (r.value as { id?: string })?.id?.trim() === entitlement.id,
          );
          rejections.push({
            index: record?.position ?? -1,
            id: entitlement.id,
            field: 'id',
            reason: `duplicate id "${entitlement.id}": also in ${
              fileOfId.get(entitlement.id) ?? 'another file'
            }`,
            ...(batch.file ? { file: batch.file } : {}),
          });
          continue;
        }
        fileOfId.set(entitlement.id, batch.file);
        entitlements.push(entitlement);
      }
    }
    if (rejections.length > 0) throw new EntitlementRejectedError(rejections);
    try {
      return await this.options.store.upsertEntitlements(
        entitlements,
        sourceId,
        options,
      );
    } finally {
      this.invalidate();
    }
  }

  /** Replaces the assigned seats of a product. */
  async replaceSeats(productId: string, body: unknown): Promise<number> {
    const products = await this.options.productCatalog.byId();
    if (!products.has(productId)) {
      throw new NotFoundError(
        `No license product "${productId}"; see GET /licenses/products`,
      );
    }
    const parsed = seatsSchema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        i => `${i.path.join('.') || 'body'} ${i.message}`,
      );
      throw new InputError(`Invalid seats, none stored: ${issues.join('; ')}`);
    }
    const seen = new Set<string>();
    const seats: LicenseSeat[] = [];
    for (const [index, seat] of parsed.data.seats.entries()) {
      if (seen.has(seat.user))
        throw new InputError(
          `Invalid seats, none stored: seats.${index}.user "${seat.user}" is listed twice`,
        );
      seen.add(seat.user);
      seats.push({
        ...seat,
        entityRef: seat.entityRef ? lower(seat.entityRef) : null,
      });
    }
    try {
      await this.options.store.replaceSeats(productId, seats);
    } finally {
      this.invalidate();
    }
    return seats.length;
  }

  private async catalogEntities(): Promise<Entity[]> {
    const { items } = await this.options.catalog.getEntities(
      {
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
          'spec.lifecycle',
          'spec.owner',
          // For System and Domain rollups.
          'spec.system',
          'spec.domain',
        ],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    return items;
  }

  /**
   * The current snapshot, from the cache when still valid, with the reservations of approved
   * onboarding requests read at every call: they change when a request is decided, which
   * nothing in the cache's fingerprint sees, and reading them is one small query.
   * Callers must not mutate it.
   */
  async snapshot(): Promise<LicenseSnapshot> {
    const [base, reservations] = await Promise.all([
      this.cache.get(),
      this.options.holds?.reservations() ?? [],
    ]);
    if (reservations.length === 0) return base;
    return {
      ...base,
      position: applyReservations(base.position, {
        products: base.products,
        consumptions: base.consumptions,
        reservations,
      }),
    };
  }

  private async computeSnapshot(): Promise<LicenseSnapshot> {
    const today = dayOf(this.now());
    const [products, entitlements, seats, facts, entities] = await Promise.all([
      this.options.productCatalog.byId(),
      this.options.store.listEntitlements(),
      this.options.store.listSeats(),
      // The window's licensed facts, from their compact extract while no cost data arrived.
      // After an ingestion or allocation run, only months whose facts changed are read again.
      this.costDataStamp().then(stamp =>
        readLicensedFactsCompact(
          this.options.facts,
          this.options.config.costData,
          stamp,
          () => this.options.store.factMonthFingerprints(),
        ),
      ),
      this.catalogEntities(),
    ]);
    const resources = groupLicensedResources(
      facts.rows,
      this.options.config.costData,
      this.instanceTypes,
    );
    const lifecycles = new Map<string, string | undefined>();
    const owners = new Map<string, string>();
    const declarations: Declaration[] = [];
    for (const entity of entities) {
      const ref = lower(stringifyEntityRef(entity));
      lifecycles.set(ref, entity.spec?.lifecycle as string | undefined);
      const owner = ownerOf(entity);
      if (owner) owners.set(ref, owner);
      const annotation = entity.metadata.annotations?.[ANNOTATION_LICENSES];
      if (annotation === undefined) continue;
      const parsed = parseLicensesAnnotation(annotation);
      // Invalid annotations are reported by the catalog module's validation, not here.
      if (parsed.ok) {
        declarations.push(
          ...parsed.value.map(l => ({
            entityRef: ref,
            productId: l.productId,
            quantity: l.quantity,
          })),
        );
      }
    }
    const activeEntitlements = new Map<string, LicenseEntitlement[]>();
    for (const e of entitlements.filter(x => isActiveOn(x, today))) {
      const list = activeEntitlements.get(e.productId);
      if (list) list.push(e);
      else activeEntitlements.set(e.productId, [e]);
    }
    const { consumptions, unknownProducts } = collectConsumption({
      products,
      activeEntitlements,
      resources,
      declarations,
      seats,
      unauthorizedProducts: this.options.config.unauthorizedProducts,
    });
    const window = evaluationWindow(
      today,
      facts.latestDay,
      this.options.config.evaluationDays ?? DEFAULT_EVALUATION_DAYS,
    );
    // The window, and the last days of deployments that stopped before it (for reharvest).
    const lastDays = new Set(
      resources.map(r => r.lastSeen).filter(day => day < window.from),
    );
    const daily = dailyRequirement({
      consumptions,
      products,
      ...window,
      extraDays: lastDays,
    });
    const position = applyLicenseRights(
      computePosition({
        products,
        entitlements,
        consumptions,
        daily,
        window,
        today,
      }),
      { products, entitlements, consumptions, today },
    );
    return {
      today,
      products,
      entitlements,
      consumptions,
      unknownProducts,
      position,
      daily,
      window,
      latestCostDay: facts.latestDay,
      lifecycles,
      rollups: licenseRollups(entities),
      owners,
    };
  }

  async position(): Promise<LicensePositionEntry[]> {
    return (await this.snapshot()).position;
  }

  /**
   * Reharvest candidates, with the workloads that completed migrations replaced and each
   * entity's owner.
   */
  async reharvest(): Promise<ReharvestResponse> {
    const [s, migrations] = await Promise.all([
      this.snapshot(),
      this.options.holds?.completedMigrations() ?? [],
    ]);
    const candidates = withMigratedWorkloads(
      computeReharvest({
        consumptions: s.consumptions,
        products: s.products,
        daily: s.daily,
        window: s.window,
        lifecycles: s.lifecycles,
        today: s.today,
        latestCostDay: s.latestCostDay,
        inactiveSeatDays: this.options.config.inactiveSeatDays,
        absentAfterDays: this.options.config.costData.absentAfterDays,
      }),
      migratedWorkloadCandidates({
        migrations,
        consumptions: s.consumptions,
        daily: s.daily,
        window: s.window,
      }),
    );
    return {
      candidates: candidates.map(c => ({
        ...c,
        owner: c.entityRef ? s.owners.get(c.entityRef) ?? null : null,
      })),
    };
  }

  /** Compliance risks of the position, most severe first, with who runs them. */
  async compliance(): Promise<LicenseComplianceResponse> {
    const s = await this.snapshot();
    return {
      risks: computeComplianceRisks({
        position: s.position,
        consumptions: s.consumptions,
        unknownProducts: s.unknownProducts,
        products: s.products,
        unauthorizedProducts: this.options.config.unauthorizedProducts,
        blockedProducts: this.options.config.blockedProducts ?? [],
        owners: s.owners,
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
        position: s.position,
        knownEntityRefs: new Set(s.lifecycles.keys()),
      }),
    };
  }

  async unknownProducts(): Promise<UnknownLicenseProductUse[]> {
    return (await this.snapshot()).unknownProducts;
  }

  /**
   * An entity's license use; NotFoundError when the catalog does not know it. For a System
   * or Domain, the use of everything that rolls up into it, each reason naming its entity.
   */
  async entityLicenses(
    ref: CompoundEntityRef,
  ): Promise<EntityLicensesResponse> {
    const entityRef = lower(stringifyEntityRef(ref));
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${entityRef} in the catalog; check the kind, namespace and name`,
      );
    }
    // Without reservations: what is deployed was licensed first, so a request approved
    // after it leaves its coverage as it was (the request is the one that does not fit).
    const [s, migrations] = await Promise.all([
      this.cache.get(),
      this.options.holds?.completedMigrations() ?? [],
    ]);
    const rollup = ROLLUP_KINDS.has(entity.kind.toLocaleLowerCase('en-US'));
    const members = new Set(
      rollup ? s.rollups.get(entityRef) ?? [entityRef] : [entityRef],
    );
    const used = s.consumptions.filter(
      c => c.entityRef !== null && members.has(c.entityRef),
    );
    const reharvest = withMigratedWorkloads(
      computeReharvest({
        consumptions: used,
        products: s.products,
        daily: s.daily,
        window: s.window,
        lifecycles: s.lifecycles,
        today: s.today,
        latestCostDay: s.latestCostDay,
        inactiveSeatDays: this.options.config.inactiveSeatDays,
        absentAfterDays: this.options.config.costData.absentAfterDays,
      }),
      // A replaced member's licenses are flagged with the request that replaced it.
      migratedWorkloadCandidates({
        migrations,
        consumptions: used,
        daily: s.daily,
        window: s.window,
      }),
    );
    // Only entities that use a product can carry its cost: that keeps a Domain's query small.
    const monthly = await this.monthlyCost(
      [...new Set(used.map(c => c.entityRef!))],
      s.today,
    );
    const products = entityLicenseUsage({
      entityRefs: members,
      nameEntities: rollup,
      products: s.products,
      entitlements: s.entitlements,
      consumptions: s.consumptions,
      position: s.position,
      reharvest,
      monthlyCost: monthly,
      // Each product's peak day of these entities over the evaluation window.
      requiredOf: (productId, list) =>
        entitiesPeak(
          s.daily.get(productId),
          new Set(list.map(c => c.model)),
          members,
          s.window,
        ),
    });
    return {
      entityRef,
      products,
      unknownProducts: s.unknownProducts.filter(
        u => u.entityRef !== null && members.has(u.entityRef),
      ),
    };
  }

  /** The entities' license cost per product and currency over the latest full calendar month. */
  private async monthlyCost(entityRefs: string[], today: string) {
    const { from, to } = latestFullMonth(today);
    const rows: LicenseDailyCostRow[] = [];
    // In slices, under every database's limit on bound parameters.
    for (let i = 0; i < entityRefs.length; i += 500) {
      rows.push(
        ...(await this.options.store.dailyCost(
          entityRefs.slice(i, i + 500),
          from,
          to,
        )),
      );
    }
    return licenseCostPerProduct(rows);
  }

  /**
   * Brings the daily requirement shares and the daily license cost of every entity up to
   * today, recomputing only what changed since the last run (`licenseCostRun.ts`). Says how
   * many cost rows it wrote.
   */
  async recomputeCost(): Promise<number> {
    // Stored cost should not lag a cached snapshot; readers get the fresh one too.
    // Reservations are not use: cost is computed from the snapshot without them.
    this.invalidate();
    const s = await this.cache.get();
    const { costData, instanceTypes, hostTypes } = this.options.config;
    const activeEntitlements = new Map<string, LicenseEntitlement[]>();
    for (const e of s.entitlements.filter(x => isActiveOn(x, s.today))) {
      activeEntitlements.set(e.productId, [
        ...(activeEntitlements.get(e.productId) ?? []),
        e,
      ]);
    }
    // Declarations and seats have no dates: they count on every day computed while they exist.
    const undated = s.consumptions.filter(c => !c.resource);
    const result = await runLicenseCost({
      store: this.options.store,
      today: s.today,
      products: s.products,
      entitlements: s.entitlements,
      rulesDigest: digestRows([
        [
          JSON.stringify(
            [...s.products.values()].sort((a, b) => compare(a.id, b.id)),
          ),
        ],
        [JSON.stringify([costData, instanceTypes, hostTypes ?? null])],
      ]),
      openBasis: digestRows([
        ...undated.map(c => [c.productId, c.entityRef, c.model, c.counted]),
        ['allocation', JSON.stringify(await this.allocationStamp())],
      ]),
      consumptionsOf: async range => {
        const facts = await readLicensedFacts(
          this.options.facts,
          costData,
          range,
        );
        const resources = groupLicensedResources(
          facts.rows,
          costData,
          this.instanceTypes,
        );
        return [
          ...costDataConsumptions(resources, {
            products: s.products,
            activeEntitlements,
          }),
          ...undated,
        ];
      },
    });
    return result.costRows;
  }
}
