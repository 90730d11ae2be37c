import { HostTypeFacts, InstanceTypeTable } from '../../licenses/instanceTypes';
import { PlannedDeployment } from './types';

/** The shipped instance and host types, when the caller passes none. */
const SHIPPED_TYPES = new InstanceTypeTable();

/** The dedicated hosts a deployment's VMs fill, for products licensed per host. */
export interface PlannedHosts {
  /** The host type, e.g. `m5`. */
  hostType: string;
  host: HostTypeFacts;
  /** VMs on each host, in order: full hosts first. */
  vmsPerHost: number[];
}

/**
 * The dedicated hosts a dedicated-host deployment needs: AWS allocates hosts per instance
 * family (an `m5` host runs `m5.*` VMs), so the family's host type gives the physical cores
 * and sockets, and the VMs fill hosts of `cores × threads per core` vCPUs, the first ones
 * full. An instance type that is itself a host type is `count` hosts. Null when the host
 * type is unknown: the license engine then counts per VM, and so does the plan.
 */
export function plannedHosts(
  deployment: PlannedDeployment,
  hostTypes: Pick<InstanceTypeTable, 'hostOf'> = SHIPPED_TYPES,
): PlannedHosts | null {
  const type = deployment.instanceType;
  if (!type) return null;
  const own = hostTypes.hostOf(type);
  if (own) {
    return {
      hostType: type,
      host: own,
      vmsPerHost: Array.from({ length: deployment.count }, () => 1),
    };
  }
  const family = type.includes('.') ? type.slice(0, type.indexOf('.')) : null;
  const host = family ? hostTypes.hostOf(family) : null;
  if (!family || !host) return null;
  const threads = deployment.threadsPerCore ?? 2;
  const fit = Math.floor((host.physicalCores * threads) / deployment.vcpus);
  if (fit < 1) return null;
  const hosts = Math.ceil(deployment.count / fit);
  return {
    hostType: family,
    host,
    vmsPerHost: Array.from({ length: hosts }, (_, i) =>
      i < hosts - 1 ? fit : deployment.count - fit * (hosts - 1),
    ),
  };
}
