import { KnownRegions } from '../../onboarding/KnownRegions';
import { GovernancePolicies } from '../policies/GovernancePolicies';
import { ProviderNames } from '../policies/ProviderNames';
import { GovernanceCostRow } from './GovernanceCostRow';
import {
  isMarketplacePurchase,
  missingTags,
  rowViolations,
} from './rowViolations';

const open: GovernancePolicies = {
  allowedProviders: null,
  allowedRegions: null,
  requiredTags: [],
  requiredTagsByProvider: {},
  blockedProducts: [],
  marketplace: 'allowed',
  approvedMarketplacePublishers: [],
};

const row = (r: Partial<GovernanceCostRow>): GovernanceCostRow => ({
  providerName: 'AWS',
  regionId: 'eu-west-1',
  resourceId: 'i-1',
  resourceName: null,
  tags: {},
  ownerRef: null,
  suggestedOwnerRef: null,
  currency: 'EUR',
  effectiveCost: '1',
  publisherName: null,
  invoiceIssuerName: null,
  productId: null,
  ...r,
});

const names = new ProviderNames(new KnownRegions());

describe('missingTags', () => {
  it('asks each key once, whatever case the policy and the export use', () => {
    const policies = {
      ...open,
      requiredTags: ['cost-center'],
      requiredTagsByProvider: { Microsoft: ['Cost-Center', 'env'], AWS: ['x'] },
    };
    expect(
      missingTags(
        row({ providerName: 'Azure', tags: { 'COST-CENTER ': 'cc-7' } }),
        policies,
        names,
      ),
    ).toEqual(['env']);
    expect(missingTags(row({ tags: {} }), policies, names)).toEqual([
      'cost-center',
      'x',
    ]);
  });
});

describe('isMarketplacePurchase', () => {
  it('is a purchase from a seller other than the provider and the invoice issuer', () => {
    const bought = (
      publisherName: string | null,
      invoiceIssuerName: string | null,
    ) =>
      isMarketplacePurchase(
        row({ providerName: 'Microsoft', publisherName, invoiceIssuerName }),
        names,
      );
    expect(bought('Databricks', 'Microsoft')).toBe(true);
    expect(bought('Microsoft', 'Microsoft')).toBe(false);
    expect(bought('Azure', 'microsoft ')).toBe(false);
    expect(bought('Databricks', 'Databricks')).toBe(false);
    expect(bought(null, 'Microsoft')).toBe(false);
    expect(bought('Databricks', null)).toBe(false);
  });
});

describe('rowViolations', () => {
  it('leaves charges without a region alone when regions are restricted', () => {
    expect(
      rowViolations(
        row({ regionId: null }),
        { ...open, allowedRegions: ['eu-west-1'] },
        names,
      ),
    ).toEqual([]);
  });

  it('matches a provider it does not know by the name cost data gives', () => {
    const policies = { ...open, allowedProviders: ['Acme Cloud'] };
    expect(
      rowViolations(row({ providerName: 'acme  cloud' }), policies, names),
    ).toEqual([]);
    expect(rowViolations(row({}), policies, names)).toEqual([
      { kind: 'disallowedLocation', reason: 'provider AWS is not allowed' },
    ]);
  });

  it('names every problem of one row, one per missing tag', () => {
    expect(
      rowViolations(
        row({
          regionId: 'us-east-1',
          productId: 'rhel',
          publisherName: 'Red Hat',
          invoiceIssuerName: 'Amazon Web Services, Inc.',
        }),
        {
          ...open,
          allowedRegions: ['eu-west-1'],
          requiredTags: ['cost-center', 'env'],
          blockedProducts: ['RHEL'],
          marketplace: 'forbidden',
        },
        names,
      ),
    ).toEqual([
      { kind: 'untagged', reason: 'missing tag cost-center' },
      { kind: 'untagged', reason: 'missing tag env' },
      { kind: 'disallowedLocation', reason: 'region us-east-1 is not allowed' },
      {
        kind: 'marketplaceOutsidePolicy',
        reason:
          'bought from Red Hat through Amazon Web Services, Inc.; marketplace purchases are forbidden',
      },
      { kind: 'blockedProduct', reason: 'product rhel is blocked' },
    ]);
  });
});
