import { InputError } from '@backstage/errors';
import { BudgetProblem } from './validateBudgets';

/** A batch of budgets with problems: nothing of it was stored. */
export class BudgetRejectedError extends InputError {
  constructor(readonly rejections: BudgetProblem[]) {
    const shown = rejections
      .slice(0, 5)
      .map(
        r => `#${r.index}${r.id ? ` (${r.id})` : ''} ${r.field}: ${r.reason}`,
      );
    if (rejections.length > 5) shown.push('…');
    super(
      `${
        rejections.length
      } problem(s) in the budgets, none stored: ${shown.join('; ')}`,
    );
  }
}
