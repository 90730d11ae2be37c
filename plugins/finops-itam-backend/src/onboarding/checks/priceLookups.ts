import { InstanceTypeTable } from '../../licenses/instanceTypes';
import { plannedHosts } from './dedicatedHostPlan';
import { OnboardingPlan } from './types';

/**
 * The instance and host types whose observed prices the cost estimate reads: each
 * deployment's instance type, or for dedicated hosts the host type its VMs fill (hosts are
 * billed per host). Pass them to `ObservedPriceStore.recentPrices`.
 */
export function priceLookups(
  plan: OnboardingPlan,
  hostTypes?: Pick<InstanceTypeTable, 'hostOf'>,
): Array<{ provider: string; instanceType: string }> {
  const out = new Map<string, { provider: string; instanceType: string }>();
  for (const d of plan.deployments) {
    const type =
      d.tenancy === 'dedicated-host'
        ? plannedHosts(d, hostTypes)?.hostType
        : d.instanceType;
    if (!type) continue;
    const key = JSON.stringify([d.provider.toLowerCase(), type.toLowerCase()]);
    out.set(key, { provider: d.provider, instanceType: type });
  }
  return [...out.values()];
}
