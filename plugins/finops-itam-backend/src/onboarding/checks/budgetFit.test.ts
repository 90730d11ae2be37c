import {
  OWNER,
  context,
  observedPrice,
  plan,
} from './__testUtils__/checkFixtures';
import { checkBudgetFit } from './budgetFit';
import { estimateMonthlyCost } from './costEstimate';
import { plannedRequirements } from './plannedCounts';
import { BudgetForCheck, CheckContext } from './types';

/** The example request's estimate: 1249.48 USD a month. */
const exampleEstimate = (c: CheckContext = context()) =>
  estimateMonthlyCost(plan(), plannedRequirements(plan(), c.products), c);

const budget = (fields: Partial<BudgetForCheck> = {}): BudgetForCheck => ({
  monthlyAmount: '5000',
  currency: 'USD',
  monthlyForecast: '2000',
  description: 'budget payments-2027 (year from 2027-01-01)',
  ...fields,
});

describe('budget-fit', () => {
  it('warns "no budget" when no budgets feature is installed, and when the owner has none', () => {
    for (const none of [undefined, null]) {
      const result = checkBudgetFit(plan(), exampleEstimate(), none);
      expect(result).toMatchObject({
        id: 'budget-fit',
        status: 'warn',
        message: `No budget for ${OWNER}, so the estimate cannot be checked against one.`,
        fix: `Set a budget for ${OWNER}.`,
      });
    }
  });

  it('passes when forecast plus estimate stay under 90 % of the budget', () => {
    const result = checkBudgetFit(plan(), exampleEstimate(), budget());
    expect(result.status).toBe('pass');
    expect(result.message).toBe(
      '2000 forecast + 1249.48 for this request = 3249.48 USD a month, within the budget of 5000 USD.',
    );
  });

  it('warns within 10 % of the budget, saying what is left', () => {
    const result = checkBudgetFit(
      plan(),
      exampleEstimate(),
      budget({ monthlyAmount: '3500' }),
    );
    expect(result.status).toBe('warn');
    expect(result.message).toBe(
      '2000 forecast + 1249.48 for this request = 3249.48 USD a month, within 10 % of the budget of 3500 USD (250.52 left).',
    );
  });

  it('fails over the budget, saying by how much', () => {
    const result = checkBudgetFit(
      plan(),
      exampleEstimate(),
      budget({ monthlyAmount: '3000' }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      '2000 forecast + 1249.48 for this request = 3249.48 USD a month, over the budget of 3000 USD by 249.48.',
    );
    expect(result.fix).toMatch(
      /^Raise the budget of group:default\/team-payments/,
    );
  });

  it('warns, never converting, when the budget is in another currency than the estimate', () => {
    const result = checkBudgetFit(
      plan(),
      exampleEstimate(),
      budget({ currency: 'EUR' }),
    );
    expect(result.status).toBe('warn');
    expect(result.message).toBe(
      `The budget of ${OWNER} is in EUR, and nothing in the estimate is priced in EUR.`,
    );
    expect(result.details).toContain(
      '1249.48 USD of the estimate is not in EUR: not converted, not counted',
    );
  });

  it('warns when part of the estimate is in another currency, counting only the budget’s', () => {
    const c = context({
      observedPrices: [observedPrice({ currency: 'EUR', perHour: '0.18' })],
    });
    const result = checkBudgetFit(plan(), exampleEstimate(c), budget());
    expect(result.status).toBe('warn');
    expect(result.message).toBe(
      '2000 forecast + 829.00 for this request = 2829.00 USD a month, within the budget of 5000 USD. The part priced in EUR is not counted (never converted).',
    );
  });

  it('says when lines without a price are left out of the fit', () => {
    const c = context({ observedPrices: [] });
    const result = checkBudgetFit(plan(), exampleEstimate(c), budget());
    expect(result.status).toBe('pass');
    expect(result.message).toBe(
      '2000 forecast + 829.00 for this request = 2829.00 USD a month, within the budget of 5000 USD. 1 estimate line without a price is not counted.',
    );
  });
});
