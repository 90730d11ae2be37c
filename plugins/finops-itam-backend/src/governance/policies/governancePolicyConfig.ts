import { Config } from '@backstage/config';
import { OnboardingPolicies } from '@finops-itam/plugin-finops-itam-common';
import { z } from 'zod';
import { GovernancePolicies } from './GovernancePolicies';

const KEY = 'finopsItam.policies';

const names = z.array(z.string().trim().min(1, 'must not be empty'));

const schema = z.object({
  requiredTagsByProvider: z.record(names).optional(),
  approvedMarketplacePublishers: names.optional(),
});

/**
 * Reads the compliance report's additions to `finopsItam.policies` on top of the
 * onboarding policies read from the same key. Read as a whole because provider names
 * such as "Google Cloud" are no valid config keys to look up one by one. A mistake throws
 * naming the key.
 */
export function readGovernancePolicies(
  config: Config,
  onboarding: OnboardingPolicies,
): GovernancePolicies {
  const given = config.getOptional(KEY) ?? {};
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.reduce<string>(
      (path, part) =>
        typeof part === 'number' ? `${path}[${part}]` : `${path}.${part}`,
      KEY,
    );
    throw new Error(`Invalid ${where}: ${issue.message}`);
  }
  const byProvider = parsed.data.requiredTagsByProvider ?? {};
  return {
    ...onboarding,
    requiredTagsByProvider: Object.fromEntries(
      Object.entries(byProvider).map(([provider, tags]) => [
        provider.trim(),
        [...new Set(tags)],
      ]),
    ),
    approvedMarketplacePublishers:
      parsed.data.approvedMarketplacePublishers ?? [],
  };
}
