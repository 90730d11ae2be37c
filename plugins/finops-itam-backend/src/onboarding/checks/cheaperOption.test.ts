import {
  SQL_STANDARD,
  context,
  deployment,
  plan,
} from './__testUtils__/checkFixtures';
import { checkCheaperOption } from './cheaperOption';
import { LicenseIncludedPrice } from './licenseIncludedPremium';

const licenseIncluded = (perVcpuHour: string): LicenseIncludedPrice[] => [
  {
    productId: SQL_STANDARD,
    provider: 'AWS',
    region: null,
    perVcpuHour,
    currency: 'USD',
    basis: 'SQL Server Standard license-included on EC2, test figure',
  },
];

const sqlAs = (licenseModel: 'byol' | 'license-included') =>
  plan({
    saas: [],
    deployments: [
      deployment({ products: [{ productId: SQL_STANDARD, licenseModel }] }),
    ],
  });

describe('cheaper-option', () => {
  // BYOL: 12 core licenses × 59.08… USD = 709.00 USD a month;
  // license-included: 0.12 USD × 4 vCPUs × 3 × 730 h = 1051.20 USD a month.
  it('passes when the chosen BYOL is cheaper, saying by how much', () => {
    const result = checkCheaperOption(
      sqlAs('byol'),
      context({ licenseIncludedPrices: licenseIncluded('0.12') }),
    );
    expect(result).toMatchObject({ status: 'pass', fix: null });
    expect(result.message).toBe(
      'The planned license models are the cheaper ones: SQL Server Standard: BYOL is cheaper by 342.20 USD a month.',
    );
  });

  it('warns when license-included was chosen but BYOL would cost less', () => {
    const result = checkCheaperOption(
      sqlAs('license-included'),
      context({ licenseIncludedPrices: licenseIncluded('0.12') }),
    );
    expect(result.status).toBe('warn');
    expect(result.message).toBe(
      'SQL Server Standard: BYOL is cheaper by 342.20 USD a month.',
    );
    expect(result.fix).toMatch(/^Switch the license model/);
  });

  it('warns when BYOL was chosen but license-included would cost less', () => {
    // 0.05 × 4 × 3 × 730 = 438.00, below 709.00 by 271.00
    const result = checkCheaperOption(
      sqlAs('byol'),
      context({ licenseIncludedPrices: licenseIncluded('0.05') }),
    );
    expect(result.status).toBe('warn');
    expect(result.message).toBe(
      'SQL Server Standard: license-included is cheaper by 271.00 USD a month.',
    );
  });

  it('warns "cannot compare" when the license-included price is unknown', () => {
    const result = checkCheaperOption(sqlAs('byol'), context());
    expect(result.status).toBe('warn');
    expect(result.message).toBe(
      'Cannot compare BYOL with license-included for SQL Server Standard: a price is missing.',
    );
    expect(result.details).toEqual([
      'SQL Server Standard: no license-included price recorded',
    ]);
  });

  it('warns "cannot compare" when the prices are in different currencies', () => {
    const result = checkCheaperOption(
      sqlAs('byol'),
      context({
        licenseIncludedPrices: [
          { ...licenseIncluded('0.12')[0], currency: 'EUR' },
        ],
      }),
    );
    expect(result.status).toBe('warn');
    expect(result.details[0]).toMatch(/USD and EUR; not converted/);
  });
});
