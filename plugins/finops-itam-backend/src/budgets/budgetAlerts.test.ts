import { budgetAlerts } from './budgetAlerts';
import { budgetStatus } from './budgetStatus';
import { budget } from './__testUtils__/budget';

const q1 = budget();
const statusWith = (actual: string, expected?: string) =>
  budgetStatus({
    budget: q1,
    actual: [{ amount: actual, currency: 'USD' }],
    through: '2027-02-15',
    forecast: expected
      ? { currency: 'USD', expected, low: expected, high: expected }
      : undefined,
  });

describe('budgetAlerts', () => {
  it('alerts on a projected overspend once per period and threshold', () => {
    const first = budgetAlerts(q1, statusWith('30000', '52000'), new Set());
    expect(first).toEqual([
      {
        scope: 'finops-itam:budget:checkout-q1:2027-01-01:forecast-above',
        budgetId: 'checkout-q1',
        entityRef: 'group:default/team-checkout',
        periodStart: '2027-01-01',
        threshold: 'forecast-above',
        percent: 100,
        amount: '52000',
        currency: 'USD',
        severity: 'normal',
      },
    ]);
    // The next run still sees the overspend coming: nothing new to send.
    const notified = new Set(first.map(alert => alert.scope));
    expect(budgetAlerts(q1, statusWith('31000', '53000'), notified)).toEqual(
      [],
    );
    // The next quarter's budget is another period.
    const q2 = budget({ id: 'checkout-q1', start: '2027-04-01' });
    const q2Status = budgetStatus({
      budget: q2,
      actual: [{ amount: '1', currency: 'USD' }],
      through: '2027-04-02',
      forecast: { currency: 'USD', expected: '60000', low: '1', high: '2' },
    });
    expect(
      budgetAlerts(q2, q2Status, notified).map(alert => alert.scope),
    ).toEqual(['finops-itam:budget:checkout-q1:2027-04-01:forecast-above']);
  });

  it('makes an actual overspend high severity, and alerts on projected underspend', () => {
    expect(
      budgetAlerts(q1, statusWith('45000.01', '60000'), new Set()).map(
        alert => [alert.threshold, alert.severity],
      ),
    ).toEqual([
      ['actual-above', 'high'],
      ['forecast-above', 'normal'],
    ]);
    expect(
      budgetAlerts(q1, statusWith('1000', '20000'), new Set()).map(
        alert => alert.threshold,
      ),
    ).toEqual(['forecast-below']);
    expect(budgetAlerts(q1, statusWith('1000', '40000'), new Set())).toEqual(
      [],
    );
  });

  it('alerts on nothing when the cost is in another currency', () => {
    const eur = budget({ currency: 'EUR' });
    const status = budgetStatus({
      budget: eur,
      actual: [{ amount: '99999', currency: 'USD' }],
      through: '2027-02-15',
    });
    expect(budgetAlerts(eur, status, new Set())).toEqual([]);
  });
});
