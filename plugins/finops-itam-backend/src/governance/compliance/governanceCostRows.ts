import { GovernanceCostRow } from './GovernanceCostRow';
import { GovernanceCostGroup } from './GovernanceCostReader';
import { ProviderNames } from '../policies/ProviderNames';
import { CatalogOwners } from './CatalogOwners';

/** The `HostProviderName` FOCUS 1.3 gives charges that run on no host (software, SaaS). */
const NOT_APPLICABLE = 'not applicable';
/** What a row naming no provider at all is reported under. */
const UNKNOWN_PROVIDER = '(unknown provider)';

/**
 * Where the charge runs, as location policies judge it: the host provider (FOCUS 1.3), not
 * the service provider, which for a marketplace purchase is the seller; before 1.3, or for
 * software running on no host, the provider name. Some exports put a marketplace seller in
 * `ProviderName` too (the demo's Lumenwatch rows do): when that names no provider the
 * portal knows but the invoice issuer does, the purchase was made in the issuer's cloud.
 */
function providerOf(group: GovernanceCostGroup, names: ProviderNames): string {
  const host = group.hostProviderName?.trim();
  if (host && host.toLowerCase() !== NOT_APPLICABLE) return host;
  const provider = group.providerName?.trim();
  if (provider && names.known(provider)) return provider;
  const issuer = group.invoiceIssuerName?.trim();
  if (issuer && names.known(issuer)) return issuer;
  return provider || UNKNOWN_PROVIDER;
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
  names: ProviderNames,
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
      providerName: providerOf(group, names),
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
