import { OnboardingPolicies } from '@finops-itam/plugin-finops-itam-common';
import { DateTime } from 'luxon';
import { LicenseEngine } from '../feature/hooks';
import { ChecksInput, priceLookups } from './checks';
import { OnboardingPlan } from './checks/types';
import { ObservedPriceStore } from './prices/ObservedPriceStore';

/** How far back observed prices are read. */
const PRICE_DAYS = 30;

/** What every request's context shares: one license snapshot, reservations included. */
export interface SharedCheckInputs {
  today: string;
  snapshot: Awaited<ReturnType<LicenseEngine['snapshot']>>;
}

/**
 * Builds what the checks read about a plan: the license engine's snapshot and host types,
 * the reservations the position holds for other approved requests, `finopsItam.policies`,
 * and the instance prices and license-included premiums of recent cost data. No budgets
 * feature exists yet, so the budget is undefined and the budget check says so.
 */
export class CheckContextBuilder {
  constructor(
    private readonly deps: {
      licenseEngine: () => LicenseEngine;
      policies: OnboardingPolicies;
      prices: Pick<
        ObservedPriceStore,
        'recentPrices' | 'licenseIncludedPrices'
      >;
    },
  ) {}

  /** Read once for a batch of requests (a recheck), so they all see the same position. */
  async shared(today: string): Promise<SharedCheckInputs> {
    return { today, snapshot: await this.deps.licenseEngine().snapshot() };
  }

  async forPlan(
    shared: SharedCheckInputs,
    plan: OnboardingPlan,
    requestId?: string,
  ): Promise<ChecksInput> {
    // The position's own reservation lines, not the approved requests' planned quantities:
    // the position drops a reservation once its workload consumes the product, and counting
    // it here as well would hold the same licenses twice.
    const reservedByOthers = new Map<string, number>();
    for (const entry of shared.snapshot.position) {
      for (const held of entry.reservations ?? []) {
        if (held.requestId === requestId) continue;
        reservedByOthers.set(
          entry.productId,
          (reservedByOthers.get(entry.productId) ?? 0) + held.quantity,
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
