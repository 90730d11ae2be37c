import { Config } from '@backstage/config';
import { OnboardingPolicies } from '@finops-itam/plugin-finops-itam-common';
import { z } from 'zod';
import { KnownRegions } from './KnownRegions';

const KEY = 'finopsItam.policies';

const nonEmptyStrings = z.array(z.string().trim().min(1, 'must not be empty'));

const policiesSchema = z
  .object({
    allowedProviders: nonEmptyStrings.optional(),
    allowedRegions: nonEmptyStrings.optional(),
    requiredTags: nonEmptyStrings.optional(),
    blockedProducts: nonEmptyStrings.optional(),
    marketplace: z.enum(['allowed', 'needs-approval', 'forbidden']).optional(),
  })
  .strict();

function describe(error: z.ZodError): string {
  return error.issues
    .map(issue => {
      const where = [KEY, ...issue.path].join('.');
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Reads `finopsItam.policies` into the policies onboarding checks apply. Unauthorized
 * products of the license config are blocked too, so one list serves both the license
 * position and onboarding. A mistake (an unknown provider, a bad marketplace value)
 * throws naming the key, which stops the backend at start-up.
 */
export function readOnboardingPolicies(
  config: Config,
  regions: KnownRegions,
): OnboardingPolicies {
  const parsed = policiesSchema.safeParse(config.getOptional(KEY) ?? {});
  if (!parsed.success) {
    throw new Error(`Invalid ${KEY}: ${describe(parsed.error)}`);
  }
  const given = parsed.data;

  const allowedProviders = given.allowedProviders?.map((name, index) => {
    const provider = regions.provider(name);
    if (!provider) {
      const known = regions.list().map(p => p.provider);
      throw new Error(
        `Invalid ${KEY}.allowedProviders[${index}]: unknown provider "${name}"; known providers are ${known.join(
          ', ',
        )} (add one under finopsItam.onboarding.regions)`,
      );
    }
    return provider;
  });
  const allowedRegions = given.allowedRegions?.map((region, index) => {
    const known = regions
      .list()
      .some(p => p.regions.some(r => r.toLowerCase() === region.toLowerCase()));
    if (!known) {
      throw new Error(
        `Invalid ${KEY}.allowedRegions[${index}]: "${region}" is no region of a known provider (add it under finopsItam.onboarding.regions)`,
      );
    }
    return region;
  });

  const unauthorized =
    config.getOptionalStringArray('finopsItam.licenses.unauthorizedProducts') ??
    [];
  const blockedProducts = [
    ...new Set([...(given.blockedProducts ?? []), ...unauthorized]),
  ];

  return {
    allowedProviders: allowedProviders ?? null,
    allowedRegions: allowedRegions ?? null,
    requiredTags: given.requiredTags ?? [],
    blockedProducts,
    marketplace: given.marketplace ?? 'allowed',
  };
}
