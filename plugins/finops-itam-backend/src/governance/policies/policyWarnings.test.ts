import { KnownRegions } from '../../onboarding/KnownRegions';
import { GovernancePolicies } from './GovernancePolicies';
import { policyWarnings } from './policyWarnings';

const base: GovernancePolicies = {
  allowedProviders: null,
  allowedRegions: null,
  requiredTags: [],
  requiredTagsByProvider: {},
  blockedProducts: [],
  marketplace: 'allowed',
  approvedMarketplacePublishers: [],
};

describe('policyWarnings', () => {
  it('is silent when the policies name known providers and regions', () => {
    expect(
      policyWarnings(
        {
          ...base,
          allowedProviders: ['aws', 'Microsoft'],
          allowedRegions: ['EU-WEST-1', 'westeurope'],
          requiredTagsByProvider: { 'Google Cloud': ['team'] },
          marketplace: 'needs-approval',
          approvedMarketplacePublishers: ['Datadog'],
        },
        new KnownRegions(),
      ),
    ).toEqual([]);
  });

  it('warns, naming the key, of unknown providers and regions and of what cannot take effect', () => {
    const warnings = policyWarnings(
      {
        ...base,
        allowedProviders: ['AWS', 'Oracle Cloud'],
        allowedRegions: ['eu-west-1', 'westeurope', 'mars-north-1'],
        requiredTagsByProvider: { Azure: ['env'], Acme: ['team'] },
        approvedMarketplacePublishers: ['Datadog'],
      },
      new KnownRegions(),
    );
    expect(warnings.map(w => w.split(':')[0])).toEqual([
      'finopsItam.policies.allowedProviders[1]',
      'finopsItam.policies.allowedRegions[1]',
      'finopsItam.policies.allowedRegions[2]',
      'finopsItam.policies.requiredTagsByProvider.Acme',
      'finopsItam.policies.approvedMarketplacePublishers',
    ]);
    expect(warnings[0]).toContain(
      '"Oracle Cloud" is no known provider (AWS, Azure, Google Cloud)',
    );
    expect(warnings[1]).toContain(
      '"westeurope" is a region of Azure, which is not an allowed provider',
    );
    expect(warnings[2]).toContain(
      '"mars-north-1" is no region of a known provider',
    );
    expect(warnings[4]).toContain('no effect while marketplace is "allowed"');
  });

  it('knows providers and regions added in config', () => {
    const regions = new KnownRegions({ 'Oracle Cloud': ['eu-frankfurt-1'] });
    expect(
      policyWarnings(
        {
          ...base,
          allowedProviders: ['Oracle Cloud'],
          allowedRegions: ['eu-frankfurt-1'],
        },
        regions,
      ),
    ).toEqual([]);
  });
});
