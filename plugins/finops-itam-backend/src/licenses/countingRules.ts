import {
  LicenseMetric,
  LicenseProduct,
} from '@finops-itam/plugin-finops-itam-common';

/** One VM or instance that runs a product, as cost data or a declaration describes it. */
export interface Deployment {
  /** vCPUs of the VM; null when its size is unknown. */
  vcpus: number | null;
  /** Hyper-threading on (two vCPUs per core). Cloud VMs have it unless said otherwise. */
  hyperThreading?: boolean;
  /** Physical cores, for on-premises hosts counted with a core factor. */
  physicalCores?: number;
}

/** How many licenses one deployment needs, and the rule in words. */
export interface LicenseCount {
  /** Null when the size is unknown: such a deployment is listed, never counted as 0. */
  quantity: number | null;
  /** E.g. `7 vCPUs → 8 core licenses: 2-core packs`. */
  rule: string;
  /** Compliance problems the count revealed, e.g. a VM larger than the edition allows. */
  warnings: string[];
}

const UNIT_NAMES: Record<LicenseMetric, string> = {
  'per-core': 'core',
  'per-vcpu': 'vCPU',
  'per-processor': 'processor',
  'per-socket': 'socket',
  'per-instance': 'instance',
  'per-user': 'seat',
  subscription: 'subscription',
  'consumption-credit': 'credit',
};

/** `1 core license`, `8 core licenses`. */
export function licenseUnits(metric: LicenseMetric, quantity: number): string {
  return `${quantity} ${UNIT_NAMES[metric]} license${
    quantity === 1 ? '' : 's'
  }`;
}

const vcpuText = (vcpus: number) => `${vcpus} vCPU${vcpus === 1 ? '' : 's'}`;

/** Raw count before minimums and packs, with the words that explain it. */
function baseCount(
  product: LicenseProduct,
  deployment: Deployment & { vcpus: number },
): { count: number; notes: string[] } {
  const { rule, metric } = product;
  const notes: string[] = [];
  let vcpus = deployment.vcpus;
  if (rule.maxVcpusCounted !== undefined && vcpus > rule.maxVcpusCounted) {
    notes.push(`only ${vcpuText(rule.maxVcpusCounted)} counted`);
    vcpus = rule.maxVcpusCounted;
  }
  switch (metric) {
    case 'per-core':
    case 'per-vcpu':
      return { count: vcpus, notes };
    case 'per-processor': {
      if (
        deployment.physicalCores !== undefined &&
        rule.coreFactor !== undefined
      ) {
        notes.push(
          `${deployment.physicalCores} cores × core factor ${rule.coreFactor}, rounded up`,
        );
        return {
          count: Math.ceil(deployment.physicalCores * rule.coreFactor),
          notes,
        };
      }
      return perVcpus(vcpus, deployment.hyperThreading ?? true, rule, notes);
    }
    case 'per-socket':
      return perVcpus(vcpus, false, rule, notes, 'socket');
    default:
      return { count: 1, notes };
  }
}

function perVcpus(
  vcpus: number,
  hyperThreading: boolean,
  rule: LicenseProduct['rule'],
  notes: string[],
  unit = 'license',
): { count: number; notes: string[] } {
  const per =
    (hyperThreading ? rule.vcpusPerLicenseHyperThreaded : undefined) ??
    rule.vcpusPerLicense ??
    1;
  const threading =
    hyperThreading && rule.vcpusPerLicenseHyperThreaded !== undefined
      ? ' with hyper-threading'
      : '';
  if (per !== 1) {
    notes.push(`${vcpuText(per)} per ${unit}${threading}, rounded up`);
  } else if (rule.vcpusPerLicenseHyperThreaded !== undefined) {
    notes.push('1 vCPU per license without hyper-threading');
  }
  return { count: Math.ceil(vcpus / per), notes };
}

/**
 * Licenses one VM or instance needs under the product's counting rule: the metric's base
 * count, raised to the minimum per VM, rounded up to whole packs. Subscriptions that cover
 * several VMs are counted over a group of VMs by {@link countSubscriptionVms}.
 */
export function countDeployment(
  product: LicenseProduct,
  deployment: Deployment,
): LicenseCount {
  const { rule, metric } = product;
  const needsSize = [
    'per-core',
    'per-vcpu',
    'per-processor',
    'per-socket',
  ].includes(metric);
  if (
    needsSize &&
    deployment.vcpus === null &&
    deployment.physicalCores === undefined
  ) {
    return {
      quantity: null,
      rule: 'size unknown: not counted until its vCPUs are known (SkuPriceDetails.CoreCount or a known instance type)',
      warnings: [],
    };
  }
  const vcpus = deployment.vcpus ?? 0;
  const warnings: string[] = [];
  if (rule.maxVcpusAllowed !== undefined && vcpus > rule.maxVcpusAllowed) {
    warnings.push(
      `${product.name} may run on ${vcpuText(
        rule.maxVcpusAllowed,
      )} at most; this VM has ${vcpus}`,
    );
  }
  const { count, notes } = baseCount(product, { ...deployment, vcpus });
  let quantity = count;
  if (rule.minimumPerVm !== undefined && quantity < rule.minimumPerVm) {
    quantity = rule.minimumPerVm;
    notes.push(`minimum ${rule.minimumPerVm} per VM`);
  }
  if (
    rule.packSize !== undefined &&
    rule.packSize > 1 &&
    quantity % rule.packSize !== 0
  ) {
    quantity = Math.ceil(quantity / rule.packSize) * rule.packSize;
    notes.push(`${rule.packSize}-${UNIT_NAMES[metric]} packs`);
  }
  let what = '1 instance';
  if (needsSize) {
    what =
      deployment.vcpus !== null
        ? vcpuText(vcpus)
        : `${deployment.physicalCores} cores`;
  }
  const text = `${what} → ${licenseUnits(metric, quantity)}`;
  return {
    quantity,
    rule: notes.length > 0 ? `${text}: ${notes.join(', ')}` : text,
    warnings,
  };
}

/**
 * Subscriptions for a group of VMs when one covers `vmsPerLicense` of them (RHEL: 2): the
 * first VM of each group opens a subscription, the others share it. Returned per VM, in
 * the order given, so each VM can say why it counts 1 or 0.
 */
export function countSubscriptionVms(
  product: LicenseProduct,
  vmCount: number,
): LicenseCount[] {
  const per = product.rule.vmsPerLicense ?? 1;
  return Array.from({ length: vmCount }, (_, i) => {
    if (per <= 1) {
      return {
        quantity: 1,
        rule: `1 VM → ${licenseUnits(product.metric, 1)}`,
        warnings: [],
      };
    }
    const opens = i % per === 0;
    return {
      quantity: opens ? 1 : 0,
      rule: opens
        ? `1 VM → ${licenseUnits(product.metric, 1)}: covers ${per} VMs`
        : `1 VM → ${licenseUnits(
            product.metric,
            0,
          )}: shares the subscription of the VM before (${per} VMs each)`,
      warnings: [],
    };
  });
}

/** A dedicated host: the physical server that licenses counted per host are counted on. */
export interface DedicatedHost {
  id: string;
  physicalCores: number;
  /** Physical processors; null when unknown, so only the per-host minimum applies. */
  sockets: number | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Licenses a dedicated host needs under the product's `dedicatedHost` rule: all its physical
 * cores, raised to the minimums per processor and per host, in whole packs; licensed again
 * for every `vmsPerHostLicense` VMs when one licensing covers only that many. The product
 * must have the rule.
 */
export function countDedicatedHost(
  product: LicenseProduct,
  host: DedicatedHost,
  vmCount: number,
): LicenseCount {
  const hostRule = product.rule.dedicatedHost ?? {};
  let perHost = host.physicalCores;
  let why = 'all physical cores';
  if (hostRule.minimumPerProcessor !== undefined && host.sockets !== null) {
    const minimum = hostRule.minimumPerProcessor * host.sockets;
    if (minimum > perHost) {
      perHost = minimum;
      why = `minimum ${hostRule.minimumPerProcessor} per processor`;
    }
  }
  if (
    hostRule.minimumPerHost !== undefined &&
    hostRule.minimumPerHost > perHost
  ) {
    perHost = hostRule.minimumPerHost;
    why = `minimum ${hostRule.minimumPerHost} per host`;
  }
  const notes = [why];
  const pack = product.rule.packSize;
  if (pack !== undefined && pack > 1 && perHost % pack !== 0) {
    perHost = Math.ceil(perHost / pack) * pack;
    notes.push(`${pack}-${UNIT_NAMES[product.metric]} packs`);
  }
  let quantity = perHost;
  const vmsPer = hostRule.vmsPerHostLicense;
  if (vmsPer !== undefined) {
    const times = Math.max(1, Math.ceil(vmCount / vmsPer));
    quantity = times * perHost;
    notes.push(
      `${times} × ${perHost} for ${plural(
        vmCount,
        'VM',
      )} (${vmsPer} VMs per licensing of the host)`,
    );
  } else {
    notes.push('covers any number of VMs');
  }
  const processors =
    host.sockets === null
      ? 'processors unknown'
      : plural(host.sockets, 'processor');
  return {
    quantity,
    rule: `dedicated host ${host.id} (${
      host.physicalCores
    } physical cores, ${processors}) → ${licenseUnits(
      product.metric,
      quantity,
    )}: ${notes.join(', ')}`,
    warnings: [],
  };
}

/** Total of a list of per-VM counts; unknown sizes are left out (they are listed apart). */
export function totalOf(counts: LicenseCount[]): number {
  return counts.reduce((sum, c) => sum + (c.quantity ?? 0), 0);
}
