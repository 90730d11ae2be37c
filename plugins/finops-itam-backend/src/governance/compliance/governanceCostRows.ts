import { GovernanceCostRow } from './GovernanceCostRow';
import { GovernanceCostGroup } from './GovernanceCostReader';
import { CatalogOwners } from './CatalogOwners';

/** The `HostProviderName` FOCUS 1.3 gives charges that run on no host (software, SaaS). */
const NOT_APPLICABLE = 'not applicable';
/** What a row naming no provider at all is reported under. */
const UNKNOWN_PROVIDER = '(unknown provider)';

/**
 * Where the charge runs, as location policies judge it: the host provider (FOCUS 1.3), not
 * the service provider, which for a marketplace purchase is the seller; before 1.3, or for
 * software running on no host, the provider name.
 */
function providerOf(group: GovernanceCostGroup): string {
  const host = group.hostProviderName?.trim();
  if (host && host.toLowerCase() !== NOT_APPLICABLE) return host;
  return group.providerName?.trim() || UNKNOWN_PROVIDER;
}

function parseTags(text: string | null): Record<string, string> {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? parsed
      : {};
  } catch {
    return {};
  }
}

/**
 * The compliance report's rows from the grouped cost facts: owners from the catalog, a
 * suggested owner for unallocated rows, and the license product from the product tag
 * (`finopsItam.licenses.costData.productTag`) when the row carries it.
 */
export function toGovernanceCostRows(
  groups: readonly GovernanceCostGroup[],
  owners: CatalogOwners,
  productTag: string,
): GovernanceCostRow[] {
  const suggestions = new Map<string, string | null>();
  const suggest = (resourceId: string | null, resourceName: string | null) => {
    const key = `${resourceId ?? ''}\u0000${resourceName ?? ''}`;
    if (!suggestions.has(key)) {
      suggestions.set(key, owners.suggestOwner(resourceId, resourceName));
    }
    return suggestions.get(key)!;
  };
  return groups.map(group => {
    const tags = parseTags(group.tags);
    const product = tags[productTag];
    return {
      providerName: providerOf(group),
      regionId: group.regionId,
      resourceId: group.resourceId,
      resourceName: group.resourceName,
      tags,
      ownerRef: group.allocatedEntityRef
        ? owners.ownerOf(group.allocatedEntityRef)
        : null,
      suggestedOwnerRef: group.allocatedEntityRef
        ? null
        : suggest(group.resourceId, group.resourceName),
      currency: group.currency,
      effectiveCost: group.effectiveCost,
      publisherName: group.publisherName,
      invoiceIssuerName: group.invoiceIssuerName,
      productId:
        typeof product === 'string' && product.trim() !== ''
          ? product.trim().toLowerCase()
          : null,
    };
  });
}
