import { Budget } from '../budgetSchema';
import { validateBudgets } from '../validateBudgets';

/** A valid budget (the record of issue 16 unless fields say otherwise), through the real validation. */
export function budget(
  fields: Record<string, unknown> = {},
  calendar = { fiscalYearStartMonth: 1 },
): Budget {
  const result = validateBudgets(
    [
      {
        id: 'checkout-q1',
        entityRef: 'group:default/team-checkout',
        period: 'quarter',
        start: '2027-01-01',
        amount: '45000.00',
        currency: 'USD',
        scope: 'all-in',
        ...fields,
      },
    ],
    { calendar },
  );
  if (!result.ok) {
    throw new Error(
      `Test budget is invalid: ${JSON.stringify(result.problems)}`,
    );
  }
  return result.budgets[0];
}
