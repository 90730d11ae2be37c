import { EntityLicenseUsage } from '@finops-itam/plugin-finops-itam-common';

/** The flags saying one of the entity's BYOL deployments breaks its rights (they name the rule). */
export function byolBreaches(product: EntityLicenseUsage) {
  return product.flags.filter(
    flag => flag.kind === 'byol-not-allowed' && flag.rule !== undefined,
  );
}

/** `8 covered by entitlement ent-sa of microsoft-sql-server-enterprise (2 used)`, one per conversion. */
export function coveredByLines(product: EntityLicenseUsage): string[] {
  return (product.coveredBy ?? []).map(
    c =>
      `${c.quantity} covered by entitlement ${c.entitlementId} of ${c.productId} (${c.entitlementQuantity} used)`,
  );
}
