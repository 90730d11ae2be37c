import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { parseEntityRef } from '@backstage/catalog-model';
import { OnboardingPolicies } from '@finops-itam/plugin-finops-itam-common';
import { KnownRegions } from './KnownRegions';
import { readScheduleWithDefaults } from '../sources/config';
import { readOnboardingPolicies } from './policyConfig';

const KEY = 'finopsItam.onboarding';
const DEFAULT_RESERVATION_DAYS = 60;
const DEFAULT_SCHEDULE = {
  frequency: { minutes: 15 },
  timeout: { minutes: 10 },
  initialDelay: { minutes: 1 },
};

/** `finopsItam.onboarding` and `finopsItam.policies`, read and checked at start-up. */
export interface OnboardingConfig {
  regions: KnownRegions;
  policies: OnboardingPolicies;
  /** Lowercase group refs notified of every request. */
  reviewers: string[];
  reservationDays: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

function readRegions(config: Config): KnownRegions {
  // Read as a whole: provider names such as "Google Cloud" are no valid config keys to look up.
  const given = config.getOptional(`${KEY}.regions`) ?? {};
  const isList = (value: unknown) =>
    Array.isArray(value) && value.every(v => typeof v === 'string' && v.trim());
  if (
    typeof given !== 'object' ||
    Array.isArray(given) ||
    !Object.values(given).every(isList)
  ) {
    throw new Error(
      `Invalid ${KEY}.regions: must map provider names to lists of region codes, like { AWS: [us-isob-east-1] }`,
    );
  }
  return new KnownRegions(given as Record<string, string[]>);
}

function readReviewers(config: Config): string[] {
  const refs = config.getOptionalStringArray(`${KEY}.reviewers`) ?? [];
  return refs.map((ref, index) => {
    try {
      const parsed = parseEntityRef(ref, { defaultKind: 'group' });
      return `${parsed.kind}:${parsed.namespace}/${parsed.name}`.toLowerCase();
    } catch (error) {
      throw new Error(
        `Invalid ${KEY}.reviewers[${index}]: "${ref}" is not an entity ref like group:default/team-itam`,
      );
    }
  });
}

/** Reads the onboarding settings; a mistake throws naming the key and stops start-up. */
export function readOnboardingConfig(config: Config): OnboardingConfig {
  const regions = readRegions(config);
  const reservationDays =
    config.getOptionalNumber(`${KEY}.reservationDays`) ??
    DEFAULT_RESERVATION_DAYS;
  if (!Number.isInteger(reservationDays) || reservationDays < 1) {
    throw new Error(
      `Invalid ${KEY}.reservationDays: must be a whole number of days, at least 1`,
    );
  }
  return {
    regions,
    policies: readOnboardingPolicies(config, regions),
    reviewers: readReviewers(config),
    reservationDays,
    schedule: readScheduleWithDefaults(
      config.getOptionalConfig(`${KEY}.schedule`),
      `${KEY}.schedule`,
      DEFAULT_SCHEDULE,
    ),
  };
}
