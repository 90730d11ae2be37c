import { ConfigReader } from '@backstage/config';
import { readOnboardingConfig } from './onboardingConfig';

const read = (finopsItam: object) =>
  readOnboardingConfig(new ConfigReader({ finopsItam }));

describe('readOnboardingConfig', () => {
  it('allows everything and blocks nothing when nothing is configured', () => {
    const settings = read({});
    expect(settings.policies).toEqual({
      allowedProviders: null,
      allowedRegions: null,
      requiredTags: [],
      blockedProducts: [],
      marketplace: 'allowed',
      requiredTagsByProvider: {},
      approvedMarketplacePublishers: [],
    });
    expect(settings.reservationDays).toBe(60);
    expect(settings.reviewers).toEqual([]);
  });

  it('reads the policies, blocking the license config’s unauthorized products too', () => {
    const settings = read({
      policies: {
        allowedProviders: ['aws', 'Microsoft', 'Google Cloud'],
        allowedRegions: ['eu-west-1', 'westeurope'],
        requiredTags: ['cost-center'],
        blockedProducts: ['oracle-database-enterprise'],
        marketplace: 'needs-approval',
      },
      licenses: {
        unauthorizedProducts: ['rhel', 'oracle-database-enterprise'],
      },
      onboarding: {
        reviewers: ['group:default/Team-ITAM', 'team-finops'],
        reservationDays: 30,
      },
    });
    expect(settings.policies).toEqual({
      allowedProviders: ['AWS', 'Azure', 'Google Cloud'],
      allowedRegions: ['eu-west-1', 'westeurope'],
      requiredTags: ['cost-center'],
      blockedProducts: ['oracle-database-enterprise', 'rhel'],
      marketplace: 'needs-approval',
      requiredTagsByProvider: {},
      approvedMarketplacePublishers: [],
    });
    expect(settings.reviewers).toEqual([
      'group:default/team-itam',
      'group:default/team-finops',
    ]);
    expect(settings.reservationDays).toBe(30);
  });

  it('adds configured regions, and providers it did not know', () => {
    const settings = read({
      onboarding: {
        regions: { aws: ['us-isob-east-1'], 'Acme Cloud': ['north-1'] },
      },
      policies: {
        allowedProviders: ['Acme Cloud'],
        allowedRegions: ['north-1'],
      },
    });
    expect(settings.regions.region('AWS', 'US-ISOB-EAST-1')).toBe(
      'us-isob-east-1',
    );
    expect(settings.regions.region('acme cloud', 'north-1')).toBe('north-1');
    expect(settings.policies.allowedProviders).toEqual(['Acme Cloud']);
  });

  it('keeps unknown providers and regions in the policies (start-up warns of them, see policyConfig.test.ts)', () => {
    const settings = read({
      policies: {
        allowedProviders: ['Acme Cloud'],
        allowedRegions: ['mars-1'],
      },
    });
    expect(settings.policies.allowedProviders).toEqual(['Acme Cloud']);
    expect(settings.policies.allowedRegions).toEqual(['mars-1']);
  });

  it.each([
    [
      { policies: { marketplace: 'sometimes' } },
      'Invalid finopsItam.policies: finopsItam.policies.marketplace:',
    ],
    [
      { policies: { blockedProduct: ['rhel'] } },
      "Unrecognized key(s) in object: 'blockedProduct'",
    ],
    [
      { onboarding: { reservationDays: 0 } },
      'Invalid finopsItam.onboarding.reservationDays',
    ],
    [
      { onboarding: { reviewers: ['group:default/'] } },
      'Invalid finopsItam.onboarding.reviewers[0]',
    ],
  ])('stops start-up on a mistake: %j', (config, message) => {
    expect(() => read(config)).toThrow(message);
  });
});

it('names the regions key when its value is no map of lists', () => {
  expect(() => read({ onboarding: { regions: { AWS: 'eu-west-1' } } })).toThrow(
    'Invalid finopsItam.onboarding.regions',
  );
});
