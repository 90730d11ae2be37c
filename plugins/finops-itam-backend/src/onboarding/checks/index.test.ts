import {
  SAAS_SEAT,
  SQL_STANDARD,
  context,
  plan,
} from './__testUtils__/checkFixtures';
import { runChecks } from './index';

describe('runChecks', () => {
  it('answers the six checks in order, the estimate and what approval would reserve', () => {
    const outcome = runChecks(plan(), context());
    expect(outcome.checks.map(c => [c.id, c.status])).toEqual([
      ['license-availability', 'pass'],
      ['byol-eligibility', 'pass'],
      ['policy', 'pass'],
      ['cost-estimate', 'pass'],
      ['budget-fit', 'warn'],
      ['cheaper-option', 'warn'],
    ]);
    for (const check of outcome.checks) {
      expect(check.fix === null).toBe(check.status === 'pass');
      expect(check.message).not.toBe('');
    }
    expect(outcome.costEstimate.totals).toEqual([
      { amount: '1249.48', currency: 'USD' },
    ]);
    expect(outcome.reservations).toEqual([
      { productId: SQL_STANDARD, quantity: 12, metric: 'per-core' },
      { productId: SAAS_SEAT, quantity: 12, metric: 'per-user' },
    ]);
  });
});
