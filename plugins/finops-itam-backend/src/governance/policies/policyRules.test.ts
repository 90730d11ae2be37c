import { KnownRegions } from '../../onboarding/KnownRegions';
import { GovernancePolicies } from './GovernancePolicies';
import { ProviderNames } from './ProviderNames';
import {
  isProductBlocked,
  isProviderAllowed,
  isRegionAllowed,
  marketplaceVerdict,
  missingRequiredTags,
  requiredTagsFor,
} from './policyRules';

const names = new ProviderNames(new KnownRegions());

const open: GovernancePolicies = {
  allowedProviders: null,
  allowedRegions: null,
  requiredTags: [],
  requiredTagsByProvider: {},
  blockedProducts: [],
  marketplace: 'allowed',
  approvedMarketplacePublishers: [],
};

describe('policy rules', () => {
  it('requires the common tags plus the provider’s, each once', () => {
    const policies = {
      ...open,
      requiredTags: ['cost-center'],
      requiredTagsByProvider: { Microsoft: ['COST-CENTER', 'env'] },
    };
    expect(requiredTagsFor(policies, 'Azure', names)).toEqual([
      'cost-center',
      'env',
    ]);
    expect(requiredTagsFor(policies, 'AWS', names)).toEqual(['cost-center']);
  });

  it('counts blank tag values as missing and ignores key case and spaces', () => {
    expect(
      missingRequiredTags({ ' Env ': 'prod', team: '  ' }, ['env', 'team']),
    ).toEqual(['team']);
  });

  it('allows any provider and region unless the policy lists them; a charge without region, or global, is allowed', () => {
    const listed = {
      ...open,
      allowedProviders: ['Azure'],
      allowedRegions: ['westeurope'],
    };
    expect(isProviderAllowed(open, 'Oracle Cloud', names)).toBe(true);
    expect(isProviderAllowed(listed, 'Microsoft', names)).toBe(true);
    expect(isProviderAllowed(listed, 'AWS', names)).toBe(false);
    expect(isRegionAllowed(listed, 'WestEurope')).toBe(true);
    expect(isRegionAllowed(listed, 'northeurope')).toBe(false);
    expect(isRegionAllowed(listed, null)).toBe(true);
    // AWS writes `global` for CloudFront and Route 53: no region to steer.
    expect(isRegionAllowed(listed, 'Global')).toBe(true);
  });

  it('blocks products case-insensitively', () => {
    const policies = {
      ...open,
      blockedProducts: ['oracle-database-enterprise'],
    };
    expect(isProductBlocked(policies, 'Oracle-Database-Enterprise')).toBe(true);
    expect(isProductBlocked(policies, null)).toBe(false);
  });

  it('waives marketplace approval only for an approved, known seller', () => {
    const approval = {
      ...open,
      marketplace: 'needs-approval' as const,
      approvedMarketplacePublishers: ['Datadog'],
    };
    expect(marketplaceVerdict(approval, 'datadog', names)).toBe('approved');
    expect(marketplaceVerdict(approval, 'Snowflake', names)).toBe(
      'needs-approval',
    );
    expect(marketplaceVerdict(approval, null, names)).toBe('needs-approval');
    expect(
      marketplaceVerdict(
        { ...open, marketplace: 'forbidden' },
        'Datadog',
        names,
      ),
    ).toBe('forbidden');
  });
});
