import { LicenseListPrice } from '@finops-itam/plugin-finops-itam-common';
import { annualCostOf } from './listPriceBasis';
import { licenseProductSchema } from './productSchema';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';

const shipped = (id: string) =>
  SHIPPED_LICENSE_PRODUCTS.find(p => p.id === id)!;

describe('annualCostOf (shortage exposure)', () => {
  it('takes a subscription price per year as it is, per license unit of its pack', () => {
    const sqlSubscription: LicenseListPrice = {
      amount: '5434',
      currency: 'USD',
      units: 2,
      per: 'year',
    };
    expect(annualCostOf(sqlSubscription, 2)).toEqual({
      amount: '5434',
      currency: 'USD',
    });
    expect(annualCostOf(sqlSubscription, 3)).toEqual({
      amount: '8151',
      currency: 'USD',
    });
  });

  it('spreads a perpetual price over its amortisation years and adds the yearly support', () => {
    // 47,500 per processor, 22 % support a year, spread over 5 years: 9,500 + 10,450 a year.
    const perpetual: LicenseListPrice = {
      amount: '47500',
      currency: 'USD',
      per: 'perpetual',
      annualSupportRate: '0.22',
      amortisationYears: 5,
    };
    expect(annualCostOf(perpetual, 4)).toEqual({
      amount: '79800',
      currency: 'USD',
    });
  });

  it('rounds what does not divide evenly to the cent', () => {
    // 6,155 for 16 cores over 3 years (2,051.666…) plus 25 % a year (1,538.75).
    const perpetual: LicenseListPrice = {
      amount: '6155',
      currency: 'USD',
      units: 16,
      per: 'perpetual',
      annualSupportRate: '0.25',
      amortisationYears: 3,
    };
    expect(annualCostOf(perpetual, 16)).toEqual({
      amount: '3590.42',
      currency: 'USD',
    });
  });

  it('has nothing to say without a price or a shortage', () => {
    expect(annualCostOf(undefined, 4)).toBeNull();
    expect(
      annualCostOf({ amount: '799', currency: 'USD', per: 'year' }, 0),
    ).toBeNull();
  });
});

describe('listPrice in a product definition', () => {
  const product = (listPrice: object) =>
    licenseProductSchema.safeParse({
      id: 'acme-db',
      publisher: 'Acme',
      name: 'Acme DB',
      metric: 'per-core',
      listPrice,
    });
  const problems = (listPrice: object) => {
    const parsed = product(listPrice);
    return parsed.success
      ? []
      : parsed.error.issues.map(i => `${i.path.join('.')} ${i.message}`);
  };

  it('reads a price without a basis as a yearly price per unit, as before the basis existed', () => {
    const parsed = product({ amount: '349', currency: 'USD' });
    expect(parsed.success && parsed.data.listPrice).toEqual({
      amount: '349',
      currency: 'USD',
      per: 'year',
    });
  });

  it.each([
    [
      { amount: '47500', currency: 'USD', per: 'perpetual' },
      'listPrice.amortisationYears is required for a perpetual price: the years its cost is spread over',
    ],
    [
      {
        amount: '799',
        currency: 'USD',
        per: 'year',
        annualSupportRate: '0.22',
      },
      'listPrice.annualSupportRate applies to perpetual prices only: a yearly subscription includes its support',
    ],
    [
      {
        amount: '47500',
        currency: 'USD',
        per: 'perpetual',
        amortisationYears: 3,
        annualSupportRate: '1.5',
      },
      'listPrice.annualSupportRate must be a fraction of the license price between 0 and 1, like 0.22',
    ],
    [
      { amount: '5434', currency: 'USD', per: 'month' },
      "listPrice.per Invalid enum value. Expected 'year' | 'perpetual', received 'month'",
    ],
    [
      { amount: '5434', currency: 'USD', per: 'year', units: 0 },
      'listPrice.units must be more than 0',
    ],
  ])('refuses %j naming the field', (listPrice, message) => {
    expect(problems(listPrice)).toEqual([message]);
  });

  it('is valid, with its basis, for every shipped product that has one', () => {
    const priced = SHIPPED_LICENSE_PRODUCTS.filter(p => p.listPrice);
    expect(priced.map(p => p.id).sort()).toEqual([
      'microsoft-sql-server-enterprise',
      'microsoft-sql-server-standard',
      'microsoft-windows-server-datacenter',
      'microsoft-windows-server-standard',
      'oracle-database-enterprise',
      'oracle-database-standard-2',
      'rhel',
    ]);
    for (const p of priced) {
      expect(licenseProductSchema.safeParse(p).success).toBe(true);
      expect(['year', 'perpetual']).toContain(p.listPrice!.per);
    }
    // The figures as the publishers' price lists give them (see PRICES.md).
    expect(shipped('microsoft-sql-server-enterprise').listPrice).toEqual({
      amount: '5434',
      currency: 'USD',
      units: 2,
      per: 'year',
    });
    expect(shipped('oracle-database-enterprise').listPrice).toMatchObject({
      amount: '47500',
      per: 'perpetual',
      annualSupportRate: '0.22',
    });
  });
});
