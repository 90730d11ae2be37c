import {
  AWS_ACCOUNTS,
  AWS_PAYER,
  AZURE_EU,
  AZURE_SUBSCRIPTIONS,
} from './demoAccounts';
import { formatDay, monthOf, parseDay } from './dates';
import { DemoBudgetLedger, quarterOf } from './demoBudgets';
import { RowSubject } from './model';
import { dec } from './money';

const checkoutApiRow: RowSubject = {
  account: AWS_PAYER,
  subAccount: AWS_ACCOUNTS.storefrontProd,
  serviceName: 'Amazon DynamoDB',
  serviceCategory: 'Databases',
  serviceSubcategory: 'NoSQL Databases',
  resourceName: 'checkout-sessions',
  chargeDescription: 'reads',
  tags: { application: 'checkout', environment: 'prod', team: 'team-checkout' },
};

// Every demo budget needs some cost: a budget of nothing is a generator bug.
const catalogRow: RowSubject = {
  ...checkoutApiRow,
  resourceName: 'catalog-cache-1',
  tags: { application: 'catalog', team: 'team-catalog' },
};

describe('quarterOf', () => {
  it('gives the calendar quarter of a day, across the year end', () => {
    const quarter = (day: string) => {
      const q = quarterOf(parseDay(day));
      return [formatDay(q.start), formatDay(q.end), q.label];
    };
    expect(quarter('2026-12-31')).toEqual([
      '2026-10-01',
      '2027-01-01',
      '2026q4',
    ]);
    expect(quarter('2027-01-01')).toEqual([
      '2027-01-01',
      '2027-04-01',
      '2027q1',
    ]);
    expect(quarter('2027-06-30')).toEqual([
      '2027-04-01',
      '2027-07-01',
      '2027q2',
    ]);
  });
});

describe('DemoBudgetLedger', () => {
  it('budgets the quarter that starts the day after the last generated day', () => {
    // Generated through the last day of a quarter: the portal, a day later, is in the next.
    const through = parseDay('2026-12-31');
    const ledger = new DemoBudgetLedger(through);
    for (let day = through - 13; day <= through; day++) {
      ledger.addDaily(day, checkoutApiRow, dec('10'));
      ledger.addDaily(day, catalogRow, dec('20'));
    }
    const api = ledger.budgets().find(b => b.id.startsWith('checkout-api'))!;
    expect(api).toEqual({
      id: 'checkout-api-cloud-2027q1',
      entityRef: 'component:default/checkout-api',
      period: 'quarter',
      start: '2027-01-01',
      // Nothing spent yet; 90 days at $10 heading for 90 % of the budget.
      amount: '1000.00',
      currency: 'USD',
      scope: 'cloud',
    });
  });

  it('gives a storefront service its share of the support plan by its direct cost', () => {
    const through = parseDay('2026-10-15');
    const ledger = new DemoBudgetLedger(through);
    const cart = {
      ...checkoutApiRow,
      resourceName: 'cart-cache-1',
      tags: { application: 'cart', team: 'team-checkout' },
    };
    for (let day = parseDay('2026-10-01'); day <= through; day++) {
      ledger.addDaily(day, checkoutApiRow, dec('30'));
      ledger.addDaily(day, cart, dec('10'));
      ledger.addDaily(day, catalogRow, dec('20'));
    }
    // $310 over October: $10 a day, three quarters of it checkout-api's.
    ledger.addMonthly(
      monthOf(2026, 10),
      {
        ...checkoutApiRow,
        serviceName: 'AWS Support (Business)',
        resourceName: undefined,
        tags: undefined,
      },
      dec('310'),
    );
    const [team, api] = ledger.budgets();
    // 15 days spent and 77 to come at $40 + $10 (team) and $30 + $7.50 (checkout-api).
    expect(team.amount).toBe('3060.00'); // 15 × 50 + 0.6 × 77 × 50
    expect(api.amount).toBe('3833.00'); // 92 × 37.50 / 0.9, to whole dollars
  });

  it('refuses cost in another currency for a budgeted service', () => {
    const ledger = new DemoBudgetLedger(parseDay('2026-10-15'));
    const euro = {
      ...checkoutApiRow,
      account: AZURE_EU,
      subAccount: AZURE_SUBSCRIPTIONS.europeProd,
    };
    expect(() =>
      ledger.addDaily(parseDay('2026-10-14'), euro, dec('1')),
    ).toThrow(/EUR cost \(checkout-sessions\)/);
  });
});
