import {
  LicenseConsumptionSource,
  LicenseEntitlement,
  LicenseProduct,
  LicenseRequirementReason,
  LicenseUsageFlag,
  LicenseUsageModel,
  UnknownLicenseProductUse,
} from '@finops-itam/plugin-finops-itam-common';
import { flagRightsShortfall } from './byolCapacity';
import { checkByolRights } from './byolRules';
import { declarationConsumptions } from './declaredLicenses';
import { LicensedResource } from './costDataLicenses';
import {
  LicenseCount,
  countDeployment,
  countSubscriptionVms,
} from './countingRules';
import { StoredSeat } from './LicenseStore';
import {
  countHostMembers,
  hostGroupKey,
  licensingHost,
} from './dedicatedHosts';
import { deploymentFactFlags } from './deploymentFlags';

/** One deployment, declaration or seat that needs (or came with) licenses of a product. */
export interface Consumption {
  productId: string;
  entityRef: string | null;
  model: LicenseUsageModel;
  /** Quantity that counts towards the requirement; 0 when unknown or already counted. */
  counted: number;
  reason: LicenseRequirementReason;
  flags: LicenseUsageFlag[];
  resource?: LicensedResource;
  seat?: StoredSeat;
}

/** A product an entity declares in `finops-itam.io/licenses`. */
export interface Declaration {
  entityRef: string;
  productId: string;
  quantity: number;
}

export interface ConsumptionInput {
  products: Map<string, LicenseProduct>;
  /** Entitlements active today, by product, for BYOL rights. */
  activeEntitlements: Map<string, LicenseEntitlement[]>;
  resources: LicensedResource[];
  declarations: Declaration[];
  seats: StoredSeat[];
  unauthorizedProducts: string[];
}

export interface ConsumptionResult {
  consumptions: Consumption[];
  unknownProducts: UnknownLicenseProductUse[];
}

const groupKey = (...parts: Array<string | null>) => JSON.stringify(parts);

/** Cost-data consumption of a set of resources: per VM counts under each product's rule. */
export function costDataConsumptions(
  resources: LicensedResource[],
  input: Pick<ConsumptionInput, 'products' | 'activeEntitlements'>,
  unknown?: UnknownLicenseProductUse[],
): Consumption[] {
  // Subscriptions covering several VMs are counted per entity, product and model.
  const groups = new Map<
    string,
    Array<{
      resource: LicensedResource;
      product: LicenseProduct;
      model: Consumption['model'];
    }>
  >();
  const consumptions: Consumption[] = [];
  for (const resource of resources) {
    for (const detection of resource.detections.values()) {
      const product = input.products.get(detection.productId);
      if (!product) {
        unknown?.push({
          productId: detection.productId,
          source: 'cost-data',
          entityRef: resource.entityRef,
          resourceId: resource.resourceId,
          resourceName: resource.resourceName,
        });
        continue;
      }
      if (resource.softwareCharge) {
        consumptions.push(
          softwareChargeConsumption(resource, product, detection.model),
        );
        continue;
      }
      // Products that license hosts are counted per host, across the entities of its VMs.
      const key =
        hostGroupKey(product, resource, detection.model) ??
        groupKey(product.id, resource.entityRef, detection.model);
      const member = { resource, product, model: detection.model };
      const list = groups.get(key);
      if (list) list.push(member);
      else groups.set(key, [member]);
    }
  }
  for (const members of groups.values()) {
    const { product, model } = members[0];
    const host = licensingHost(product, members[0].resource);
    let counts: LicenseCount[];
    if (host) {
      counts = countHostMembers(
        product,
        host,
        members.map(m => m.resource),
      );
    } else if (product.metric === 'subscription') {
      counts = countSubscriptionVms(product, members.length);
    } else {
      counts = members.map(m =>
        countDeployment(product, {
          vcpus: m.resource.vcpus,
          hyperThreading: m.resource.hyperThreading,
        }),
      );
    }
    members.forEach(({ resource }, i) => {
      const count = counts[i];
      const flags: LicenseUsageFlag[] = count.warnings.map(message => ({
        kind: 'byol-not-allowed' as const,
        message,
      }));
      flags.push(...deploymentFactFlags(product, resource, count));
      if (model === 'byol') {
        const violation = checkByolRights(
          product,
          input.activeEntitlements.get(product.id) ?? [],
          resource,
        );
        if (violation) flags.push({ kind: 'byol-not-allowed', ...violation });
      }
      const detection = resource.detections.get(product.id)!;
      if (detection.badModelTag !== undefined) {
        flags.push({
          kind: 'unknown-product',
          message: `license model tag "${detection.badModelTag}" is neither byol nor license-included; counted as ${model}`,
        });
      }
      consumptions.push({
        productId: product.id,
        entityRef: resource.entityRef,
        model,
        counted: count.quantity ?? 0,
        reason: {
          source: 'cost-data',
          resourceId: resource.resourceId ?? undefined,
          resourceName: resource.resourceName ?? undefined,
          vcpus: resource.vcpus,
          quantity: count.quantity ?? 0,
          rule:
            model === 'license-included'
              ? `${count.rule} (license included in the cloud bill)`
              : count.rule,
        },
        flags,
        resource,
      });
    });
  }
  return consumptions;
}

/**
 * A software or service charge that names a product (e.g. the marketplace charge for the
 * license): listed so it can be found, but it runs nowhere, so it needs no licenses and
 * has no location to check against BYOL rules.
 */
function softwareChargeConsumption(
  resource: LicensedResource,
  product: LicenseProduct,
  model: Consumption['model'],
): Consumption {
  return {
    productId: product.id,
    entityRef: resource.entityRef,
    model,
    counted: 0,
    reason: {
      source: 'cost-data',
      resourceId: resource.resourceId ?? undefined,
      resourceName: resource.resourceName ?? undefined,
      vcpus: null,
      quantity: 0,
      rule: 'a software or service charge (HostProviderName "Not Applicable"), not a deployment: not counted',
    },
    flags: [],
    resource,
  };
}

/**
 * Everything that consumes licenses: cost data, catalog declarations and seat imports.
 * A declaration adds what the entity's BYOL cost data does not count (see
 * `declarationConsumptions`), so the same VMs or seats are never counted twice.
 */
export function collectConsumption(input: ConsumptionInput): ConsumptionResult {
  const unknownProducts: UnknownLicenseProductUse[] = [];
  const consumptions = costDataConsumptions(
    input.resources,
    input,
    unknownProducts,
  );

  consumptions.push(
    ...declarationConsumptions({
      declarations: input.declarations,
      products: input.products,
      costData: consumptions,
      seats: input.seats,
      unknown: unknownProducts,
    }),
  );

  for (const seat of input.seats) {
    const product = input.products.get(seat.productId);
    consumptions.push({
      productId: seat.productId,
      entityRef: seat.entityRef ?? null,
      model: 'seat',
      counted: 1,
      reason: {
        source: 'seat-import' as LicenseConsumptionSource,
        quantity: 1,
        rule: `seat assigned to ${seat.user}, ${
          seat.lastActive ? `last active ${seat.lastActive}` : 'never used'
        }`,
      },
      flags: product
        ? []
        : [
            {
              kind: 'unknown-product',
              message: `no product "${seat.productId}"`,
            },
          ],
      seat,
    });
  }

  flagRightsShortfall(consumptions, input);

  const blocked = new Set(input.unauthorizedProducts);
  for (const consumption of consumptions) {
    if (blocked.has(consumption.productId)) {
      consumption.flags.push({
        kind: 'unauthorized-product',
        message: `${consumption.productId} is on the unauthorized products list (finopsItam.licenses.unauthorizedProducts)`,
      });
    }
  }
  return { consumptions, unknownProducts };
}

/** Consumption that needs an entitlement: everything but license-included. */
export const needsEntitlement = (c: Consumption) =>
  c.model !== 'license-included';
