import { makeBudget, makeBudgetStatus } from '../../testUtils/budgetFixtures';
import { budgetRows } from './budgetRows';
import { budgetsCsv } from './budgetsCsv';

describe('budgetsCsv', () => {
  it('writes one line per budget with exact amounts and their currencies', () => {
    const csv = budgetsCsv(
      budgetRows([
        makeBudgetStatus({
          variance: -0.3333,
          forecastVariance: 0.05,
          status: 'at-risk',
          unbudgeted: { amount: '5000.10', currency: 'USD' },
        }),
        makeBudgetStatus({
          budget: makeBudget({
            id: '=cmd',
            entityRef: 'component:default/billing',
            currency: 'EUR',
            amount: '1000.005',
          }),
          actual: { amount: '-12.50', currency: 'EUR' },
          forecast: null,
          variance: null,
          forecastVariance: null,
          status: null,
          message: 'No cost in EUR, only in USD',
        }),
      ]),
    );

    expect(csv.split('\r\n')).toEqual([
      'id,entity,period,start,end,scope,currency,budget,actual,actual currency,actual through,forecast,forecast low,forecast high,variance %,forecast variance %,status,unbudgeted,source',
      'checkout-q4,group:default/team-checkout,quarter,2026-10-01,2027-01-01,all-in,USD,45000.00,30000.00,USD,2026-11-25,42000.00,40000.00,44000.00,-33.33,5.00,At risk,5000.10,config',
      '\'=cmd,component:default/billing,quarter,2026-10-01,2027-01-01,all-in,EUR,1000.005,-12.50,EUR,2026-11-25,,,,,,"No cost in EUR, only in USD",,config',
      '',
    ]);
  });
});
