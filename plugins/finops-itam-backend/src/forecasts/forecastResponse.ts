import {
  EntityForecastResponse,
  ForecastMonth,
  KnownLicenseChange,
} from '@finops-itam/plugin-finops-itam-common';
import { ExactSum } from '../money';
import {
  EntityForecast,
  FORECAST_LIST_DAYS,
  OUTLOOK_MONTHS,
} from './EntityForecastService';
import { KnownLicenseAmount } from './knownLicenseAmounts';
import { monthlyOutlook } from './projectPeriod';

const METHOD_NAMES = {
  'holt-winters-additive':
    'additive Holt-Winters with a damped trend and a weekly season',
  'mean-short-history':
    'the mean of a short history (under 14 days), with a wide band',
  'no-history': 'no cloud cost history, so zero',
} as const;

/** `GET /entities/:kind/:namespace/:name/forecast` from an entity's forecast. */
export function forecastResponse(
  forecast: EntityForecast,
): EntityForecastResponse {
  const { allIn } = forecast;
  const method = `${METHOD_NAMES[forecast.cloud.method]}${
    forecast.cloud.historyDays > 0
      ? `, ${forecast.cloud.historyDays} days of history`
      : ''
  }; license changes from entitlements added as known amounts`;
  if (forecast.currency === null) {
    return {
      entityRef: forecast.entityRef,
      currency: null,
      method,
      through: forecast.through,
      days: [],
      months: [],
      licenseChanges: [],
      otherCurrencies: forecast.otherCurrencies,
    };
  }
  const months: ForecastMonth[] = monthlyOutlook(
    forecast.actual,
    allIn,
    OUTLOOK_MONTHS,
  ).map(projection => {
    const license = new ExactSum();
    for (const day of allIn.days) {
      if (
        day.day >= projection.period.start &&
        day.day <= projection.period.end
      )
        license.add(day.known);
    }
    return {
      month: projection.period.start.slice(0, 7),
      actual: projection.actualToDate,
      expected: projection.projected.expected,
      low: projection.projected.low,
      high: projection.projected.high,
      license: license.toString(),
    };
  });
  return {
    entityRef: forecast.entityRef,
    currency: forecast.currency,
    method,
    through: forecast.through,
    days: allIn.days.slice(0, FORECAST_LIST_DAYS).map(day => ({
      day: day.day,
      expected: day.expected,
      low: day.low,
      high: day.high,
    })),
    months,
    licenseChanges: licenseChanges(forecast.licensePayments),
    otherCurrencies: forecast.otherCurrencies,
  };
}

/**
 * The changes among the known amounts paid in the forecast (the billed basis): a renewal's
 * payment, a true-up, a reservation's licenses, each on its day with the entity's share
 * (the shares of its rollup's members summed). A payment of the running term is not a
 * change: the entity already has that license cost.
 */
export function licenseChanges(
  amounts: readonly KnownLicenseAmount[],
): KnownLicenseChange[] {
  const changes = new Map<
    string,
    { first: KnownLicenseAmount; sum: ExactSum }
  >();
  for (const amount of amounts) {
    if (amount.reason === 'term') continue;
    const key = JSON.stringify([
      amount.day,
      amount.reason,
      amount.entitlementId,
      amount.requestId ?? null,
      amount.currency,
    ]);
    const change = changes.get(key);
    if (change) {
      change.sum.add(amount.amount);
    } else {
      changes.set(key, {
        first: amount,
        sum: new ExactSum().add(amount.amount),
      });
    }
  }
  return [...changes.values()]
    .map(({ first, sum }) => ({
      day: first.day,
      amount: sum.toString(),
      currency: first.currency,
      reason: reasonText(first),
      productId: first.productId,
    }))
    .sort((a, b) => {
      if (a.day !== b.day) return a.day < b.day ? -1 : 1;
      return a.reason.localeCompare(b.reason);
    });
}

function reasonText(amount: KnownLicenseAmount): string {
  switch (amount.reason) {
    case 'renewal':
      return `renewal of ${amount.entitlementId} at term end`;
    case 'true-up':
      return `true-up exposure of ${amount.productId} (priced by ${amount.entitlementId})`;
    case 'reservation':
      return `reserved by onboarding request ${amount.requestId}`;
    default:
      return `term of ${amount.entitlementId}`;
  }
}
