import {
  LicenseEntitlement,
  LicenseProduct,
} from '@finops-itam/plugin-finops-itam-common';
import { LicensedResource } from './costDataLicenses';

const matchesProvider = (provider: string | null, names: string[] | undefined) =>
  provider !== null &&
  (names ?? []).some(name => provider.toLowerCase().includes(name.toLowerCase()));

/**
 * Why bringing this product's license to this resource breaks the product's BYOL rules, or
 * null when it is allowed. Rights on an entitlement of the product widen the product's:
 * if any active entitlement allows the placement, it is allowed.
 */
export function byolViolation(
  product: LicenseProduct,
  entitlements: LicenseEntitlement[],
  resource: Pick<LicensedResource, 'provider' | 'tenancy'>,
): string | null {
  const candidates = entitlements.length > 0
    ? entitlements.map(e => ({ rights: { ...product.byol, ...e.byol }, sa: e.softwareAssurance === true }))
    : [{ rights: product.byol ?? {}, sa: false }];
  const problems = candidates.map(({ rights, sa }) => {
    const where = `${resource.provider ?? 'an unknown provider'} (${resource.tenancy} tenancy)`;
    if (rights.allowedProviders && !matchesProvider(resource.provider, rights.allowedProviders)) {
      return `${product.name} may be brought only to ${rights.allowedProviders.join(', ')}, not ${where}`;
    }
    if (resource.tenancy === 'shared') {
      const sharedAllowed =
        !rights.allowedTenancy ||
        rights.allowedTenancy.includes('shared') ||
        matchesProvider(resource.provider, rights.sharedTenancyProviders);
      if (!sharedAllowed) {
        return `${product.name} may not be brought to shared hosts on ${resource.provider ?? 'this provider'}; use ${rights.allowedTenancy!.join(' or ')}`;
      }
      if (rights.requiresLicenseMobility && !sa) {
        return `${product.name} on shared hosts needs License Mobility through Software Assurance, and no active entitlement has it`;
      }
    } else if (rights.allowedTenancy && !rights.allowedTenancy.includes(resource.tenancy)) {
      return `${product.name} may not be brought to ${where}`;
    }
    return null;
  });
  return problems.includes(null) ? null : problems[0];
}
