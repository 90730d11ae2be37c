import { LicenseEntitlement } from '@finops-itam/plugin-finops-itam-common';
import { ComparedPeriods, EntityPeriodTotal } from './periodTotals';

/** Days `[from, to)` as `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

/** An exact sum (decimal string) for one entity in one currency. */
export interface EntityAmount {
  entityRef: string;
  currency: string;
  amount: string;
}

/** The unallocated cost of one resource in one currency. */
export interface UnallocatedResourceCost {
  resourceId: string | null;
  resourceName: string | null;
  serviceName: string | null;
  subAccountId: string | null;
  billingAccountId: string;
  currency: string;
  amount: string;
}

/** A resource's tags and allocation, with the latest day it was billed with them. */
export interface ResourceTagState {
  resourceId: string | null;
  resourceName: string | null;
  /** The tags JSON text as stored. */
  tags: string | null;
  allocatedEntityRef: string | null;
  lastDay: string;
}

/** License cost of one day in one currency, an exact decimal string. */
export interface DailyLicenseAmount {
  day: string;
  currency: string;
  amount: string;
}

/** One entity's stored share of an entitlement's cost on a day. */
export interface StoredLicenseShare {
  entityRef: string;
  amount: string;
}

/**
 * Read-only sums over allocated cost, shared pool parts, license cost shares and the rollup
 * closure, for the reports (chargeback, unallocated, team totals) and an entity's license
 * cost. Amounts are exact decimal strings; amounts in different currencies are never added.
 */
export interface CostReportStore {
  /** Directly allocated cost per entity and currency (the amortized effective cost). */
  allocatedCostByEntity(days: DayRange): Promise<EntityAmount[]>;

  /** Amortized parts of shared pools per target, currency and pool. */
  sharedCostByTarget(
    days: DayRange,
  ): Promise<Array<EntityAmount & { poolId: string | null }>>;

  /** License cost shares per entity and currency (consumers, and owner groups' shelfware). */
  licenseCostByEntity(days: DayRange): Promise<EntityAmount[]>;

  /**
   * Cost no rule allocated per resource and currency; a fact of a shared pool counts only
   * while the pool has no amortized split on its day and currency.
   */
  unallocatedCostByResource(days: DayRange): Promise<UnallocatedResourceCost[]>;

  /** Each distinct combination of resource, tags and allocation, with its latest day. */
  resourceTagStates(days: DayRange): Promise<ResourceTagState[]>;

  /** Direct plus shared rollup cost per entity and currency over two adjacent periods. */
  rollupPeriodTotals(
    entityRefs: readonly string[],
    periods: ComparedPeriods,
  ): Promise<EntityPeriodTotal[]>;

  /** Amortized license cost shares over each entity's rollup, over two adjacent periods. */
  rollupLicensePeriodTotals(
    entityRefs: readonly string[],
    periods: ComparedPeriods,
  ): Promise<EntityPeriodTotal[]>;

  /**
   * One row per stored license cost share of the rollup of `ancestorRef` in `[from, to)`,
   * unsummed (the caller sums exactly).
   */
  rollupLicenseShares(
    ancestorRef: string,
    days: DayRange,
  ): Promise<DailyLicenseAmount[]>;

  /** Every stored entitlement, as defined. */
  entitlements(): Promise<LicenseEntitlement[]>;

  /** The stored amortized shares of entitlements on days, keyed `JSON.stringify([entitlementId, day])`. */
  licenseSharesOn(
    pairs: ReadonlyArray<{ entitlementId: string; day: string }>,
  ): Promise<Map<string, StoredLicenseShare[]>>;

  /** Which of `entityRefs` roll up into each of `ancestorRefs` (an entity is a member of itself). */
  rollupMembersAmong(
    ancestorRefs: readonly string[],
    entityRefs: readonly string[],
  ): Promise<Map<string, Set<string>>>;
}
