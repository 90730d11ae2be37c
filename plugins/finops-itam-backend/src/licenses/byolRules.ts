import {
  ByolRights,
  ByolRuleName,
  LicenseEntitlement,
  LicenseNonCompliance,
  LicensePositionEntry,
  LicenseProduct,
} from '@finops-itam/plugin-finops-itam-common';
import { LicensedResource } from './costDataLicenses';
import { Consumption } from './licenseConsumption';

/** Where a deployment runs, as the BYOL rules see it. */
export type ByolPlacement = Pick<LicensedResource, 'provider' | 'tenancy'>;

/** The right a placement breaks, and why in words. */
export interface ByolViolation {
  rule: ByolRuleName;
  message: string;
}

/** Tenancies a dedicated-host cutoff covers when its data does not say. */
const DEDICATED = ['dedicated-host', 'dedicated-instance'] as const;

/** Case-insensitive substring match, so `Google` matches `Google Cloud`. */
export const matchesProvider = (
  provider: string | null,
  names: string[] | undefined,
) =>
  provider !== null &&
  (names ?? []).some(name =>
    provider.toLowerCase().includes(name.toLowerCase()),
  );

/**
 * Whether an entitlement carries the Software Assurance benefits (License Mobility, Azure
 * Hybrid Benefit): Software Assurance itself, or a subscription license where the product's
 * rights say subscriptions include them.
 */
export function hasSoftwareAssurance(
  product: LicenseProduct,
  entitlement: LicenseEntitlement,
): boolean {
  const rights = { ...product.byol, ...entitlement.byol };
  return (
    entitlement.softwareAssurance === true ||
    (entitlement.subscription === true &&
      rights.subscriptionIncludesSoftwareAssurance === true)
  );
}

/** One entitlement's rights, or the product's alone when it has no active entitlement. */
interface RightsHolder {
  rights: ByolRights;
  softwareAssurance: boolean;
  entitlement?: LicenseEntitlement;
}

const dedicatedWhat = (tenancy: ByolPlacement['tenancy']) =>
  tenancy === 'dedicated-host' ? 'dedicated hosts' : 'dedicated instances';

function tenancyViolation(
  product: LicenseProduct,
  holder: RightsHolder,
  at: ByolPlacement,
): ByolViolation | null {
  const { rights } = holder;
  const where = `${at.provider ?? 'an unknown provider'} (${
    at.tenancy
  } tenancy)`;
  if (at.tenancy !== 'shared') {
    if (rights.allowedTenancy && !rights.allowedTenancy.includes(at.tenancy)) {
      return {
        rule: 'allowed-tenancy',
        message: `${product.name} may not be brought to ${where}`,
      };
    }
    return null;
  }
  const sharedAllowed =
    !rights.allowedTenancy ||
    rights.allowedTenancy.includes('shared') ||
    matchesProvider(at.provider, rights.sharedTenancyProviders);
  if (!sharedAllowed) {
    return {
      rule: 'allowed-tenancy',
      message: `${product.name} may not be brought to shared hosts on ${
        at.provider ?? 'this provider'
      }; use ${rights.allowedTenancy!.join(' or ')}`,
    };
  }
  if (rights.requiresLicenseMobility && !holder.softwareAssurance) {
    return {
      rule: 'license-mobility',
      message: holder.entitlement
        ? `${product.name} on shared hosts needs License Mobility through Software Assurance, and entitlement ${holder.entitlement.id} has none`
        : `${product.name} on shared hosts needs License Mobility through Software Assurance, and no active entitlement has it`,
    };
  }
  return null;
}

/** Microsoft's 2019-10-01 rule, as data: acquisition date against the product's cutoff. */
function cutoffViolation(
  product: LicenseProduct,
  holder: RightsHolder,
  at: ByolPlacement,
): ByolViolation | null {
  const cutoff = holder.rights.dedicatedHostCutoff;
  if (!cutoff) return null;
  const tenancies: readonly string[] = cutoff.tenancy ?? DEDICATED;
  if (
    !tenancies.includes(at.tenancy) ||
    !matchesProvider(at.provider, cutoff.providers)
  )
    return null;
  if (cutoff.unlessLicenseMobility && holder.softwareAssurance) return null;
  const where = `${dedicatedWhat(at.tenancy)} on ${at.provider}`;
  const unless = cutoff.unlessLicenseMobility
    ? ' without License Mobility through Software Assurance'
    : '';
  const e = holder.entitlement;
  if (!e) {
    return {
      rule: 'dedicated-host-cutoff',
      message: `${product.name} on ${where} needs licenses acquired before ${
        cutoff.acquiredBefore
      }${
        cutoff.unlessLicenseMobility
          ? ' or License Mobility through Software Assurance'
          : ''
      }, and no active entitlement has them`,
    };
  }
  if (e.acquiredOn === undefined) {
    // Unknown counts as not proven: an auditor asks for the purchase date.
    return {
      rule: 'dedicated-host-cutoff',
      message: `${product.name}: acquisition date unknown for entitlement ${e.id} (set acquiredOn); licenses acquired on or after ${cutoff.acquiredBefore} may not be brought to ${where}${unless}`,
    };
  }
  if (e.acquiredOn >= cutoff.acquiredBefore) {
    return {
      rule: 'dedicated-host-cutoff',
      message: `${product.name} acquired on or after ${cutoff.acquiredBefore} may not be brought to ${where}${unless} (entitlement ${e.id}, acquired ${e.acquiredOn})`,
    };
  }
  return null;
}

function softwareAssuranceViolation(
  product: LicenseProduct,
  holder: RightsHolder,
  at: ByolPlacement,
): ByolViolation | null {
  const { rights } = holder;
  if (
    holder.softwareAssurance ||
    !matchesProvider(at.provider, rights.softwareAssuranceRequiredOn)
  )
    return null;
  const needs = rights.subscriptionIncludesSoftwareAssurance
    ? 'Software Assurance or a subscription license'
    : 'Software Assurance';
  return {
    rule: 'software-assurance',
    message: `${product.name} needs ${needs} on ${at.provider}, and ${
      holder.entitlement
        ? `entitlement ${holder.entitlement.id} has neither`
        : 'no active entitlement has it'
    }`,
  };
}

function violationOf(
  product: LicenseProduct,
  holder: RightsHolder,
  at: ByolPlacement,
): ByolViolation | null {
  const { rights } = holder;
  if (
    rights.allowedProviders &&
    !matchesProvider(at.provider, rights.allowedProviders)
  ) {
    const where = `${at.provider ?? 'an unknown provider'} (${
      at.tenancy
    } tenancy)`;
    return {
      rule: 'allowed-providers',
      message: `${
        product.name
      } may be brought only to ${rights.allowedProviders.join(
        ', ',
      )}, not ${where}`,
    };
  }
  return (
    tenancyViolation(product, holder, at) ??
    cutoffViolation(product, holder, at) ??
    softwareAssuranceViolation(product, holder, at)
  );
}

/**
 * The BYOL right that bringing this product's license to this placement breaks, or null
 * when it is allowed. Each active entitlement is checked with the product's rights widened
 * by its own; one entitlement that allows the placement is enough. Without an active
 * entitlement the product's rights are checked with no Software Assurance and no date.
 */
export function checkByolRights(
  product: LicenseProduct,
  entitlements: LicenseEntitlement[],
  at: ByolPlacement,
): ByolViolation | null {
  const holders: RightsHolder[] =
    entitlements.length > 0
      ? entitlements.map(e => ({
          rights: { ...product.byol, ...e.byol },
          softwareAssurance: hasSoftwareAssurance(product, e),
          entitlement: e,
        }))
      : [{ rights: product.byol ?? {}, softwareAssurance: false }];
  const problems = holders.map(holder => violationOf(product, holder, at));
  return problems.includes(null) ? null : problems[0];
}

/** {@link checkByolRights} in words only. */
export function byolViolation(
  product: LicenseProduct,
  entitlements: LicenseEntitlement[],
  at: ByolPlacement,
): string | null {
  return checkByolRights(product, entitlements, at)?.message ?? null;
}

/**
 * Marks products with a BYOL deployment outside its rights `non-compliant`, listing the
 * deployments and the rule each breaks: a compliance risk outranks any surplus, so the
 * position number stays but the status changes.
 */
export function markNonCompliant(
  position: LicensePositionEntry[],
  consumptions: Consumption[],
): LicensePositionEntry[] {
  const breaches = new Map<string, LicenseNonCompliance[]>();
  for (const c of consumptions) {
    if (c.model !== 'byol') continue;
    for (const flag of c.flags) {
      if (flag.kind !== 'byol-not-allowed' || flag.rule === undefined) continue;
      const list = breaches.get(c.productId) ?? [];
      list.push({
        rule: flag.rule,
        message: flag.message,
        entityRef: c.entityRef,
        resourceId: c.reason.resourceId ?? c.resource?.resourceId ?? null,
        resourceName: c.reason.resourceName ?? c.resource?.resourceName ?? null,
      });
      breaches.set(c.productId, list);
    }
  }
  return position.map(entry => {
    const nonCompliance = breaches.get(entry.productId);
    return nonCompliance
      ? { ...entry, status: 'non-compliant' as const, nonCompliance }
      : entry;
  });
}

/** A flag saying a deployment breaks its BYOL rights (not a counting-rule warning). */
export const breaksByolRights = (flag: { kind: string; rule?: string }) =>
  flag.kind === 'byol-not-allowed' && flag.rule !== undefined;
