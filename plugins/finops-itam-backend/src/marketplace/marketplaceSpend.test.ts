import { MarketplaceCharge } from './MarketplaceChargeStore';
import { MarketplaceRules, marketplaceSpend } from './marketplaceSpend';

const aliases: Record<string, string> = {
  aws: 'AWS',
  'amazon web services': 'AWS',
  azure: 'Azure',
  microsoft: 'Azure',
};
const canonical = (name: string) =>
  aliases[name.trim().toLowerCase()] ?? name.trim().toLowerCase();

const rules: MarketplaceRules = {
  countsTowardCommitment: { Azure: false },
  policyOf: seller =>
    seller === 'Lumenwatch' ? 'approved-publisher' : 'needs-approval',
  sameName: (a, b) => canonical(a) === canonical(b),
  knownProvider: name => aliases[name.trim().toLowerCase()],
  productIdsOf: charge =>
    charge.tags ? [JSON.parse(charge.tags)['license-product']] : [],
};

const charge = (over: Partial<MarketplaceCharge>): MarketplaceCharge => ({
  publisherName: 'Lumenwatch',
  invoiceIssuerName: 'Amazon Web Services',
  providerName: 'Lumenwatch',
  hostProviderName: null,
  currency: 'USD',
  resourceId: 'agreement-1',
  ownerRef: 'group:default/team-platform',
  tags: null,
  skuId: null,
  skuPriceDetails: null,
  effectiveCost: '0',
  billedCost: '0',
  ...over,
});

const period = { from: '2026-11-01', to: '2026-12-01' };

describe('marketplaceSpend', () => {
  it('sums amortized and cash cost apart per seller, with owners, resources and products, and names the marketplace by its issuer', () => {
    const answer = marketplaceSpend(
      [
        // The prepaid purchase bills cash and amortizes to 0; its usage amortizes and bills 0.
        charge({ effectiveCost: '0', billedCost: '2550' }),
        charge({ effectiveCost: '85.25', billedCost: '0' }),
        charge({
          resourceId: 'agreement-2',
          ownerRef: null,
          tags: '{"license-product":"lumenwatch-seats"}',
          effectiveCost: '1560',
          billedCost: '1560',
        }),
        charge({
          ownerRef: 'group:default/team-search',
          effectiveCost: '14.75',
          billedCost: '14.75',
        }),
      ],
      rules,
      period,
    );
    expect(answer).toEqual({
      ...period,
      items: [
        {
          publisherName: 'Lumenwatch',
          invoiceIssuerName: 'Amazon Web Services',
          providerName: 'AWS',
          productIds: ['lumenwatch-seats'],
          countsTowardCommitment: true,
          policy: 'approved-publisher',
          cost: [{ currency: 'USD', amount: '1660' }],
          billedCost: [{ currency: 'USD', amount: '4124.75' }],
          resources: 2,
          owners: [
            { ownerRef: null, cost: '1560' },
            { ownerRef: 'group:default/team-platform', cost: '85.25' },
            { ownerRef: 'group:default/team-search', cost: '14.75' },
          ],
        },
      ],
      totals: [{ currency: 'USD', amount: '1660' }],
      countingTowardCommitment: [{ currency: 'USD', amount: '1660' }],
    });
  });

  it('leaves out sellers that are the issuer under another name, and never adds currencies', () => {
    const answer = marketplaceSpend(
      [
        charge({
          publisherName: 'AWS',
          providerName: 'AWS',
          effectiveCost: '1000',
        }),
        charge({ effectiveCost: '10' }),
        charge({ currency: 'EUR', effectiveCost: '30' }),
        charge({
          publisherName: 'Contoso',
          invoiceIssuerName: 'Microsoft',
          providerName: 'Microsoft',
          effectiveCost: '5',
        }),
      ],
      rules,
      period,
    );
    expect(
      answer.items.map(i => [
        i.publisherName,
        i.providerName,
        i.cost,
        i.policy,
      ]),
    ).toEqual([
      [
        'Lumenwatch',
        'AWS',
        [{ currency: 'EUR', amount: '30' }],
        'approved-publisher',
      ],
      [
        'Lumenwatch',
        'AWS',
        [{ currency: 'USD', amount: '10' }],
        'approved-publisher',
      ],
      [
        'Contoso',
        'Azure',
        [{ currency: 'USD', amount: '5' }],
        'needs-approval',
      ],
    ]);
    // EUR 30 is the larger total, so it leads; Azure does not count (config), AWS does.
    expect(answer.totals).toEqual([
      { currency: 'EUR', amount: '30' },
      { currency: 'USD', amount: '15' },
    ]);
    expect(answer.countingTowardCommitment).toEqual([
      { currency: 'EUR', amount: '30' },
      { currency: 'USD', amount: '10' },
    ]);
  });

  it('answers an empty period with no lines and no totals', () => {
    expect(marketplaceSpend([], rules, period)).toEqual({
      ...period,
      items: [],
      totals: [],
      countingTowardCommitment: [],
    });
  });
});
