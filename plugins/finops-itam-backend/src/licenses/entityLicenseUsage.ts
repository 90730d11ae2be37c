import {
  EntityLicenseUsage,
  EntityLicenseUsageSource,
  LicenseConsumptionSource,
  LicenseEntitlement,
  LicenseMoney,
  LicensePositionEntry,
  LicenseProduct,
  LicenseUsageFlag,
  LicenseUsageModel,
  ReharvestCandidate,
  licenseResourceEntityRef,
} from '@finops-itam/plugin-finops-itam-common';
import { Consumption, needsEntitlement } from './licenseConsumption';
import { compare } from './licensePosition';
import { entityCoverage } from './licenseRights';

function dedupeFlags(flags: LicenseUsageFlag[]): LicenseUsageFlag[] {
  const seen = new Set<string>();
  return flags.filter(f => {
    const key = `${f.kind}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Source order within a product: what needs entitlements first, then what came with the bill. */
const MODEL_ORDER: LicenseUsageModel[] = [
  'byol',
  'declared',
  'license-included',
  'seat',
];

/** Where each model's consumptions come from. */
const SOURCE_OF: Record<LicenseUsageModel, LicenseConsumptionSource> = {
  byol: 'cost-data',
  'license-included': 'cost-data',
  declared: 'catalog',
  seat: 'seat-import',
};

/**
 * The use of licensed products by one entity or by the members of a System or Domain: one
 * entry per product, summed over the entities, with its sources (BYOL and license-included
 * cost data, catalog declarations, seat imports) and the deployments behind each, its
 * flags, the product's compliance status and the entities' monthly cost share.
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
  /**
   * What the entities need of a product for some of their consumptions: their peak day's
   * requirement (`dailyRequirement.ts`). Without it, the sum of the consumptions' counts.
   */
  requiredOf?: (productId: string, consumptions: Consumption[]) => number;
}): EntityLicenseUsage[] {
  const byProduct = new Map<string, Consumption[]>();
  for (const c of input.consumptions) {
    if (
      c.entityRef === null ||
      !input.entityRefs.has(c.entityRef) ||
      !input.products.has(c.productId)
    )
      continue;
    const list = byProduct.get(c.productId);
    if (list) list.push(c);
    else byProduct.set(c.productId, [c]);
  }
  const positionOf = new Map(input.position.map(p => [p.productId, p]));
  const sum = (list: Consumption[]) =>
    list.reduce((total, c) => total + c.counted, 0);
  const requiredOf =
    input.requiredOf ?? ((_: string, list: Consumption[]) => sum(list));
  const reasonOf = (c: Consumption) =>
    input.nameEntities
      ? { ...c.reason, entityRef: c.entityRef ?? undefined }
      : c.reason;

  const usages: EntityLicenseUsage[] = [...byProduct.entries()].map(
    ([productId, list]) => {
      const product = input.products.get(productId)!;
      const status = positionOf.get(productId)?.status ?? null;
      const sources: EntityLicenseUsageSource[] = MODEL_ORDER.flatMap(model => {
        const ofModel = list.filter(c => c.model === model);
        if (ofModel.length === 0) return [];
        return [
          {
            model,
            source: SOURCE_OF[model],
            required: requiredOf(productId, ofModel),
            reasons: ofModel.map(reasonOf),
          },
        ];
      });
      const required = requiredOf(productId, list.filter(needsEntitlement));
      const licenseIncluded = requiredOf(
        productId,
        list.filter(c => !needsEntitlement(c)),
      );
      const flags = list.flatMap(c => c.flags);
      for (const candidate of input.reharvest.filter(
        r => r.productId === productId,
      )) {
        flags.push({ kind: 'reharvest-candidate', message: candidate.detail });
      }
      const hasEntitlement = input.entitlements.some(
        e => e.productId === productId,
      );
      // Only use that needs entitlements carries a share of their cost.
      const needsAny = sources.some(s => s.model !== 'license-included');
      const monthlyCosts = needsAny
        ? input.monthlyCost.get(productId) ?? []
        : [];
      return {
        productId,
        productName: product.name,
        metric: product.metric,
        required,
        licenseIncluded,
        sources,
        // Use that is only license-included came with the cloud bill; the rest shares the
        // product's fate, unless its own BYOL deployments break their rights.
        ...entityCoverage(positionOf.get(productId), list, needsAny),
        status,
        monthlyCost: monthlyCosts[0] ?? null,
        monthlyCosts,
        flags: dedupeFlags(flags),
        licenseEntityRef: hasEntitlement
          ? licenseResourceEntityRef(productId)
          : null,
      };
    },
  );
  return usages.sort((a, b) => compare(a.productId, b.productId));
}
