import { ConfigReader } from '@backstage/config';
import { KnownRegions } from './KnownRegions';
import { readPolicies } from './policyConfig';

const read = (policies?: object, regions = new KnownRegions()) =>
  readPolicies(
    new ConfigReader({ finopsItam: policies ? { policies } : {} }),
    regions,
  );

describe('readPolicies', () => {
  it('allows everything and requires nothing when nothing is configured', () => {
    expect(read()).toEqual({
      policies: {
        allowedProviders: null,
        allowedRegions: null,
        requiredTags: [],
        requiredTagsByProvider: {},
        blockedProducts: [],
        marketplace: 'allowed',
        approvedMarketplacePublishers: [],
      },
      warnings: [],
    });
  });

  it('reads the onboarding and the compliance keys from one block', () => {
    const { policies, warnings } = read({
      allowedProviders: ['aws', 'Microsoft'],
      allowedRegions: ['eu-west-1', 'westeurope'],
      requiredTags: ['cost-center'],
      requiredTagsByProvider: {
        'Google Cloud': ['team', ' team ', 'env'],
        Azure: ['env'],
      },
      blockedProducts: ['oracle-database-enterprise'],
      marketplace: 'needs-approval',
      approvedMarketplacePublishers: ['Datadog', 'Snowflake Inc.'],
    });
    expect(policies).toEqual({
      allowedProviders: ['AWS', 'Azure'],
      allowedRegions: ['eu-west-1', 'westeurope'],
      requiredTags: ['cost-center'],
      requiredTagsByProvider: {
        'Google Cloud': ['team', 'env'],
        Azure: ['env'],
      },
      blockedProducts: ['oracle-database-enterprise'],
      marketplace: 'needs-approval',
      approvedMarketplacePublishers: ['Datadog', 'Snowflake Inc.'],
    });
    expect(warnings).toEqual([]);
  });

  it('starts with warnings naming the key when providers or regions are unknown', () => {
    const { policies, warnings } = read({
      allowedProviders: ['AWS', 'Acme Cloud'],
      allowedRegions: ['eu-west-1', 'mars-1'],
    });
    // Unknown names still apply, to cost rows spelling them the same way.
    expect(policies.allowedProviders).toEqual(['AWS', 'Acme Cloud']);
    expect(policies.allowedRegions).toEqual(['eu-west-1', 'mars-1']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^finopsItam\.policies\.allowedProviders\[1\]: "Acme Cloud" is no known provider/,
    );
    expect(warnings[1]).toMatch(
      /^finopsItam\.policies\.allowedRegions\[1\]: "mars-1" is no region of a known provider/,
    );
  });

  it('knows the providers and regions added under finopsItam.onboarding.regions', () => {
    expect(
      read(
        { allowedProviders: ['acme cloud'], allowedRegions: ['north-1'] },
        new KnownRegions({ 'Acme Cloud': ['north-1'] }),
      ),
    ).toMatchObject({
      policies: { allowedProviders: ['Acme Cloud'] },
      warnings: [],
    });
  });

  it('blocks the license config’s unauthorized products too', () => {
    const { policies } = readPolicies(
      new ConfigReader({
        finopsItam: {
          policies: { blockedProducts: ['oracle-database-enterprise'] },
          licenses: {
            unauthorizedProducts: ['rhel', 'oracle-database-enterprise'],
          },
        },
      }),
      new KnownRegions(),
    );
    expect(policies.blockedProducts).toEqual([
      'oracle-database-enterprise',
      'rhel',
    ]);
  });

  it.each([
    [
      { marketplace: 'sometimes' },
      'Invalid finopsItam.policies: finopsItam.policies.marketplace: ',
    ],
    [
      { requiredTagsByProvider: { AWS: ['cost-center', ''] } },
      'Invalid finopsItam.policies: finopsItam.policies.requiredTagsByProvider.AWS[1]: must not be empty',
    ],
    [
      { requiredTagsByProvider: ['cost-center'] },
      'Invalid finopsItam.policies: finopsItam.policies.requiredTagsByProvider: ',
    ],
    [
      { approvedMarketplacePublishers: 'Datadog' },
      'Invalid finopsItam.policies: finopsItam.policies.approvedMarketplacePublishers: ',
    ],
    [
      { requiredTags: ['cost-center', ' '] },
      'Invalid finopsItam.policies: finopsItam.policies.requiredTags[1]: must not be empty',
    ],
    [
      { blockedProduct: ['rhel'] },
      "Unrecognized key(s) in object: 'blockedProduct'",
    ],
  ])(
    'stops start-up on a malformed value, naming the key: %j',
    (policies, message) => {
      expect(() => read(policies)).toThrow(message);
    },
  );
});
