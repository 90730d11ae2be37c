import { OnboardingPolicies } from '@finops-itam/plugin-finops-itam-common';
import { DateTime } from 'luxon';
import { LicenseEngine } from '../feature/hooks';
import { CheckContext, OnboardingPlan } from './checks/types';
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
 * Builds the {@link CheckContext} of a plan from the license engine's snapshot, the
 * reservations of approved requests (other than the one checked), `finopsItam.policies`
 * and the instance prices of recent cost data. No budgets feature exists yet, so the
 * budget is undefined and the budget check says so.
 */
export class CheckContextBuilder {
  constructor(
    private readonly deps: {
      licenseEngine: () => LicenseEngine;
      store: Pick<OnboardingStore, 'list'>;
      policies: OnboardingPolicies;
      prices: Pick<ObservedPriceStore, 'recentPrices'>;
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
  ): Promise<CheckContext> {
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
    const instanceTypes = plan.deployments.flatMap(d =>
      d.instanceType
        ? [{ provider: d.provider, instanceType: d.instanceType }]
        : [],
    );
    const to = DateTime.fromISO(shared.today, { zone: 'utc' });
    const observedPrices =
      instanceTypes.length === 0
        ? []
        : await this.deps.prices.recentPrices({
            instanceTypes,
            from: to.minus({ days: PRICE_DAYS }).toISODate()!,
            to: to.plus({ days: 1 }).toISODate()!,
          });
    return {
      today: shared.today,
      products: shared.snapshot.products,
      entitlements: shared.snapshot.entitlements,
      position: shared.snapshot.position,
      reservedByOthers,
      policies: this.deps.policies,
      observedPrices,
      budget: undefined,
    };
  }
}
