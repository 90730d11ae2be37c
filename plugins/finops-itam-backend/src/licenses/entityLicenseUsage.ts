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
 * The use of licensed products by one entity or by the members of a System or Domain, one
 * entry per product and model (BYOL, license-included, declared, seat) summed over the
 * entities, each with the deployments behind it, its flags, the product's compliance status
 * and the entities' monthly cost share.
 */
export function entityLicenseUsage(input: {
  /** The entity, or every entity rolling up into it. */
  entityRefs: ReadonlySet<string>;
  /** Name the entity on each reason: set for rollups, where reasons come from many. */
  nameEntities?: boolean;
  products: Map<string, LicenseProduct>;
  entitlements: LicenseEntitlement[];
  consumptions: Consumption[];
  position: LicensePositionEntry[];
  /** The entities' reharvest candidates. */
  reharvest: ReharvestCandidate[];
  /** The entities' cost share per product over the latest full month, per currency, largest first. */
  monthlyCost: Map<string, LicenseMoney[]>;
}): EntityLicenseUsage[] {
  const groups = new Map<string, Consumption[]>();
  for (const c of input.consumptions) {
    if (c.entityRef === null || !input.entityRefs.has(c.entityRef) || !input.products.has(c.productId)) continue;
    const key = `${c.productId}\u0000${c.model}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
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
    const monthlyCosts = model === 'license-included' ? [] : input.monthlyCost.get(productId) ?? [];
    return {
      productId,
      productName: product.name,
      metric: product.metric,
      required: list.reduce((sum, c) => sum + c.counted, 0),
      model,
      // License-included use came with the cloud bill; everything else shares the product's fate.
      covered: model === 'license-included' || status !== 'shortage',
      status,
      monthlyCost: monthlyCosts[0] ?? null,
      monthlyCosts,
      reasons: input.nameEntities
        ? list.map(c => ({ ...c.reason, entityRef: c.entityRef ?? undefined }))
        : list.map(c => c.reason),
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
    if (top !== usage) {
      usage.monthlyCost = null;
      usage.monthlyCosts = [];
    }
  }
  return usages;
}
