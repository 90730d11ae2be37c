import {
  SAAS_SEAT,
  SQL_STANDARD,
  WINDOWS_DATACENTER,
  context,
  deployment,
  entitlement,
  observedPrice,
  plan,
} from './__testUtils__/checkFixtures';
import { checkCostEstimate, estimateMonthlyCost } from './costEstimate';
import { termMonths } from './entitlementUnitCost';
import { CheckExtras } from './checkExtras';
import { plannedRequirements } from './plannedCounts';
import { priceLookups } from './priceLookups';
import { CheckContext, OnboardingPlan } from './types';

const estimate = (p: OnboardingPlan, c: CheckContext & CheckExtras) =>
  estimateMonthlyCost(p, plannedRequirements(p, c.products), c);

describe('cost-estimate', () => {
  it('prices the example request line by line, exactly: 420.48 + 709.00 + 120.00 = 1249.48 USD a month', () => {
    const result = estimate(plan(), context());
    expect(result).toEqual({
      totals: [{ amount: '1249.48', currency: 'USD' }],
      unpriced: 0,
      lines: [
        {
          description: 'deployment 1: 3 × m5.xlarge in AWS eu-west-1, 730 h',
          basis:
            '0.192 USD per instance-hour × 3 × 730 h (EffectiveCost / ConsumedQuantity, 2026-11-01..2026-11-30)',
          monthly: { amount: '420.48', currency: 'USD' },
        },
        {
          description: 'SQL Server Standard (BYOL): 12 core licenses',
          basis:
            'entitlement ea-microsoft-sql-server-standard: 17016 USD for 24 licenses over 12 months → 59.08 USD per license a month × 12',
          monthly: { amount: '709.00', currency: 'USD' },
        },
        {
          description: 'SaaS seat (seats): 12 seat licenses',
          basis:
            'entitlement ea-saas-observability-seat: 2400 USD for 20 licenses over 12 months → 10.00 USD per license a month × 12',
          monthly: { amount: '120.00', currency: 'USD' },
        },
      ],
    });
    const check = checkCostEstimate(plan(), result);
    expect(check).toMatchObject({ status: 'pass', fix: null });
    expect(check.message).toBe(
      'Estimated 1249.48 USD a month. The request estimates 1800.00 USD a month; this is 550.52 USD less.',
    );
  });

  it('warns "no price known" for a license-included premium and a vCPU-only deployment, never counting them as 0', () => {
    const p = plan({
      saas: [],
      deployments: [
        deployment({
          products: [
            { productId: SQL_STANDARD, licenseModel: 'license-included' },
          ],
        }),
        deployment({ instanceType: null, vcpus: 8, count: 1, products: [] }),
      ],
    });
    const result = estimate(p, context());
    expect(result.unpriced).toBe(2);
    expect(result.totals).toEqual([{ amount: '420.48', currency: 'USD' }]);
    expect(result.lines.filter(l => l.monthly === null)).toEqual([
      {
        description:
          'deployment 2: 1 × 8-vCPU instance in AWS eu-west-1, 730 h',
        basis:
          'no price known: sized by vCPUs only, so there is no instance type to look up in cost data',
        monthly: null,
      },
      {
        description:
          'SQL Server Standard license-included, deployment 1: 3 × m5.xlarge (4 vCPUs) instances, AWS eu-west-1, shared',
        basis:
          'no price known: no license-included price of SQL Server Standard on AWS is recorded',
        monthly: null,
      },
    ]);
    const check = checkCostEstimate(p, result);
    expect(check.status).toBe('warn');
    expect(check.message).toMatch(
      /^Estimated 420\.48 USD a month, without 2 lines whose price is unknown/,
    );
    expect(check.fix).toMatch(/license-included price/);
  });

  it('prices a license-included premium per vCPU-hour when one is recorded', () => {
    const p = plan({
      saas: [],
      deployments: [
        deployment({
          products: [
            { productId: SQL_STANDARD, licenseModel: 'license-included' },
          ],
        }),
      ],
      estimatedMonthlyCost: undefined,
    });
    const result = estimate(
      p,
      context({
        licenseIncludedPrices: [
          {
            productId: SQL_STANDARD,
            provider: 'AWS',
            region: null,
            perVcpuHour: '0.12',
            currency: 'USD',
            basis: 'test price',
          },
        ],
      }),
    );
    // 0.12 × 4 vCPUs × 3 × 730 h = 1051.20
    expect(result.lines[1].monthly).toEqual({
      amount: '1051.20',
      currency: 'USD',
    });
    expect(result.totals).toEqual([{ amount: '1471.68', currency: 'USD' }]);
    expect(checkCostEstimate(p, result).status).toBe('pass');
  });

  it('warns when the estimate is more than 10 % above the request’s own', () => {
    const p = plan({
      estimatedMonthlyCost: { amount: '1000.00', currency: 'USD' },
    });
    const check = checkCostEstimate(p, estimate(p, context()));
    expect(check.status).toBe('warn');
    expect(check.message).toBe(
      'Estimated 1249.48 USD a month, more than 10 % above the request’s own estimate. The request estimates 1000.00 USD a month; this is 249.48 USD more.',
    );
  });

  it('takes another region’s price when the region has none, and says so', () => {
    const result = estimate(
      plan({ saas: [] }),
      context({
        observedPrices: [
          observedPrice({ region: 'us-east-1', perHour: '0.2' }),
          observedPrice({ region: 'ap-south-1', perHour: '0.3' }),
        ],
      }),
    );
    // The lowest region name, for a stable choice.
    expect(result.lines[0].basis).toBe(
      '0.3 USD per instance-hour × 3 × 730 h (EffectiveCost / ConsumedQuantity, 2026-11-01..2026-11-30; price of ap-south-1 (none seen in eu-west-1))',
    );
  });

  it('keeps one total per currency and never adds them', () => {
    const result = estimate(
      plan(),
      context({
        observedPrices: [observedPrice({ currency: 'EUR', perHour: '0.18' })],
        entitlements: [
          entitlement(SQL_STANDARD, { softwareAssurance: true }),
          entitlement(SAAS_SEAT, {
            quantity: 20,
            cost: { amount: '1200', currency: 'GBP', per: 'term' },
          }),
        ],
      }),
    );
    expect(result.totals).toEqual([
      { amount: '394.20', currency: 'EUR' },
      { amount: '60.00', currency: 'GBP' },
      { amount: '709.00', currency: 'USD' },
    ]);
    const check = checkCostEstimate(plan(), result);
    expect(check.message).toBe(
      'Estimated 394.20 EUR + 60.00 GBP + 709.00 USD a month. The request estimates 1800.00 USD a month; this is 1091.00 USD less.',
    );
  });

  it('leaves out entitlements in another currency than the newest one, saying so', () => {
    const result = estimate(
      plan({ saas: [] }),
      context({
        entitlements: [
          entitlement(SQL_STANDARD, { termStart: '2026-06-01', id: 'old' }),
          entitlement(SQL_STANDARD, {
            id: 'eur',
            cost: { amount: '600', currency: 'EUR', per: 'unit' },
          }),
        ],
      }),
    );
    expect(result.lines[1]).toEqual({
      description: 'SQL Server Standard (BYOL): 12 core licenses',
      basis:
        'entitlement eur: 14400 EUR for 24 licenses over 12 months; left out (other currency, not converted): old (USD) → 50.00 EUR per license a month × 12',
      monthly: { amount: '600.00', currency: 'EUR' },
    });
  });
});

describe('dedicated hosts in the estimate', () => {
  const onHosts = plan({
    saas: [],
    deployments: [
      deployment({
        tenancy: 'dedicated-host',
        count: 30,
        products: [
          { productId: WINDOWS_DATACENTER, licenseModel: 'license-included' },
        ],
      }),
    ],
  });

  it('looks up the price of the host type the VMs fill, not of the VMs', () => {
    expect(priceLookups(onHosts)).toEqual([
      { provider: 'AWS', instanceType: 'm5' },
    ]);
    expect(priceLookups(plan())).toEqual([
      { provider: 'AWS', instanceType: 'm5.xlarge' },
    ]);
  });

  it('prices dedicated hosts per host: 30 m5.xlarge fill 2 m5 hosts at 5.069 USD an hour', () => {
    const result = estimate(
      onHosts,
      context({
        observedPrices: [
          observedPrice(),
          observedPrice({ instanceType: 'm5', perHour: '5.069' }),
        ],
      }),
    );
    expect(result.lines[0]).toEqual({
      description:
        'deployment 1: 2 × m5 dedicated hosts for 30 × m5.xlarge in AWS eu-west-1, 730 h',
      basis:
        '5.069 USD per host-hour × 2 × 730 h (EffectiveCost / ConsumedQuantity, 2026-11-01..2026-11-30)',
      monthly: { amount: '7400.74', currency: 'USD' },
    });
  });

  it('never prices dedicated hosts at the VMs’ shared price', () => {
    const result = estimate(onHosts, context());
    expect(result.lines[0]).toEqual({
      description:
        'deployment 1: 2 × m5 dedicated hosts for 30 × m5.xlarge in AWS eu-west-1, 730 h',
      basis:
        'no price known: dedicated hosts are billed per host, and no m5 host of AWS is seen in recent cost data',
      monthly: null,
    });
  });
});

describe('term months', () => {
  it('counts whole calendar months when the term ends the day before the same day of a later month', () => {
    expect(termMonths('2027-01-01', '2027-12-31').toFixed()).toBe('12');
    expect(termMonths('2026-03-15', '2028-03-14').toFixed()).toBe('24');
  });

  it('counts other terms in months of 365/12 days', () => {
    // 73 days × 12 / 365 = 2.4 months
    expect(termMonths('2027-01-01', '2027-03-14').toFixed()).toBe('2.4');
  });
});
