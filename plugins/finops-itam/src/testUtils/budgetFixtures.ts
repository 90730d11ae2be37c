import {
  Anomaly,
  Budget,
  BudgetStatusEntry,
  EntityBudgetResponse,
  EntityForecastResponse,
} from '@finops-itam/plugin-finops-itam-common';

/** A quarterly all-in budget of team-checkout, as the backend lists it. */
export function makeBudget(overrides: Partial<Budget> = {}): Budget {
  return {
    id: 'checkout-q4',
    entityRef: 'group:default/team-checkout',
    period: 'quarter',
    start: '2026-10-01',
    amount: '45000.00',
    currency: 'USD',
    scope: 'all-in',
    thresholds: { forecastAbove: 100, forecastBelow: 80, actualAbove: 100 },
    source: 'config',
    ...overrides,
  };
}

/** A budget's status in the period: on track unless overridden. */
export function makeBudgetStatus(
  overrides: Partial<BudgetStatusEntry> = {},
): BudgetStatusEntry {
  const budget =
    overrides.budget === undefined ? makeBudget() : overrides.budget;
  return {
    budget,
    periodStart: '2026-10-01',
    periodEnd: '2027-01-01',
    through: '2026-11-25',
    actual: { amount: '30000.00', currency: 'USD' },
    forecast: { expected: '42000.00', low: '40000.00', high: '44000.00' },
    variance: -0.3333,
    forecastVariance: -0.0667,
    status: 'on-track',
    otherCurrencies: [],
    unbudgeted: null,
    message: null,
    ...overrides,
  };
}

/** An entity's budget answer, for `getEntityBudget`. */
export function makeEntityBudget(
  overrides: Partial<EntityBudgetResponse> = {},
): EntityBudgetResponse {
  return {
    entityRef: 'component:default/checkout',
    ...makeBudgetStatus({
      budget: makeBudget({
        id: 'checkout-api-q4',
        entityRef: 'component:default/checkout',
        amount: '12000.00',
      }),
    }),
    ...overrides,
  };
}

/** The answer for an entity with no budget in the period. */
export function makeNoBudget(
  entityRef = 'component:default/checkout',
): EntityBudgetResponse {
  return {
    entityRef,
    budget: null,
    periodStart: null,
    periodEnd: null,
    through: null,
    actual: null,
    forecast: null,
    variance: null,
    forecastVariance: null,
    status: null,
    otherCurrencies: [],
    unbudgeted: null,
    message: 'No budget covers this entity in this period.',
  };
}

/** A forecast of the days after 2026-11-25, flat at 40 a day with a ±5 band. */
export function makeForecast(
  overrides: Partial<EntityForecastResponse> = {},
): EntityForecastResponse {
  const days = ['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'].map(
    day => ({ day, expected: '40.00', low: '35.00', high: '45.00' }),
  );
  return {
    entityRef: 'component:default/checkout',
    currency: 'USD',
    method: 'additive Holt-Winters, weekly season, 120 days of history',
    through: '2026-11-25',
    days,
    months: [],
    licenseChanges: [],
    otherCurrencies: [],
    ...overrides,
  };
}

/** An open cost anomaly of checkout on 2026-11-18, driven by DynamoDB. */
export function makeAnomaly(overrides: Partial<Anomaly> = {}): Anomaly {
  return {
    id: 'anomaly-1',
    kind: 'cost-increase',
    entityRef: 'component:default/checkout',
    owner: 'group:default/team-checkout',
    productId: null,
    date: '2026-11-18',
    lastDate: '2026-11-18',
    currency: 'USD',
    actual: '140.00',
    expected: '40.00',
    impact: '100.00',
    totalImpact: '100.00',
    score: 9.5,
    detail: 'All-in cost 3.5× the expected day',
    status: 'open',
    resolution: null,
    note: null,
    drivers: [
      { kind: 'service', name: 'Amazon DynamoDB', impact: '95.00' },
      { kind: 'resource', name: 'checkout-sessions', impact: '94.00' },
    ],
    history: [],
    detectedAt: '2026-11-20T06:00:00.000Z',
    notifiedAt: null,
    ...overrides,
  };
}
