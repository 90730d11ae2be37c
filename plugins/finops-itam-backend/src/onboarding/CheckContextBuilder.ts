import { OnboardingPolicies } from '@finops-itam/plugin-finops-itam-common';
import { DateTime } from 'luxon';
import { LicenseEngine } from '../feature/hooks';
import { ChecksInput, priceLookups } from './checks';
import { OnboardingPlan } from './checks/types';
import { OnboardingStore } from './OnboardingStore';
import { ObservedPriceStore } from './prices/ObservedPriceStore';

/** How far back observed prices are read. */
const PRICE_DAYS = 30;

/** What every request's context shares: one license snapshot and the approved requests' holds. */
export interface SharedCheckInputs {
  today: string;
  snapshot: Awaited<ReturnType<LicenseEngine['snapshot']>>;
  /** Reservations of each approved request. */
  approved: Array<{
    id: string;
    reservations: Array<{ productId: string; quantity: number }>;
  }>;
}

/**
 * Builds what the checks read about a plan: the license engine's snapshot and host types,
 * the reservations of approved requests (other than the one checked), `finopsItam.policies`,
 * and the instance prices and license-included premiums of recent cost data. No budgets
 * feature exists yet, so the budget is undefined and the budget check says so.
 */
export class CheckContextBuilder {
  constructor(
    private readonly deps: {
      licenseEngine: () => LicenseEngine;
      store: Pick<OnboardingStore, 'list'>;
      policies: OnboardingPolicies;
      prices: Pick<
        ObservedPriceStore,
        'recentPrices' | 'licenseIncludedPrices'
      >;
    },
  ) {}

  /** Read once for a batch of requests (a recheck), so they all see the same position. */
  async shared(today: string): Promise<SharedCheckInputs> {
    const [snapshot, approved] = await Promise.all([
      this.deps.licenseEngine().snapshot(),
      this.deps.store.list({ status: 'approved' }),
    ]);
    return {
      today,
      snapshot,
      approved: approved.map(r => ({
        id: r.id,
        reservations: r.reservations,
      })),
    };
  }

  async forPlan(
    shared: SharedCheckInputs,
    plan: OnboardingPlan,
    requestId?: string,
  ): Promise<ChecksInput> {
    const reservedByOthers = new Map<string, number>();
    for (const other of shared.approved) {
      if (other.id === requestId) continue;
      for (const { productId, quantity } of other.reservations) {
        reservedByOthers.set(
          productId,
          (reservedByOthers.get(productId) ?? 0) + quantity,
        );
      }
    }
    const hostTypes = this.deps.licenseEngine().instanceTypes;
    // Dedicated hosts are priced by their host type, other deployments by instance type.
    const instanceTypes = priceLookups(plan, hostTypes);
    const productIds = [
      ...new Set(
        plan.deployments.flatMap(d => d.products.map(p => p.productId)),
      ),
    ];
    const to = DateTime.fromISO(shared.today, { zone: 'utc' });
    const days = {
      from: to.minus({ days: PRICE_DAYS }).toISODate()!,
      to: to.plus({ days: 1 }).toISODate()!,
    };
    const [observedPrices, licenseIncludedPrices] = await Promise.all([
      instanceTypes.length === 0
        ? []
        : this.deps.prices.recentPrices({ instanceTypes, ...days }),
      productIds.length === 0
        ? []
        : this.deps.prices.licenseIncludedPrices({ productIds, ...days }),
    ]);
    return {
      today: shared.today,
      products: shared.snapshot.products,
      entitlements: shared.snapshot.entitlements,
      position: shared.snapshot.position,
      reservedByOthers,
      policies: this.deps.policies,
      observedPrices,
      budget: undefined,
      licenseIncludedPrices,
      hostTypes,
    };
  }
}
