import { KnownRegions } from '../../onboarding/KnownRegions';
import { GovernancePolicies } from './GovernancePolicies';

const KEY = 'finopsItam.policies';
const EXTEND = 'add it under finopsItam.onboarding.regions';

/**
 * The start-up check of `finopsItam.policies` against the known providers and regions.
 * Such names are warnings, not errors: a provider or region newer than the shipped list
 * still matches cost rows that spell it the same way, so the backend should start, but a
 * typo would silently allow or flag nothing, which the operator must hear about.
 */
export function policyWarnings(
  policies: GovernancePolicies,
  regions: KnownRegions,
): string[] {
  const warnings: string[] = [];
  const known = regions.list();
  const knownNames = known.map(p => p.provider).join(', ');
  const providersOf = (region: string) =>
    known
      .filter(p =>
        p.regions.some(r => r.toLowerCase() === region.toLowerCase()),
      )
      .map(p => p.provider);

  policies.allowedProviders?.forEach((name, index) => {
    if (!regions.provider(name)) {
      warnings.push(
        `${KEY}.allowedProviders[${index}]: "${name}" is no known provider (${knownNames}); it only matches cost rows naming it exactly — ${EXTEND}`,
      );
    }
  });

  const allowed = policies.allowedProviders?.map(
    name => regions.provider(name) ?? name,
  );
  policies.allowedRegions?.forEach((region, index) => {
    const owners = providersOf(region);
    if (owners.length === 0) {
      warnings.push(
        `${KEY}.allowedRegions[${index}]: "${region}" is no region of a known provider; it only matches cost rows naming it exactly — ${EXTEND}`,
      );
    } else if (allowed && !owners.some(owner => allowed.includes(owner))) {
      warnings.push(
        `${KEY}.allowedRegions[${index}]: "${region}" is a region of ${owners.join(
          ' and ',
        )}, which is not an allowed provider, so no allowed spend can be there`,
      );
    }
  });

  for (const name of Object.keys(policies.requiredTagsByProvider)) {
    if (!regions.provider(name)) {
      warnings.push(
        `${KEY}.requiredTagsByProvider.${name}: "${name}" is no known provider (${knownNames}); its tags apply only to cost rows naming it exactly — ${EXTEND}`,
      );
    }
  }

  if (
    policies.approvedMarketplacePublishers.length > 0 &&
    policies.marketplace !== 'needs-approval'
  ) {
    warnings.push(
      `${KEY}.approvedMarketplacePublishers: has no effect while marketplace is "${policies.marketplace}"; approvals count only with "needs-approval"`,
    );
  }
  return warnings;
}
