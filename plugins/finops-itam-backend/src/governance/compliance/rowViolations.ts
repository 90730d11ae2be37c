import { GovernancePolicies } from '../policies/GovernancePolicies';
import { ProviderNames } from '../policies/ProviderNames';
import { GovernanceCostRow } from './GovernanceCostRow';

/** The four parts of the compliance report. */
export type ViolationKind =
  | 'untagged'
  | 'disallowedLocation'
  | 'marketplaceOutsidePolicy'
  | 'blockedProduct';

export interface RowViolation {
  kind: ViolationKind;
  /** Why, in words for the report, e.g. `missing tag cost-center`. */
  reason: string;
}

const tagKey = (key: string) => key.trim().toLowerCase();

/**
 * The required tag keys the row lacks. Keys are compared trimmed and case-insensitively
 * because exports carry stray whitespace and Azure treats tag names case-insensitively; a
 * key with an empty value counts as missing, since it allocates nothing.
 */
export function missingTags(
  row: GovernanceCostRow,
  policies: GovernancePolicies,
  names: ProviderNames,
): string[] {
  const required = [...policies.requiredTags];
  for (const [provider, tags] of Object.entries(
    policies.requiredTagsByProvider,
  )) {
    if (names.same(provider, row.providerName)) required.push(...tags);
  }
  const present = new Set(
    Object.entries(row.tags)
      .filter(([, value]) => (value ?? '').trim() !== '')
      .map(([key]) => tagKey(key)),
  );
  const missing = new Map<string, string>();
  for (const tag of required) {
    if (!present.has(tagKey(tag)) && !missing.has(tagKey(tag))) {
      missing.set(tagKey(tag), tag);
    }
  }
  return [...missing.values()];
}

/**
 * A marketplace purchase: the seller is neither the provider nor the invoice issuer
 * (FOCUS: `PublisherName` differs from `InvoiceIssuerName`). Compared by canonical
 * provider names, so `Microsoft` selling through `Azure` is no marketplace purchase.
 */
export function isMarketplacePurchase(
  row: GovernanceCostRow,
  names: ProviderNames,
): boolean {
  const seller = row.publisherName?.trim();
  if (!seller || !row.invoiceIssuerName?.trim()) return false;
  return (
    !names.same(seller, row.invoiceIssuerName) &&
    !names.same(seller, row.providerName)
  );
}

function locationViolation(
  row: GovernanceCostRow,
  policies: GovernancePolicies,
  names: ProviderNames,
): RowViolation | null {
  const { allowedProviders, allowedRegions } = policies;
  if (allowedProviders && !names.includes(allowedProviders, row.providerName)) {
    return {
      kind: 'disallowedLocation',
      reason: `provider ${names.canonical(row.providerName)} is not allowed`,
    };
  }
  const region = row.regionId?.trim();
  if (
    allowedRegions &&
    region &&
    !allowedRegions.some(r => r.toLowerCase() === region.toLowerCase())
  ) {
    return {
      kind: 'disallowedLocation',
      reason: `region ${region} is not allowed`,
    };
  }
  return null;
}

function marketplaceViolation(
  row: GovernanceCostRow,
  policies: GovernancePolicies,
  names: ProviderNames,
): RowViolation | null {
  if (policies.marketplace === 'allowed') return null;
  if (!isMarketplacePurchase(row, names)) return null;
  const seller = row.publisherName!.trim();
  const where = `bought from ${seller} through ${row.invoiceIssuerName!.trim()}`;
  if (policies.marketplace === 'forbidden') {
    return {
      kind: 'marketplaceOutsidePolicy',
      reason: `${where}; marketplace purchases are forbidden`,
    };
  }
  if (names.includes(policies.approvedMarketplacePublishers, seller)) {
    return null;
  }
  return {
    kind: 'marketplaceOutsidePolicy',
    reason: `${where}; ${seller} is not an approved marketplace seller`,
  };
}

/** Everything about one cost row that is outside policy (empty when it is within). */
export function rowViolations(
  row: GovernanceCostRow,
  policies: GovernancePolicies,
  names: ProviderNames,
): RowViolation[] {
  const violations: RowViolation[] = [];
  // One violation per tag, so a resource's rows missing different tags list each once.
  for (const tag of missingTags(row, policies, names)) {
    violations.push({ kind: 'untagged', reason: `missing tag ${tag}` });
  }
  const location = locationViolation(row, policies, names);
  if (location) violations.push(location);
  const marketplace = marketplaceViolation(row, policies, names);
  if (marketplace) violations.push(marketplace);
  const product = row.productId?.trim();
  if (
    product &&
    policies.blockedProducts.some(
      b => b.toLowerCase() === product.toLowerCase(),
    )
  ) {
    violations.push({
      kind: 'blockedProduct',
      reason: `product ${product} is blocked`,
    });
  }
  return violations;
}
