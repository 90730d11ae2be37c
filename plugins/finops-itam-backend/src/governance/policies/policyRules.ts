import { OnboardingPolicies } from '@finops-itam/plugin-finops-itam-common';
import { GovernancePolicies } from './GovernancePolicies';
import { ProviderNames } from './ProviderNames';

/**
 * The policy engine both onboarding (a planned workload) and the compliance report
 * (running cost) apply, so one `finopsItam.policies` means the same thing before and after
 * deployment. The governance additions are optional here because onboarding's context is
 * typed with the onboarding subset of the policies.
 */
export type PolicyRules = OnboardingPolicies &
  Partial<
    Pick<
      GovernancePolicies,
      'requiredTagsByProvider' | 'approvedMarketplacePublishers'
    >
  >;

const tagKey = (key: string) => key.trim().toLowerCase();
const sameText = (a: string, b: string) =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The tag keys a resource of `provider` must carry: `requiredTags` plus those required of
 * that provider, each once (compared case-insensitively, the first spelling kept).
 */
export function requiredTagsFor(
  policies: PolicyRules,
  provider: string,
  names: ProviderNames,
): string[] {
  const required = [...policies.requiredTags];
  for (const [name, tags] of Object.entries(
    policies.requiredTagsByProvider ?? {},
  )) {
    if (names.same(name, provider)) required.push(...tags);
  }
  return uniqueTagKeys(required);
}

/** Each tag key once, compared case-insensitively, the first spelling kept. */
export function uniqueTagKeys(keys: Iterable<string>): string[] {
  const unique = new Map<string, string>();
  for (const key of keys) {
    if (!unique.has(tagKey(key))) unique.set(tagKey(key), key);
  }
  return [...unique.values()];
}

/**
 * The value of tag `key`, matching keys trimmed and case-insensitively: exports carry
 * stray whitespace and Azure treats tag names case-insensitively. Blank values are absent,
 * since they allocate nothing.
 */
export function tagValue(
  tags: Record<string, string | null | undefined>,
  key: string,
): string | undefined {
  for (const [name, value] of Object.entries(tags)) {
    if (tagKey(name) === tagKey(key) && (value ?? '').trim() !== '') {
      return String(value);
    }
  }
  return undefined;
}

/** The keys of `required` that `tags` lacks or leaves blank, in the order required. */
export function missingRequiredTags(
  tags: Record<string, string | null | undefined>,
  required: readonly string[],
): string[] {
  return required.filter(key => tagValue(tags, key) === undefined);
}

/** False only when the policy lists allowed providers and `provider` is not one of them. */
export function isProviderAllowed(
  policies: PolicyRules,
  provider: string,
  names: ProviderNames,
): boolean {
  return (
    !policies.allowedProviders ||
    names.includes(policies.allowedProviders, provider)
  );
}

/**
 * What exports write for a global service (AWS CloudFront, Route 53): no place a region
 * policy could steer, so it is treated like a charge without a region.
 */
const NOT_REGIONAL = new Set(['global']);

/**
 * False only when the policy lists allowed regions and `region` is not one of them. A
 * charge without a region (support, tax, global services) is placed nowhere, so allowed.
 */
export function isRegionAllowed(
  policies: PolicyRules,
  region: string | null,
): boolean {
  const given = region?.trim();
  return (
    !policies.allowedRegions ||
    !given ||
    NOT_REGIONAL.has(given.toLowerCase()) ||
    policies.allowedRegions.some(r => sameText(r, given))
  );
}

export function isProductBlocked(
  policies: PolicyRules,
  productId: string | null,
): boolean {
  const given = productId?.trim();
  return !!given && policies.blockedProducts.some(b => sameText(b, given));
}

/**
 * How the policy treats a marketplace purchase: `allowed` outright, `approved` (its
 * seller is on the approved list), `needs-approval` or `forbidden`. Without a known seller
 * (an onboarding request names none) approval is still needed.
 */
export type MarketplaceVerdict =
  | 'allowed'
  | 'approved'
  | 'needs-approval'
  | 'forbidden';

export function marketplaceVerdict(
  policies: PolicyRules,
  seller: string | null,
  names: ProviderNames,
): MarketplaceVerdict {
  if (policies.marketplace !== 'needs-approval') return policies.marketplace;
  return seller &&
    names.includes(policies.approvedMarketplacePublishers ?? [], seller)
    ? 'approved'
    : 'needs-approval';
}
