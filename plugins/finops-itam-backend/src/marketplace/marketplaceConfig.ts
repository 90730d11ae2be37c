import { Config } from '@backstage/config';

const KEY = 'finopsItam.marketplace.countsTowardCommitment';

/**
 * Reads `finopsItam.marketplace.countsTowardCommitment`: provider name → whether that
 * provider counts marketplace purchases toward its commitment (AWS, Azure and Google Cloud
 * count eligible marketplace spend, within limits each states). Read as a whole because
 * provider names such as "Google Cloud" are no valid config keys to look up one by one;
 * a value that is not true or false throws naming the key.
 */
export function readCountsTowardCommitment(
  config: Config,
): Record<string, boolean> {
  const given = config.getOptional(KEY) ?? {};
  if (typeof given !== 'object' || Array.isArray(given) || given === null) {
    throw new Error(
      `Invalid ${KEY}: must map provider names to true or false, like { AWS: true, Azure: false }`,
    );
  }
  const settings: Record<string, boolean> = {};
  for (const [provider, counts] of Object.entries(given)) {
    if (typeof counts !== 'boolean') {
      throw new Error(
        `Invalid ${KEY}.${provider}: must be true or false, not ${JSON.stringify(
          counts,
        )}`,
      );
    }
    settings[provider.trim()] = counts;
  }
  return settings;
}
