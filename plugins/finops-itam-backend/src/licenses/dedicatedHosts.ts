import { LicenseProduct } from '@finops-itam/plugin-finops-itam-common';
import { LicensedResource } from './costDataLicenses';
import {
  DedicatedHost,
  LicenseCount,
  countDedicatedHost,
} from './countingRules';

/**
 * The host a resource's licenses of this product are counted on, or null to count it per
 * VM: only products with a `dedicatedHost` rule license hosts, and only hosts whose
 * physical cores are known can be counted.
 */
export function licensingHost(
  product: LicenseProduct,
  resource: LicensedResource,
): DedicatedHost | null {
  if (!product.rule.dedicatedHost || resource.softwareCharge) return null;
  return resource.host;
}

/**
 * Group key that puts every resource counted on the same host together, across entities;
 * null when the resource is counted per VM.
 */
export function hostGroupKey(
  product: LicenseProduct,
  resource: LicensedResource,
  model: string,
): string | null {
  const host = licensingHost(product, resource);
  return host
    ? JSON.stringify([
        'dedicated-host',
        product.id,
        host.id.toLowerCase(),
        model,
      ])
    : null;
}

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder, ties to the
 * earlier part), so the parts add up to exactly `total`.
 */
function shareOut(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const parts = weights.map(w => Math.floor((total * w) / sum));
  const left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = weights
    .map((w, i) => ({ i, remainder: (total * w) % sum }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0; k < left; k++) parts[byRemainder[k].i] += 1;
  return parts;
}

/**
 * Licenses of the resources counted on one dedicated host: the host is counted once under
 * the product's host rule, and its licenses are shared out over the VMs in whole licenses
 * by their vCPUs (equally when a size is unknown), so each entity carries its part. A host
 * that carries the product itself with no VMs of it named carries the whole count.
 */
export function countHostMembers(
  product: LicenseProduct,
  host: DedicatedHost,
  resources: LicensedResource[],
): LicenseCount[] {
  const vms = resources.filter(r => !r.isDedicatedHost);
  const hostCount = countDedicatedHost(product, host, Math.max(1, vms.length));
  const total = hostCount.quantity ?? 0;
  if (vms.length === 0) {
    return shareOut(
      total,
      resources.map(() => 1),
    ).map(quantity => ({ ...hostCount, quantity }));
  }
  const sized = vms.every(vm => vm.vcpus !== null);
  const weightOf = (r: LicensedResource) => {
    if (r.isDedicatedHost) return 0;
    return sized ? r.vcpus! : 1;
  };
  const weights = resources.map(weightOf);
  const sum = weights.reduce((a, b) => a + b, 0);
  const unit = sized ? 'vCPUs' : 'VMs';
  return shareOut(total, weights).map((quantity, i) => ({
    quantity,
    rule: resources[i].isDedicatedHost
      ? `${hostCount.rule}; carried by its VMs`
      : `${hostCount.rule}; this VM carries ${quantity} of them (${weights[i]} of the ${sum} ${unit} on the host)`,
    warnings: [],
  }));
}

/** What a daily view needs of a consumption to count it on its host. */
interface HostedConsumption {
  model: string;
  resource?: LicensedResource;
}

/**
 * Counts dedicated hosts day by day, for daily requirements: a host needs its whole count on
 * every day any VM of the product runs on it, however the VMs on it were replaced, so per-VM
 * shares computed over a window cannot simply be added up per day. Collect the consumptions
 * with {@link HostDayCounter.addBilledDays}, then read each one's share of its
 * host's count that day from {@link HostDayCounter.shares}.
 */
export class HostDayCounter<C extends HostedConsumption> {
  private readonly groups = new Map<
    string,
    { product: LicenseProduct; host: DedicatedHost; day: string; members: C[] }
  >();

  /**
   * Takes a consumption on each day from `from` to `to` its resource was billed, when it is
   * counted on a host; false (and nothing taken) when it is counted per VM.
   */
  addBilledDays(
    product: LicenseProduct,
    consumption: C,
    from: string,
    to: string,
  ): boolean {
    const host = consumption.resource
      ? licensingHost(product, consumption.resource)
      : null;
    if (!host) return false;
    for (const day of consumption.resource!.days) {
      if (day < from || day > to) continue;
      const key = JSON.stringify([
        product.id,
        host.id.toLowerCase(),
        consumption.model,
        day,
      ]);
      const group = this.groups.get(key);
      if (group) group.members.push(consumption);
      else this.groups.set(key, { product, host, day, members: [consumption] });
    }
    return true;
  }

  /** Each collected consumption's whole-license share of its host's count on that day. */
  *shares(): Generator<{ consumption: C; day: string; quantity: number }> {
    for (const { product, host, day, members } of this.groups.values()) {
      const counts = countHostMembers(
        product,
        host,
        members.map(m => m.resource!),
      );
      for (let i = 0; i < members.length; i++) {
        yield {
          consumption: members[i],
          day,
          quantity: counts[i].quantity ?? 0,
        };
      }
    }
  }
}
