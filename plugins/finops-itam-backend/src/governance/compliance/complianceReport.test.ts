import { KnownRegions } from '../../onboarding/KnownRegions';
import { GovernancePolicies } from '../policies/GovernancePolicies';
import { ProviderNames } from '../policies/ProviderNames';
import { GovernanceCostRow } from './GovernanceCostRow';
import { buildComplianceReport } from './complianceReport';

const CHECKOUT = 'group:default/checkout';

const policies: GovernancePolicies = {
  allowedProviders: ['AWS', 'Azure'],
  allowedRegions: ['eu-west-1', 'westeurope'],
  requiredTags: ['cost-center'],
  requiredTagsByProvider: { Azure: ['env'] },
  blockedProducts: ['oracle-database-enterprise'],
  marketplace: 'needs-approval',
  approvedMarketplacePublishers: ['Datadog'],
};

const row = (r: Partial<GovernanceCostRow>): GovernanceCostRow => ({
  providerName: 'AWS',
  regionId: 'eu-west-1',
  resourceId: null,
  resourceName: null,
  tags: { 'cost-center': 'cc-1' },
  ownerRef: CHECKOUT,
  suggestedOwnerRef: null,
  currency: 'EUR',
  effectiveCost: '1',
  publisherName: null,
  invoiceIssuerName: null,
  productId: null,
  ...r,
});

const rows: GovernanceCostRow[] = [
  // Within policy: tagged, allowed place, no marketplace, no blocked product.
  row({ resourceId: 'i-1', effectiveCost: '10.10' }),
  // The provider selling its own service is no marketplace purchase.
  row({
    resourceId: 'i-1',
    effectiveCost: '3',
    publisherName: 'Amazon Web Services',
    invoiceIssuerName: 'Amazon Web Services, Inc.',
  }),
  // Untagged: an empty value (with a stray-space key) and no tags at all, one resource.
  row({
    resourceId: 'i-2',
    resourceName: 'checkout-api',
    tags: { ' Cost-Center ': '' },
    effectiveCost: '0.20',
  }),
  row({ resourceId: 'i-2', tags: {}, effectiveCost: '0.10' }),
  // Azure (FOCUS says Microsoft) also requires env.
  row({
    providerName: 'Microsoft',
    regionId: 'westeurope',
    resourceId: 'vm-1',
    currency: 'USD',
    effectiveCost: '5.005',
  }),
  // A region outside policy.
  row({
    resourceId: 'i-3',
    regionId: 'us-east-1',
    currency: 'USD',
    effectiveCost: '1.5',
  }),
  // Untagged and in a disallowed region: counted once in each part.
  row({
    resourceId: 'i-4',
    regionId: 'us-east-1',
    tags: {},
    currency: 'usd',
    effectiveCost: '2.25',
  }),
  // A provider outside policy: its region is not reported on top.
  row({
    providerName: 'Google Cloud',
    regionId: 'europe-west1',
    resourceId: 'g-1',
    effectiveCost: '2',
  }),
  // A marketplace seller not approved, and one approved.
  row({
    regionId: null,
    publisherName: 'Snowflake Inc.',
    invoiceIssuerName: 'Amazon Web Services, Inc.',
    currency: 'USD',
    effectiveCost: '100',
  }),
  row({
    regionId: null,
    publisherName: 'datadog',
    invoiceIssuerName: 'Amazon Web Services, Inc.',
    currency: 'USD',
    effectiveCost: '50',
  }),
  // A blocked product in use.
  row({
    providerName: 'Azure',
    regionId: 'westeurope',
    resourceId: 'vm-2',
    tags: { 'cost-center': 'cc-1', env: 'prod' },
    productId: 'Oracle-Database-Enterprise',
    effectiveCost: '7.25',
  }),
  // Another team, untagged in yen.
  row({
    ownerRef: 'group:default/Analytics',
    resourceId: 'i-5',
    tags: { 'cost-center': ' ' },
    currency: 'JPY',
    effectiveCost: '1200',
  }),
  // Unallocated, untagged, three suggestions for one resource.
  row({
    ownerRef: null,
    resourceId: 'i-9',
    tags: {},
    suggestedOwnerRef: 'group:default/search',
    effectiveCost: '0.0000000000000001',
  }),
  row({
    ownerRef: null,
    resourceId: 'i-9',
    tags: {},
    suggestedOwnerRef: 'group:default/payments',
    effectiveCost: '2',
  }),
  row({
    ownerRef: null,
    resourceId: 'i-9',
    tags: {},
    suggestedOwnerRef: 'group:default/payments',
    effectiveCost: '1',
  }),
];

const names = new ProviderNames(new KnownRegions());
const report = (given: GovernanceCostRow[], p = policies) =>
  buildComplianceReport(given, p, names);

describe('buildComplianceReport', () => {
  it('lists owners with something outside policy, unallocated cost last', () => {
    expect(report(rows).owners.map(o => o.ownerRef)).toEqual([
      'group:default/analytics',
      CHECKOUT,
      null,
    ]);
  });

  it('reports untagged cost per currency with each resource and the tags it lacks', () => {
    const checkout = report(rows).owners[1];
    expect(checkout.untagged).toEqual({
      // EUR 0.20 + 0.10; USD 5.005 + 2.25
      cost: [
        { currency: 'EUR', amount: '0.3' },
        { currency: 'USD', amount: '7.255' },
      ],
      resources: [
        {
          providerName: 'AWS',
          resourceId: 'i-2',
          resourceName: 'checkout-api',
          regionIds: ['eu-west-1'],
          suggestedOwnerRef: CHECKOUT,
          cost: [{ currency: 'EUR', amount: '0.3' }],
          reasons: ['missing tag cost-center'],
        },
        {
          providerName: 'AWS',
          resourceId: 'i-4',
          resourceName: null,
          regionIds: ['us-east-1'],
          suggestedOwnerRef: CHECKOUT,
          cost: [{ currency: 'USD', amount: '2.25' }],
          reasons: ['missing tag cost-center'],
        },
        {
          providerName: 'Azure',
          resourceId: 'vm-1',
          resourceName: null,
          regionIds: ['westeurope'],
          suggestedOwnerRef: CHECKOUT,
          cost: [{ currency: 'USD', amount: '5.005' }],
          reasons: ['missing tag env'],
        },
      ],
    });
  });

  it('reports spend in disallowed providers and regions', () => {
    const checkout = report(rows).owners[1];
    // EUR 2 (Google Cloud); USD 1.5 + 2.25 (us-east-1)
    expect(checkout.disallowedLocation.cost).toEqual([
      { currency: 'EUR', amount: '2' },
      { currency: 'USD', amount: '3.75' },
    ]);
    expect(
      checkout.disallowedLocation.resources.map(r => [r.resourceId, r.reasons]),
    ).toEqual([
      ['i-3', ['region us-east-1 is not allowed']],
      ['i-4', ['region us-east-1 is not allowed']],
      ['g-1', ['provider Google Cloud is not allowed']],
    ]);
  });

  it('reports marketplace purchases from sellers not approved, and blocked products', () => {
    const checkout = report(rows).owners[1];
    expect(checkout.marketplaceOutsidePolicy).toEqual({
      cost: [{ currency: 'USD', amount: '100' }],
      resources: [
        {
          providerName: 'AWS',
          resourceId: null,
          resourceName: null,
          regionIds: [],
          suggestedOwnerRef: CHECKOUT,
          cost: [{ currency: 'USD', amount: '100' }],
          reasons: [
            'bought from Snowflake Inc. through Amazon Web Services, Inc.; Snowflake Inc. is not an approved marketplace seller',
          ],
        },
      ],
    });
    expect(checkout.blockedProduct.cost).toEqual([
      { currency: 'EUR', amount: '7.25' },
    ]);
    expect(checkout.blockedProduct.resources.map(r => r.reasons)).toEqual([
      ['product Oracle-Database-Enterprise is blocked'],
    ]);
  });

  it('suggests the owner most rows point to for unallocated cost, summed exactly', () => {
    const [analytics, , unallocated] = report(rows).owners;
    expect(analytics.untagged.cost).toEqual([
      { currency: 'JPY', amount: '1200' },
    ]);
    expect(unallocated.untagged.resources).toEqual([
      {
        providerName: 'AWS',
        resourceId: 'i-9',
        resourceName: null,
        regionIds: ['eu-west-1'],
        suggestedOwnerRef: 'group:default/payments',
        cost: [{ currency: 'EUR', amount: '3.0000000000000001' }],
        reasons: ['missing tag cost-center'],
      },
    ]);
    expect(unallocated.disallowedLocation).toEqual({ cost: [], resources: [] });
  });

  it('follows the marketplace policy: forbidden catches every seller, allowed none', () => {
    const marketplaceCost = (marketplace: GovernancePolicies['marketplace']) =>
      report(rows, { ...policies, marketplace }).owners[1]
        .marketplaceOutsidePolicy.cost;
    expect(marketplaceCost('forbidden')).toEqual([
      { currency: 'USD', amount: '150' },
    ]);
    expect(marketplaceCost('allowed')).toEqual([]);
  });

  it('finds nothing when no policy is set', () => {
    const open: GovernancePolicies = {
      allowedProviders: null,
      allowedRegions: null,
      requiredTags: [],
      requiredTagsByProvider: {},
      blockedProducts: [],
      marketplace: 'allowed',
      approvedMarketplacePublishers: [],
    };
    expect(report(rows, open)).toEqual({ owners: [] });
  });
});
