import { unbudgetedAmount } from './unbudgetedAmount';
import { budget } from './__testUtils__/budget';

describe('unbudgetedAmount', () => {
  const team = budget({ id: 'team-2027', period: 'year', amount: '100000.00' });
  const child = (id: string, fields: Record<string, unknown>) =>
    budget({ id, entityRef: `component:default/${id}`, ...fields });

  it('is the parent budget less the child budgets within its period, exactly', () => {
    expect(
      unbudgetedAmount(team, [
        child('checkout', { amount: '45000.10' }),
        child('payments', {
          scope: 'cloud',
          amount: '30000.20',
          start: '2027-04-01',
        }),
        child('search', {
          period: 'month',
          start: '2027-12-01',
          amount: '0.03',
        }),
        // Another year: not about this parent at all.
        child('legacy', { period: 'year', start: '2026-01-01', amount: '99' }),
      ]),
    ).toEqual({
      parentId: 'team-2027',
      currency: 'USD',
      budget: '100000',
      allocated: '75000.33',
      unbudgeted: '24999.67',
      counted: ['checkout', 'payments', 'search'],
      excluded: [],
    });
  });

  it('lists the children it cannot count: other currency, wider period, wider scope', () => {
    const cloudTeam = budget({
      id: 'team-cloud',
      scope: 'cloud',
      amount: '1000',
    });
    const result = unbudgetedAmount(cloudTeam, [
      child('a', { scope: 'cloud', amount: '400', currency: 'EUR' }),
      child('b', { scope: 'cloud', period: 'year', amount: '100' }),
      child('c', { scope: 'all-in', amount: '100' }),
      child('d', { scope: 'cloud', amount: '1200' }),
    ]);
    expect(result).toMatchObject({
      allocated: '1200',
      unbudgeted: '-200',
      counted: ['d'],
      excluded: [
        { id: 'a', reason: 'it is in EUR, the parent in USD' },
        {
          id: 'b',
          reason:
            "its year (2027-01-01) reaches outside the parent's quarter (2027-01-01)",
        },
        {
          id: 'c',
          reason: "its scope all-in is not part of the parent's cloud",
        },
      ],
    });
  });
});
