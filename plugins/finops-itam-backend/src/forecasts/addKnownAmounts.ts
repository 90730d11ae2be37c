import { ExactSum } from '../money';
import { sumDays } from './forecastCost';
import { KnownLicenseAmount } from './knownLicenseAmounts';
import { CostForecast, ForecastDay } from './types';

/** A forecast day with the known amounts in it. */
export interface AllInForecastDay extends ForecastDay {
  /** The known license amounts of the day, included in expected, low and high. */
  known: string;
}

/** A known amount that was not added, and why. */
export interface NotAddedAmount {
  amount: KnownLicenseAmount;
  why: 'other-currency' | 'outside-forecast';
}

/** The cloud forecast with the license part added: the all-in forecast. */
export interface AllInForecast extends Omit<CostForecast, 'days'> {
  days: AllInForecastDay[];
  /** Exact sum of the days' known amounts. */
  known: string;
  notAdded: NotAddedAmount[];
}

/**
 * Adds known amounts to the forecast days, exactly. A known amount has no uncertainty, so it
 * moves expected, low and high alike. Amounts in another currency are never added (nothing
 * here converts currencies) and amounts on days the forecast does not cover are not either;
 * both come back in `notAdded`.
 */
export function addKnownAmounts(
  forecast: CostForecast,
  known: readonly KnownLicenseAmount[],
): AllInForecast {
  const byDay = new Map<string, ExactSum>(
    forecast.days.map(day => [day.day, new ExactSum()]),
  );
  const notAdded: NotAddedAmount[] = [];
  for (const amount of known) {
    const sum = byDay.get(amount.day);
    if (amount.currency !== forecast.currency) {
      notAdded.push({ amount, why: 'other-currency' });
    } else if (!sum) {
      notAdded.push({ amount, why: 'outside-forecast' });
    } else {
      sum.add(amount.amount);
    }
  }
  const plus = (value: string, sum: ExactSum) =>
    new ExactSum().add(value).addSum(sum).toString();
  const days = forecast.days.map(day => {
    const sum = byDay.get(day.day)!;
    return {
      day: day.day,
      expected: plus(day.expected, sum),
      low: plus(day.low, sum),
      high: plus(day.high, sum),
      known: sum.toString(),
    };
  });
  const knownTotal = new ExactSum();
  for (const day of days) knownTotal.add(day.known);
  return {
    ...forecast,
    days,
    total: sumDays(days),
    known: knownTotal.toString(),
    notAdded,
  };
}
