import { GovernancePolicies } from '../policies/GovernancePolicies';
import { ProviderNames } from '../policies/ProviderNames';
import {
  isProductBlocked,
  isProviderAllowed,
  isRegionAllowed,
  marketplaceVerdict,
  missingRequiredTags,
  requiredTagsFor,
} from '../policies/policyRules';
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

/** The required tag keys the row lacks (see `requiredTagsFor` and `tagValue`). */
export function missingTags(
  row: GovernanceCostRow,
  policies: GovernancePolicies,
  names: ProviderNames,
): string[] {
  return missingRequiredTags(
    row.tags,
    requiredTagsFor(policies, row.providerName, names),
  );
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
  if (!isProviderAllowed(policies, row.providerName, names)) {
    return {
      kind: 'disallowedLocation',
      reason: `provider ${names.canonical(row.providerName)} is not allowed`,
    };
  }
  if (!isRegionAllowed(policies, row.regionId)) {
    return {
      kind: 'disallowedLocation',
      reason: `region ${row.regionId!.trim()} is not allowed`,
    };
  }
  return null;
}

function marketplaceViolation(
  row: GovernanceCostRow,
  policies: GovernancePolicies,
  names: ProviderNames,
): RowViolation | null {
  if (!isMarketplacePurchase(row, names)) return null;
  const seller = row.publisherName!.trim();
  const where = `bought from ${seller} through ${row.invoiceIssuerName!.trim()}`;
  switch (marketplaceVerdict(policies, seller, names)) {
    case 'forbidden':
      return {
        kind: 'marketplaceOutsidePolicy',
        reason: `${where}; marketplace purchases are forbidden`,
      };
    case 'needs-approval':
      return {
        kind: 'marketplaceOutsidePolicy',
        reason: `${where}; ${seller} is not an approved marketplace seller`,
      };
    default:
      return null;
  }
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
  if (isProductBlocked(policies, row.productId)) {
    violations.push({
      kind: 'blockedProduct',
      reason: `product ${row.productId!.trim()} is blocked`,
    });
  }
  return violations;
}
