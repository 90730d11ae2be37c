import { makeMappedCost } from '../../testUtils/fixtures';
import {
  breakdownCsv,
  breakdownFileName,
  breakdownOf,
  sortBreakdown,
} from './breakdown';

describe('breakdown', () => {
  const cost = makeMappedCost();

  it('gives each service its exact share of the services total', () => {
    const breakdown = breakdownOf(cost, 'service');
    expect(breakdown.rows.map(row => [row.serviceName, row.share])).toEqual([
      ['Amazon Simple Storage Service', '19.0'],
      ['Amazon Elastic Compute Cloud', '81.0'],
      [null, '0.0'],
    ]);
  });

  it('sorts amounts exactly and keeps empty cells last', () => {
    const breakdown = breakdownOf(cost, 'service');
    expect(
      sortBreakdown(breakdown, 'total', 'asc').map(row => row.total),
    ).toEqual(['0.5', '234.56', '1000']);
    expect(
      sortBreakdown(breakdown, 'serviceName', 'desc').map(r => r.serviceName),
    ).toEqual([
      'Amazon Simple Storage Service',
      'Amazon Elastic Compute Cloud',
      null,
    ]);
    expect(
      sortBreakdown(breakdown, 'serviceName', 'asc').map(r => r.serviceName),
    ).toEqual([
      'Amazon Elastic Compute Cloud',
      'Amazon Simple Storage Service',
      null,
    ]);
  });

  it('knows when the backend gives no resource breakdown', () => {
    expect(breakdownOf(cost, 'resource').available).toBe(false);
    expect(
      breakdownOf(makeMappedCost({ byResource: [] }), 'resource').available,
    ).toBe(true);
  });

  it('writes CSV with exact amounts, currency, period and no formulas', () => {
    const withResources = makeMappedCost({
      byResource: [
        {
          resourceId: '@evil',
          resourceName: '+cmd',
          serviceName: '-service',
          total: '12345678901234567.01',
        },
        {
          resourceId: 'i-1',
          resourceName: null,
          serviceName: null,
          total: '-0.5',
        },
      ],
    });
    const breakdown = breakdownOf(withResources, 'resource');
    const csv = breakdownCsv(
      withResources,
      'USD',
      breakdown,
      sortBreakdown(breakdown, 'total', 'desc'),
    );
    expect(csv.split('\r\n')).toEqual([
      'Resource,Resource id,Service,Cost,Share (%),Currency,From,Through',
      "'+cmd,'@evil,'-service,12345678901234567.01,100.0,USD,2026-10-28,2026-11-26",
      ',i-1,,-0.5,0.0,USD,2026-10-28,2026-11-26',
      '',
    ]);
    expect(breakdownFileName('checkout', 'resource', withResources)).toBe(
      'checkout-cost-by-resource-2026-10-28-to-2026-11-26.csv',
    );
  });
});
