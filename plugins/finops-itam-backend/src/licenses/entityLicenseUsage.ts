import {
  EntityLicenseUsage,
  LicenseEntitlement,
  LicenseMoney,
  LicensePositionEntry,
  LicenseProduct,
  LicenseUsageFlag,
  ReharvestCandidate,
  licenseResourceEntityRef,
} from '@finops-itam/plugin-finops-itam-common';
import { Consumption } from './licenseConsumption';
import { compare } from './licensePosition';

function dedupeFlags(flags: LicenseUsageFlag[]): LicenseUsageFlag[] {
  const seen = new Set<string>();
  return flags.filter(f => {
    const key = `${f.kind}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One entity's use of licensed products, one entry per product and model (BYOL,
 * license-included, declared, seat), each with the deployments behind it, its flags, the
 * product's compliance status and the entity's monthly cost share.
 */
export function entityLicenseUsage(input: {
  entityRef: string;
  products: Map<string, LicenseProduct>;
  entitlements: LicenseEntitlement[];
  consumptions: Consumption[];
  position: LicensePositionEntry[];
  /** The entity's reharvest candidates. */
  reharvest: ReharvestCandidate[];
  /** The entity's cost share per product over the latest full month. */
  monthlyCost: Map<string, LicenseMoney>;
}): EntityLicenseUsage[] {
  const groups = new Map<string, Consumption[]>();
  for (const c of input.consumptions) {
    if (c.entityRef !== input.entityRef || !input.products.has(c.productId)) continue;
    const key = `${c.productId}\u0000${c.model}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const positionOf = new Map(input.position.map(p => [p.productId, p]));
  const usages: EntityLicenseUsage[] = [...groups.values()].map(list => {
    const { productId, model } = list[0];
    const product = input.products.get(productId)!;
    const status = positionOf.get(productId)?.status ?? null;
    const flags = list.flatMap(c => c.flags);
    for (const candidate of input.reharvest.filter(r => r.productId === productId)) {
      flags.push({ kind: 'reharvest-candidate', message: candidate.detail });
    }
    const hasEntitlement = input.entitlements.some(e => e.productId === productId);
    return {
      productId,
      productName: product.name,
      metric: product.metric,
      required: list.reduce((sum, c) => sum + c.counted, 0),
      model,
      // License-included use came with the cloud bill; everything else shares the product's fate.
      covered: model === 'license-included' || status !== 'shortage',
      status,
      monthlyCost: model === 'license-included' ? null : input.monthlyCost.get(productId) ?? null,
      reasons: list.map(c => c.reason),
      flags: dedupeFlags(flags),
      licenseEntityRef: hasEntitlement ? licenseResourceEntityRef(productId) : null,
    };
  });
  usages.sort((a, b) => compare(a.productId, b.productId) || compare(a.model, b.model));
  // The product's cost share is shown once, on the usage that needs the most licenses.
  for (const usage of usages) {
    if (usage.monthlyCost === null) continue;
    const top = usages
      .filter(u => u.productId === usage.productId && u.monthlyCost !== null)
      .reduce((best, u) => (u.required > best.required ? u : best));
    if (top !== usage) usage.monthlyCost = null;
  }
  return usages;
}
