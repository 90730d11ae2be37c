import {
  EntityLicenseUsage,
  LicensePositionEntry,
} from '@finops-itam/plugin-finops-itam-common';
import { breaksByolRights, markNonCompliant } from './byolRules';
import { CoverageInput, applyEditionCoverage } from './editionCoverage';
import { Consumption } from './licenseConsumption';

/**
 * What the publishers' terms add to the computed position: edition conversions first (they
 * change the numbers), then BYOL non-compliance (it changes the status, whatever the numbers).
 */
export function applyLicenseRights(
  position: LicensePositionEntry[],
  input: CoverageInput,
): LicensePositionEntry[] {
  return markNonCompliant(
    applyEditionCoverage(position, input),
    input.consumptions,
  );
}

/**
 * Whether an entity's use of a product is covered: not when the product is short (the
 * position, not the status, which non-compliance may hide it behind), nor when one of the
 * entity's own BYOL deployments breaks its rights. Also which other products' licenses
 * cover part of the product, organisation-wide. Use needing no entitlement is covered.
 */
export function entityCoverage(
  entry: LicensePositionEntry | undefined,
  consumptions: Consumption[],
  needsEntitlements: boolean,
): Pick<EntityLicenseUsage, 'covered' | 'coveredBy'> {
  if (!needsEntitlements) return { covered: true };
  const short = (entry?.position ?? 0) < 0;
  const broken = consumptions.some(
    c => c.model === 'byol' && c.flags.some(breaksByolRights),
  );
  const coveredBy =
    entry?.coveredBy?.filter(c => c.productId !== entry.productId) ?? [];
  return {
    covered: !short && !broken,
    ...(coveredBy.length > 0 ? { coveredBy } : {}),
  };
}
