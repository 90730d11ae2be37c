import {
  LicenseProduct,
  LicenseUsageFlag,
} from '@finops-itam/plugin-finops-itam-common';
import { LicensedResource } from './costDataLicenses';
import { LicenseCount } from './countingRules';
import { licensingHost } from './dedicatedHosts';

const SIZED_METRICS = new Set([
  'per-core',
  'per-vcpu',
  'per-processor',
  'per-socket',
]);

/**
 * Flags about what cost data says of a deployment's machine: a size that could not be read
 * (naming the cost row and field), a CoreCount that disagrees with the instance type, and a
 * dedicated host whose cores are unknown, so its VMs are counted one by one meanwhile.
 */
export function deploymentFactFlags(
  product: LicenseProduct,
  resource: LicensedResource,
  count: LicenseCount,
): LicenseUsageFlag[] {
  const name = resource.resourceName ?? resource.key;
  const flags: LicenseUsageFlag[] = [];
  const onHost = licensingHost(product, resource) !== null;
  if (resource.isDedicatedHost && !onHost) {
    flags.push({
      kind: 'unknown-size',
      message: product.rule.dedicatedHost
        ? `${name} is a dedicated host whose physical cores are unknown (no CoreCount in its cost rows and no host type in finopsItam.licenses.hostTypes), so it is not counted`
        : `${name} is a dedicated host, and ${product.name} is counted per VM, not per host: tag the VMs that run it instead; not counted`,
    });
    return flags;
  }
  if (
    product.rule.dedicatedHost &&
    resource.dedicatedHostId !== null &&
    !onHost
  ) {
    flags.push({
      kind: 'unknown-size',
      message: `${name} runs on dedicated host ${resource.dedicatedHostId}, whose physical cores are unknown (no Dedicated Host row in cost data and no host type in finopsItam.licenses.hostTypes): counted per VM until they are known`,
    });
  }
  if (count.quantity === null) {
    flags.push({
      kind: 'unknown-size',
      message: resource.sizeProblem
        ? `${name} ${resource.sizeProblem}`
        : `${name}: vCPUs unknown, so it is not counted; add CoreCount to the export or the instance type to finopsItam.licenses.instanceTypes`,
    });
  }
  if (
    resource.coreCountMismatch &&
    !onHost &&
    SIZED_METRICS.has(product.metric)
  ) {
    flags.push({
      kind: 'core-count-mismatch',
      message: `${name}: ${resource.coreCountMismatch}`,
    });
  }
  return flags;
}
