import { makeBudget, makeBudgetStatus } from '../../testUtils/budgetFixtures';
import { budgetRows, sortBudgetRows } from './budgetRows';

function row(
  id: string,
  status: 'on-track' | 'at-risk' | 'over' | 'under' | null,
  forecastVariance: number | null,
) {
  return makeBudgetStatus({
    budget: makeBudget({ id, entityRef: `component:default/${id}` }),
    status,
    forecastVariance,
    variance: forecastVariance,
  });
}

const rows = budgetRows([
  row('a', 'on-track', -0.05),
  row('b', 'over', 0.4),
  row('c', null, null),
  row('d', 'under', -0.3),
  row('e', 'at-risk', 0.08),
]);
const ids = (sorted: typeof rows) => sorted.map(r => r.budget.id);

describe('sortBudgetRows', () => {
  it('puts the worst status first: over, at risk, under, on track, then none', () => {
    expect(
      ids(sortBudgetRows(rows, { by: 'status', direction: 'asc' })),
    ).toEqual(['b', 'e', 'd', 'a', 'c']);
  });

  it('turns the status order round but keeps budgets without status last', () => {
    expect(
      ids(sortBudgetRows(rows, { by: 'status', direction: 'desc' })),
    ).toEqual(['a', 'd', 'e', 'b', 'c']);
  });

  it('sorts by forecast variance either way, without a figure last', () => {
    expect(
      ids(sortBudgetRows(rows, { by: 'variance', direction: 'desc' })),
    ).toEqual(['b', 'e', 'a', 'd', 'c']);
    expect(
      ids(sortBudgetRows(rows, { by: 'variance', direction: 'asc' })),
    ).toEqual(['d', 'a', 'e', 'b', 'c']);
  });

  it('leaves out entries without a budget', () => {
    expect(budgetRows([makeBudgetStatus({ budget: null })])).toEqual([]);
  });
});
