import { addKnownAmounts } from './addKnownAmounts';
import { forecastCost } from './forecastCost';
import { KnownLicenseAmount } from './knownLicenseAmounts';
import { dailySeries } from './__testUtils__/syntheticSeries';

const forecast = forecastCost(
  {
    currency: 'USD',
    absentDays: 'zero-cost',
    days: dailySeries('2026-01-05', 28, () => 100.1),
  },
  3,
);

const known = (
  day: string,
  amount: string,
  currency = 'USD',
): KnownLicenseAmount => ({
  day,
  amount,
  currency,
  reason: 'renewal',
  productId: 'p',
  entitlementId: 'e',
  owner: 'group:default/itam',
});

describe('addKnownAmounts', () => {
  it('adds known amounts to expected, low and high of their day, exactly', () => {
    expect(forecast.days.map(d => d.day)).toEqual([
      '2026-02-02',
      '2026-02-03',
      '2026-02-04',
    ]);
    const allIn = addKnownAmounts(forecast, [
      known('2026-02-03', '0.2'),
      known('2026-02-03', '1000'),
    ]);
    expect(allIn.days[1]).toEqual({
      day: '2026-02-03',
      expected: '1100.3',
      low: '1100.3',
      high: '1100.3',
      known: '1000.2',
    });
    expect(allIn.days[0].known).toBe('0');
    expect(allIn.known).toBe('1000.2');
    expect(allIn.total.expected).toBe('1300.5');
    expect(allIn.method).toBe('holt-winters-additive');
  });

  it('never adds another currency, nor a day the forecast does not cover', () => {
    const eur = known('2026-02-02', '50', 'EUR');
    const later = known('2026-03-01', '50');
    const allIn = addKnownAmounts(forecast, [eur, later]);
    expect(allIn.total).toEqual(forecast.total);
    expect(allIn.notAdded).toEqual([
      { amount: eur, why: 'other-currency' },
      { amount: later, why: 'outside-forecast' },
    ]);
  });
});
