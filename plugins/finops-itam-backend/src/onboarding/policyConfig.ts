import { Config } from '@backstage/config';
import { z } from 'zod';
import { GovernancePolicies } from '../governance/policies/GovernancePolicies';
import { policyWarnings } from '../governance/policies/policyWarnings';
import { KnownRegions } from './KnownRegions';

const KEY = 'finopsItam.policies';

const nonEmptyStrings = z.array(z.string().trim().min(1, 'must not be empty'));
/**
 * An allow-list: an empty one would put all spend outside policy, surely a mistake, and
 * "no restriction" is written by leaving the key out (the compliance answer then lists none).
 */
const allowList = nonEmptyStrings.min(
  1,
  'must name at least one; leave the key out to allow all',
);

/** Every key of `finopsItam.policies`: onboarding and the compliance report read one set. */
const policiesSchema = z
  .object({
    allowedProviders: allowList.optional(),
    allowedRegions: allowList.optional(),
    requiredTags: nonEmptyStrings.optional(),
    requiredTagsByProvider: z.record(nonEmptyStrings).optional(),
    blockedProducts: nonEmptyStrings.optional(),
    marketplace: z.enum(['allowed', 'needs-approval', 'forbidden']).optional(),
    approvedMarketplacePublishers: nonEmptyStrings.optional(),
  })
  .strict();

/** `finopsItam.policies.requiredTagsByProvider.AWS[1]`: the key and index of the first issue. */
function where(path: Array<string | number>): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : `${text}.${part}`,
    KEY,
  );
}

function describe(error: z.ZodError): string {
  return error.issues
    .map(issue => `${where(issue.path)}: ${issue.message}`)
    .join('; ');
}

/** The policies with the start-up warnings about them. */
export interface PolicySettings {
  policies: GovernancePolicies;
  /** Names the policies use that match no known provider or region, each naming its key. */
  warnings: string[];
}

/**
 * Reads `finopsItam.policies`, the one policy set onboarding checks apply to new workloads
 * and the compliance report to running cost. Unauthorized products of the license config
 * are blocked too, so one list serves the license position, onboarding and compliance.
 *
 * A malformed value (a bad marketplace value, an empty tag, an unknown key) throws naming
 * the key, which stops the backend at start-up. An unknown provider or region is only a
 * warning: one newer than the shipped list still matches cost rows spelling it the same way.
 */
export function readPolicies(
  config: Config,
  regions: KnownRegions,
): PolicySettings {
  const parsed = policiesSchema.safeParse(config.getOptional(KEY) ?? {});
  if (!parsed.success) {
    throw new Error(`Invalid ${KEY}: ${describe(parsed.error)}`);
  }
  const given = parsed.data;

  const unauthorized =
    config.getOptionalStringArray('finopsItam.licenses.unauthorizedProducts') ??
    [];
  const policies: GovernancePolicies = {
    // Canonical names where known (`Microsoft` → `Azure`), as given otherwise.
    allowedProviders:
      given.allowedProviders?.map(name => regions.provider(name) ?? name) ??
      null,
    allowedRegions: given.allowedRegions ?? null,
    requiredTags: given.requiredTags ?? [],
    blockedProducts: [
      ...new Set([...(given.blockedProducts ?? []), ...unauthorized]),
    ],
    marketplace: given.marketplace ?? 'allowed',
    requiredTagsByProvider: Object.fromEntries(
      Object.entries(given.requiredTagsByProvider ?? {}).map(
        ([provider, tags]) => [provider.trim(), [...new Set(tags)]],
      ),
    ),
    approvedMarketplacePublishers: given.approvedMarketplacePublishers ?? [],
  };
  return {
    policies,
    // Checked on the names as configured, so each warning quotes what the operator wrote.
    warnings: policyWarnings(
      {
        ...policies,
        allowedProviders: given.allowedProviders ?? null,
      },
      regions,
    ),
  };
}

/**
 * The policies onboarding applies: the same reading as the compliance report's (the
 * warnings are logged once, by the governance feature).
 */
export function readOnboardingPolicies(
  config: Config,
  regions: KnownRegions,
): GovernancePolicies {
  return readPolicies(config, regions).policies;
}
