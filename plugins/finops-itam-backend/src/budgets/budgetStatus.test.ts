import { budgetStatus } from './budgetStatus';
import { budget } from './__testUtils__/budget';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const forecast = (expected: string, low = expected, high = expected) => ({
  currency: 'USD',
  expected,
  low,
  high,
});

describe('budgetStatus', () => {
  const q1 = budget(); // 45000.00 USD, 2027-01-01 … 2027-03-31

  it('is on track on the first day of the quarter, with one day elapsed', () => {
    expect(
      budgetStatus({
        budget: q1,
        actual: [usd('480.25')],
        through: '2027-01-01',
        forecast: forecast('44000', '40000', '48000'),
      }),
    ).toEqual({
      comparable: true,
      budgetId: 'checkout-q1',
      currency: 'USD',
      budget: '45000',
      actual: '480.25',
      forecast: { expected: '44000', low: '40000', high: '48000' },
      variance: -0.989328,
      forecastVariance: -0.022222,
      status: 'on-track',
      elapsedDays: 1,
      totalDays: 90,
    });
  });

  it('is at risk when the forecast passes the budget, under when it is below 80 %', () => {
    const status = (expected: string) => {
      const result = budgetStatus({
        budget: q1,
        actual: [usd('20000')],
        through: '2027-02-10',
        forecast: forecast(expected),
      });
      return result.comparable ? result : undefined;
    };
    expect(status('45000.01')?.status).toBe('at-risk');
    // Exactly at the budget is not above it; exactly 80 % is not below it.
    expect(status('45000')?.status).toBe('on-track');
    expect(status('36000')?.status).toBe('on-track');
    expect(status('35999.99')?.status).toBe('under');
  });

  it('is over once the actual passes the budget, whatever the forecast', () => {
    const result = budgetStatus({
      budget: q1,
      actual: [usd('30000'), usd('15000.01')],
      through: '2027-03-20',
      forecast: forecast('44000'),
    });
    expect(result).toMatchObject({
      status: 'over',
      actual: '45000.01',
      variance: 0,
      elapsedDays: 79,
    });
  });

  it('takes the actual as the forecast once the last day of the quarter is in', () => {
    const result = budgetStatus({
      budget: q1,
      actual: [usd('30000')],
      through: '2027-03-31',
      forecast: forecast('50000'),
    });
    expect(result).toMatchObject({
      status: 'under',
      forecast: { expected: '30000', low: '30000', high: '30000' },
      elapsedDays: 90,
      totalDays: 90,
    });
  });

  it('counts the last day of a fiscal quarter when the fiscal year starts in April', () => {
    const fiscalQ4 = budget(
      { id: 'fy27-q4', start: '2027-01-01', amount: '9000' },
      { fiscalYearStartMonth: 4 },
    );
    const onLastDay = budgetStatus({
      budget: fiscalQ4,
      actual: [usd('8999.99')],
      through: '2027-03-31',
    });
    expect(onLastDay).toMatchObject({ status: 'on-track', elapsedDays: 90 });
    const fiscalYear = budget(
      { id: 'fy28', period: 'year', start: '2027-04-01', amount: '120000' },
      { fiscalYearStartMonth: 4 },
    );
    expect(
      budgetStatus({
        budget: fiscalYear,
        actual: [usd('300')],
        through: '2027-04-01',
      }),
    ).toMatchObject({
      status: 'on-track',
      elapsedDays: 1,
      totalDays: 366,
      forecast: null,
    });
  });

  it('gives an other-currency result, never a sum, when the cost is in another currency', () => {
    const eur = budget({ id: 'checkout-eur', currency: 'EUR' });
    const result = budgetStatus({
      budget: eur,
      actual: [{ amount: '1200', currency: 'USD' }],
      through: '2027-01-15',
    });
    expect(result).toEqual({
      comparable: false,
      budgetId: 'checkout-eur',
      reason: 'other-currency',
      budgetCurrency: 'EUR',
      otherCurrencies: [{ amount: '1200', currency: 'USD' }],
      message:
        'Budget checkout-eur is in EUR but its cost is also in USD; amounts in different currencies are not compared or added',
    });
    // A forecast in another currency is just as incomparable; a zero total in one is not.
    expect(
      budgetStatus({
        budget: eur,
        actual: [
          { amount: '10', currency: 'EUR' },
          { amount: '0', currency: 'USD' },
        ],
        through: '2027-01-15',
        forecast: forecast('100'),
      }).comparable,
    ).toBe(false);
    expect(
      budgetStatus({
        budget: eur,
        actual: [
          { amount: '10', currency: 'EUR' },
          { amount: '0.00', currency: 'USD' },
        ],
        through: '2027-01-15',
      }),
    ).toMatchObject({ comparable: true, actual: '10', status: 'on-track' });
  });
});
