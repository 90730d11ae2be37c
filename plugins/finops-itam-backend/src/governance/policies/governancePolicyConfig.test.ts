import { ConfigReader } from '@backstage/config';
import { OnboardingPolicies } from '@finops-itam/plugin-finops-itam-common';
import { readGovernancePolicies } from './governancePolicyConfig';

const onboarding: OnboardingPolicies = {
  allowedProviders: ['AWS'],
  allowedRegions: null,
  requiredTags: ['cost-center'],
  blockedProducts: [],
  marketplace: 'needs-approval',
};

const read = (policies?: object) =>
  readGovernancePolicies(
    new ConfigReader({ finopsItam: policies ? { policies } : {} }),
    onboarding,
  );

describe('readGovernancePolicies', () => {
  it('adds nothing to the onboarding policies when nothing more is configured', () => {
    expect(read()).toEqual({
      ...onboarding,
      requiredTagsByProvider: {},
      approvedMarketplacePublishers: [],
    });
  });

  it('reads the tags required per provider and the approved marketplace sellers', () => {
    expect(
      read({
        requiredTags: ['cost-center'],
        requiredTagsByProvider: {
          'Google Cloud': ['team', ' team ', 'env'],
          Azure: ['env'],
        },
        approvedMarketplacePublishers: ['Datadog', 'Snowflake Inc.'],
      }),
    ).toEqual({
      ...onboarding,
      requiredTagsByProvider: {
        'Google Cloud': ['team', 'env'],
        Azure: ['env'],
      },
      approvedMarketplacePublishers: ['Datadog', 'Snowflake Inc.'],
    });
  });

  it('refuses malformed entries naming the key', () => {
    expect(() =>
      read({ requiredTagsByProvider: { AWS: ['cost-center', ''] } }),
    ).toThrow(
      'Invalid finopsItam.policies.requiredTagsByProvider.AWS[1]: must not be empty',
    );
    expect(() => read({ requiredTagsByProvider: ['cost-center'] })).toThrow(
      /^Invalid finopsItam\.policies\.requiredTagsByProvider: /,
    );
    expect(() => read({ approvedMarketplacePublishers: 'Datadog' })).toThrow(
      /^Invalid finopsItam\.policies\.approvedMarketplacePublishers: /,
    );
  });
});
