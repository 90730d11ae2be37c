import { ExactSum, Money } from '../money';
import { elapsedDays, periodDays, periodLastDay } from './budgetPeriods';
import { Budget } from './budgetSchema';

/** An exact decimal amount with its currency. */
export interface MoneyAmount {
  amount: string;
  currency: string;
}

/** A projection of the period's total, with its band. */
export interface PeriodForecast {
  currency: string;
  expected: string;
  low: string;
  high: string;
}

export interface BudgetStatusInput {
  budget: Budget;
  /**
   * Actual cost of the budget's entity and scope from the period's start through `through`,
   * one total per currency (as cost answers give them). Never converted or added across
   * currencies.
   */
  actual: readonly MoneyAmount[];
  /** The last day `actual` covers: the latest complete day of cost data. */
  through: string;
  /** Projected total at the period's end; absent when no forecast could be made. */
  forecast?: PeriodForecast;
}

export type BudgetStatus = 'on-track' | 'at-risk' | 'over' | 'under';

export interface ComparableBudgetStatus {
  comparable: true;
  budgetId: string;
  currency: string;
  budget: string;
  actual: string;
  /** Null when there is no forecast and the period is not over yet. */
  forecast: { expected: string; low: string; high: string } | null;
  /** (actual − budget) / budget, domain.md §3. */
  variance: number;
  /** (forecast − budget) / budget; null without a forecast. */
  forecastVariance: number | null;
  status: BudgetStatus;
  elapsedDays: number;
  totalDays: number;
}

/** The budget and the cost are in different currencies: nothing here converts them. */
export interface OtherCurrencyBudgetStatus {
  comparable: false;
  budgetId: string;
  reason: 'other-currency';
  budgetCurrency: string;
  /** The amounts that are not in the budget's currency. */
  otherCurrencies: MoneyAmount[];
  message: string;
}

export type BudgetStatusResult =
  | ComparableBudgetStatus
  | OtherCurrencyBudgetStatus;

/**
 * Where a budget stands: `over` once the actual passes `actualAbove` % of the budget;
 * otherwise `at-risk` when the forecast passes `forecastAbove` %, `under` when it is below
 * `forecastBelow` %, else `on-track`. Without a forecast only `over` and `on-track` can be
 * told; once the period is over the actual is the forecast. Percentages compare exactly
 * (actual × 100 against budget × threshold), so 100 % of the budget is not over it.
 *
 * Cost in another currency than the budget's gives an `other-currency` result instead of a
 * status: leaving it out would understate spend, and adding it would sum two currencies.
 */
export function budgetStatus(input: BudgetStatusInput): BudgetStatusResult {
  const { budget } = input;
  const others = [
    ...input.actual,
    ...(input.forecast
      ? [{ currency: input.forecast.currency, amount: input.forecast.expected }]
      : []),
  ].filter(
    money =>
      money.currency !== budget.currency && !new Money(money.amount).isZero(),
  );
  if (others.length > 0) {
    const currencies = [...new Set(others.map(money => money.currency))].sort();
    return {
      comparable: false,
      budgetId: budget.id,
      reason: 'other-currency',
      budgetCurrency: budget.currency,
      otherCurrencies: others,
      message: `Budget ${budget.id} is in ${
        budget.currency
      } but its cost is also in ${currencies.join(
        ', ',
      )}; amounts in different currencies are not compared or added`,
    };
  }

  const actual = new ExactSum();
  for (const money of input.actual) actual.add(money.amount);
  const actualText = actual.toString();
  const periodOver =
    input.through >= periodLastDay(budget.period, budget.start);
  const forecast = periodOver
    ? { expected: actualText, low: actualText, high: actualText }
    : plainForecast(input.forecast);

  const amount = new Money(budget.amount);
  const passes = (value: string, percent: number) =>
    new Money(value).times(100).cmp(amount.times(percent));
  const { thresholds } = budget;
  let status: BudgetStatus = 'on-track';
  if (passes(actualText, thresholds.actualAbove) > 0) status = 'over';
  else if (
    forecast &&
    passes(forecast.expected, thresholds.forecastAbove) > 0
  ) {
    status = 'at-risk';
  } else if (
    forecast &&
    passes(forecast.expected, thresholds.forecastBelow) < 0
  ) {
    status = 'under';
  }

  return {
    comparable: true,
    budgetId: budget.id,
    currency: budget.currency,
    budget: amount.toFixed(),
    actual: actualText,
    forecast,
    variance: ratio(actualText, amount),
    forecastVariance: forecast ? ratio(forecast.expected, amount) : null,
    status,
    elapsedDays: elapsedDays(budget.period, budget.start, input.through),
    totalDays: periodDays(budget.period, budget.start),
  };
}

function plainForecast(
  forecast: PeriodForecast | undefined,
): ComparableBudgetStatus['forecast'] {
  if (!forecast) return null;
  return {
    expected: new Money(forecast.expected).toFixed(),
    low: new Money(forecast.low).toFixed(),
    high: new Money(forecast.high).toFixed(),
  };
}

/** (value − budget) / budget, a ratio for display (6 decimals), computed exactly first. */
function ratio(value: string, budget: InstanceType<typeof Money>): number {
  return new Money(value)
    .minus(budget)
    .dividedBy(budget)
    .toDecimalPlaces(6)
    .toNumber();
}
