import { EntityLicenseUsage } from '@finops-itam/plugin-finops-itam-common';
import { monthlyCostByCurrency, sortForReading } from './licenseTotals';

function usage(overrides: Partial<EntityLicenseUsage>): EntityLicenseUsage {
  return {
    productId: 'rhel',
    productName: 'Red Hat Enterprise Linux',
    metric: 'subscription',
    required: 1,
    licenseIncluded: 0,
    sources: [],
    covered: true,
    status: 'compliant',
    monthlyCost: null,
    flags: [],
    licenseEntityRef: null,
    ...overrides,
  };
}

describe('monthlyCostByCurrency', () => {
  it('adds amounts exactly, per currency, without converting', () => {
    expect(
      monthlyCostByCurrency([
        usage({ monthlyCost: { amount: '0.1', currency: 'USD' } }),
        usage({ monthlyCost: { amount: '0.2', currency: 'USD' } }),
        usage({ monthlyCost: { amount: '5', currency: 'EUR' } }),
        usage({ monthlyCost: null }),
      ]),
    ).toEqual([
      { currency: 'EUR', amount: '5' },
      { currency: 'USD', amount: '0.3' },
    ]);
  });

  it('keeps every currency of a product bought in two', () => {
    expect(
      monthlyCostByCurrency([
        usage({
          monthlyCost: { amount: '3100', currency: 'USD' },
          monthlyCosts: [
            { amount: '3100', currency: 'USD' },
            { amount: '620', currency: 'EUR' },
          ],
        }),
        usage({ monthlyCost: { amount: '0.25', currency: 'USD' } }),
      ]),
    ).toEqual([
      { currency: 'EUR', amount: '620' },
      { currency: 'USD', amount: '3100.25' },
    ]);
  });

  it('is empty when no product has a cost share', () => {
    expect(monthlyCostByCurrency([usage({})])).toEqual([]);
  });
});

describe('sortForReading', () => {
  it('puts shortages first, then flagged products, then the rest by name', () => {
    const sorted = sortForReading([
      usage({ productName: 'B fine' }),
      usage({ productName: 'A fine' }),
      usage({
        productName: 'Flagged',
        flags: [{ kind: 'reharvest-candidate', message: 'unused' }],
      }),
      usage({ productName: 'Short', covered: false, status: 'shortage' }),
    ]);
    expect(sorted.map(p => p.productName)).toEqual([
      'Short',
      'Flagged',
      'A fine',
      'B fine',
    ]);
  });
});
