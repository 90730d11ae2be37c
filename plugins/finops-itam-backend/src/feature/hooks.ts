import type { CostQueryService } from '../allocation/CostQueryService';
import type { IngestionService } from '../ingestion/IngestionService';

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

/** The ways features reach each other, created empty by `plugin.ts`. */
export interface FinopsItamHooks {
  /** Announced after an ingestion stored new cost facts; allocation runs soon after. */
  costDataChanged: FeatureSignal;
  /** Offered by the ingestion feature; cost sources ingest what they read through it. */
  costIngestion: FeatureCapability<CostIngestion>;
  /** Offered by the allocation feature; unit cost divides these answers by volumes. */
  entityCost: FeatureCapability<EntityCostAnswers>;
}

export function createFinopsItamHooks(): FinopsItamHooks {
  return {
    costDataChanged: new FeatureSignal('cost data changed'),
    costIngestion: new FeatureCapability<CostIngestion>('cost ingestion'),
    entityCost: new FeatureCapability<EntityCostAnswers>('entity cost'),
  };
}
