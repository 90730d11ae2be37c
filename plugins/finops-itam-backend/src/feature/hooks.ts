import type { CostQueryService } from '../allocation/CostQueryService';
import type { IngestionService } from '../ingestion/IngestionService';
import type { LicenseService } from '../licenses/LicenseService';
import type { InstanceTypeTable } from '../licenses/instanceTypes';

/**
 * Something one feature announces and others react to, such as new cost data. Listeners run
 * synchronously in the order they were added; each starts its own work and handles its own
 * errors, so an announcement never fails the announcer.
 */
export class FeatureSignal {
  readonly #listeners: Array<() => void> = [];

  constructor(readonly name: string) {}

  /** Calls `listener` on every later announcement. */
  on(listener: () => void): void {
    this.#listeners.push(listener);
  }

  announce(): void {
    for (const listener of this.#listeners) {
      listener();
    }
  }
}

/**
 * Something one feature offers and others call, such as ingesting a cost file. Looked up
 * when called rather than when a feature is created, so the order of `features.ts` does not
 * matter; a call nobody offers fails naming what is missing.
 */
export class FeatureCapability<T> {
  #offered: T | undefined;

  constructor(readonly name: string) {}

  offer(implementation: T): void {
    if (this.#offered !== undefined) {
      throw new Error(`${this.name} is offered by two features`);
    }
    this.#offered = implementation;
  }

  get(): T {
    if (this.#offered === undefined) {
      throw new Error(`No feature offers ${this.name}`);
    }
    return this.#offered;
  }
}

/** Ingesting one cost file into the cost store. */
export type CostIngestion = Pick<IngestionService, 'ingest'>;

/** An entity's cost over a period, as `GET .../cost` answers it. */
export type EntityCostAnswers = Pick<CostQueryService, 'entityCost'>;

/** Licenses an approved onboarding request holds until its workload shows up in cost data. */
export interface LicenseReservation {
  requestId: string;
  /** The workload the request is for. */
  entityRef: string;
  productId: string;
  /** After counting rules, in the product's metric. */
  quantity: number;
}

/** An approved migration whose new workload went live: the replaced one's licenses can be reharvested. */
export interface CompletedMigration {
  requestId: string;
  /** The workload being replaced. */
  replaces: string;
  /** The new workload. */
  entityRef: string;
  goLive: string;
}

/** What the onboarding feature tells the license position. */
export interface OnboardingLicenseHolds {
  /** Reservations of approved requests not yet fulfilled or expired. */
  reservations(): Promise<LicenseReservation[]>;
  /** Approved migrations past their go-live date. */
  completedMigrations(): Promise<CompletedMigration[]>;
}

/** The license engine as other features use it: the same snapshot and instance facts. */
export interface LicenseEngine {
  snapshot: LicenseService['snapshot'];
  /** Instance and host types with their vCPUs (shipped and configured). */
  instanceTypes: InstanceTypeTable;
}

/** The ways features reach each other, created empty by `plugin.ts`. */
export interface FinopsItamHooks {
  /** Announced after an ingestion stored new cost facts; allocation runs soon after. */
  costDataChanged: FeatureSignal;
  /** Offered by the ingestion feature; cost sources ingest what they read through it. */
  costIngestion: FeatureCapability<CostIngestion>;
  /** Offered by the allocation feature; unit cost divides these answers by volumes. */
  entityCost: FeatureCapability<EntityCostAnswers>;
  /** Offered by the onboarding feature; the license position shows what it reserves. */
  onboardingLicenseHolds: FeatureCapability<OnboardingLicenseHolds>;
  /** Offered by the licenses feature; onboarding checks count with it. */
  licenseEngine: FeatureCapability<LicenseEngine>;
  /** Announced after entitlements, seats or products changed; onboarding checks run again. */
  licensesChanged: FeatureSignal;
}

export function createFinopsItamHooks(): FinopsItamHooks {
  return {
    costDataChanged: new FeatureSignal('cost data changed'),
    costIngestion: new FeatureCapability<CostIngestion>('cost ingestion'),
    entityCost: new FeatureCapability<EntityCostAnswers>('entity cost'),
    onboardingLicenseHolds: new FeatureCapability<OnboardingLicenseHolds>(
      'onboarding license holds',
    ),
    licenseEngine: new FeatureCapability<LicenseEngine>('license engine'),
    licensesChanged: new FeatureSignal('licenses changed'),
  };
}
