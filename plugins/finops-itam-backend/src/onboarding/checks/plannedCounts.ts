import {
  LicenseMetric,
  LicenseProduct,
} from '@finops-itam/plugin-finops-itam-common';
import {
  countDedicatedHost,
  countDeployment,
  countSubscriptionVms,
  licenseUnits,
} from '../../licenses/countingRules';
import { InstanceTypeTable } from '../../licenses/instanceTypes';
import { plannedHosts } from './dedicatedHostPlan';
import { OnboardingPlan, PlannedDeployment } from './types';

type LicenseModel = PlannedDeployment['products'][number]['licenseModel'];

/** `deployment 1: 3 × m5.xlarge (4 vCPUs) instances, AWS eu-west-1, shared`. */
export function describeDeployment(d: PlannedDeployment, index: number) {
  const size = d.instanceType
    ? `${d.instanceType} (${d.vcpus} vCPUs)`
    : `${d.vcpus}-vCPU`;
  return `deployment ${index + 1}: ${d.count} × ${size} instance${
    d.count === 1 ? '' : 's'
  }, ${d.provider} ${d.region}, ${d.tenancy}`;
}

/** A planned deployment with its place in the request, for messages. */
export interface IndexedDeployment {
  deployment: PlannedDeployment;
  index: number;
}

/** Something the count could not settle or the rules forbid, and what would settle it. */
export interface CountWarning {
  message: string;
  fix: string;
}

/** What a product needs over the deployments that run it under one license model. */
export interface PlannedRequirement {
  product: LicenseProduct;
  metric: LicenseMetric;
  /** Licenses after the counting rules, summed over the deployments (or the seats of a SaaS product). */
  quantity: number;
  /** One line per deployment: how it was counted. */
  lines: string[];
  /** Counting-rule warnings, e.g. a VM larger than the edition allows, each with its fix. */
  warnings: CountWarning[];
}

/**
 * Licenses `product` needs on these deployments, with the license engine's rules: a
 * product with a dedicated-host rule on a dedicated-host deployment is counted per host on
 * its physical cores (the hosts its VMs fill, {@link plannedHosts}); a subscription
 * covering several VMs is counted over all the plan's VMs together, as the engine groups an
 * entity's VMs; anything else per VM with its vCPUs and threads per core.
 */
export function countPlannedProduct(
  product: LicenseProduct,
  deployments: IndexedDeployment[],
  hostTypes?: Pick<InstanceTypeTable, 'hostOf'>,
): PlannedRequirement {
  const lines: string[] = [];
  const warnings: CountWarning[] = [];
  let quantity = 0;
  const subscriptionVms: IndexedDeployment[] = [];
  for (const item of deployments) {
    const { deployment: d, index } = item;
    const where = describeDeployment(d, index);
    const onHosts =
      d.tenancy === 'dedicated-host' && product.rule.dedicatedHost;
    const hosts = onHosts ? plannedHosts(d, hostTypes) : null;
    if (hosts) {
      const counts = hosts.vmsPerHost.map((vms, h) =>
        countDedicatedHost(
          product,
          {
            id: `${index + 1}.${h + 1}`,
            physicalCores: hosts.host.physicalCores,
            sockets: hosts.host.sockets,
          },
          vms,
        ),
      );
      const total = counts.reduce((n, c) => n + (c.quantity ?? 0), 0);
      quantity += total;
      lines.push(
        `${where}: ${hosts.vmsPerHost.length} ${hosts.hostType} host${
          hosts.vmsPerHost.length === 1 ? '' : 's'
        } (VMs per host: ${hosts.vmsPerHost.join(', ')}) → ${counts
          .map(c => c.rule)
          .join('; ')} = ${licenseUnits(product.metric, total)}`,
      );
      continue;
    }
    if (onHosts) {
      // As the license engine does for a host whose cores are unknown: per VM, flagged.
      warnings.push({
        message: `the physical cores of the dedicated hosts of ${
          d.instanceType ?? `${d.vcpus}-vCPU VMs`
        } are unknown, so ${
          product.name
        } is counted per VM until they are known`,
        fix: 'Name an instance type whose family has a host type, or add the host type under finopsItam.licenses.hostTypes.',
      });
    }
    if (product.metric === 'subscription') {
      subscriptionVms.push(item);
      continue;
    }
    const count = countDeployment(product, {
      vcpus: d.vcpus,
      hyperThreading: d.threadsPerCore !== 1,
    });
    const perVm = count.quantity ?? 0;
    quantity += perVm * d.count;
    warnings.push(
      ...count.warnings.map(message => ({
        message,
        fix: 'Choose an instance size the edition allows, or a higher edition.',
      })),
    );
    lines.push(
      `${where}: ${count.rule} per instance; × ${d.count} = ${licenseUnits(
        product.metric,
        perVm * d.count,
      )}`,
    );
  }
  if (subscriptionVms.length > 0) {
    const vms = subscriptionVms.reduce((n, i) => n + i.deployment.count, 0);
    const subscriptions = countSubscriptionVms(product, vms).reduce(
      (n, c) => n + (c.quantity ?? 0),
      0,
    );
    quantity += subscriptions;
    const per = product.rule.vmsPerLicense ?? 1;
    lines.push(
      `${subscriptionVms
        .map(i => `deployment ${i.index + 1}`)
        .join(', ')}: ${vms} VMs → ${licenseUnits(
        product.metric,
        subscriptions,
      )}${per > 1 ? ` (${per} VMs per subscription)` : ''}`,
    );
  }
  return {
    product,
    metric: product.metric,
    quantity,
    lines,
    warnings: warnings.filter(
      (w, i) => warnings.findIndex(o => o.message === w.message) === i,
    ),
  };
}

/** The deployments that run each product under `model`, in request order. */
export function deploymentsByProduct(
  plan: OnboardingPlan,
  model: LicenseModel,
): Map<string, IndexedDeployment[]> {
  const out = new Map<string, IndexedDeployment[]>();
  plan.deployments.forEach((deployment, index) => {
    for (const p of deployment.products) {
      if (p.licenseModel !== model) continue;
      const list = out.get(p.productId) ?? [];
      list.push({ deployment, index });
      out.set(p.productId, list);
    }
  });
  return out;
}

/**
 * What the plan needs entitlements for, per product: its BYOL products after the counting
 * rules, and the seats of its SaaS products. License-included products come with the bill
 * and need none. Products the catalog does not know are left out (validation rejects them).
 */
export function plannedRequirements(
  plan: OnboardingPlan,
  products: Map<string, LicenseProduct>,
  hostTypes?: Pick<InstanceTypeTable, 'hostOf'>,
): PlannedRequirement[] {
  const out = new Map<string, PlannedRequirement>();
  for (const [productId, deployments] of deploymentsByProduct(plan, 'byol')) {
    const product = products.get(productId);
    if (product)
      out.set(productId, countPlannedProduct(product, deployments, hostTypes));
  }
  for (const saas of plan.saas ?? []) {
    const product = products.get(saas.productId);
    if (!product) continue;
    const line = `SaaS: ${saas.seats} seats requested → ${licenseUnits(
      product.metric,
      saas.seats,
    )}`;
    const earlier = out.get(saas.productId);
    if (earlier) {
      earlier.quantity += saas.seats;
      earlier.lines.push(line);
    } else {
      out.set(saas.productId, {
        product,
        metric: product.metric,
        quantity: saas.seats,
        lines: [line],
        warnings: [],
      });
    }
  }
  return [...out.values()];
}
