import { Budget } from './budgetSchema';
import { validateBudgets } from './validateBudgets';

const record = (fields: Record<string, unknown> = {}) => ({
  id: 'checkout-q1',
  entityRef: 'group:default/team-checkout',
  period: 'quarter',
  start: '2027-01-01',
  amount: '45000.00',
  currency: 'USD',
  scope: 'all-in',
  ...fields,
});

function problemsOf(records: unknown[], options = {}) {
  const result = validateBudgets(records, options);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('validateBudgets', () => {
  it('accepts the record of issue 16 and fills in the default thresholds', () => {
    expect(validateBudgets([record()])).toEqual({
      ok: true,
      budgets: [
        {
          id: 'checkout-q1',
          entityRef: 'group:default/team-checkout',
          period: 'quarter',
          start: '2027-01-01',
          amount: '45000.00',
          currency: 'USD',
          scope: 'all-in',
          thresholds: {
            forecastAbove: 100,
            forecastBelow: 80,
            actualAbove: 100,
          },
        },
      ],
    });
  });

  it('keeps given thresholds, lowercases the entity ref and takes a YAML number amount', () => {
    const result = validateBudgets([
      record({
        entityRef: 'Component:default/Checkout-API',
        amount: 1200.5,
        thresholds: { forecastAbove: 110 },
      }),
    ]);
    expect(result).toMatchObject({
      ok: true,
      budgets: [
        {
          entityRef: 'component:default/checkout-api',
          amount: '1200.5',
          thresholds: {
            forecastAbove: 110,
            forecastBelow: 80,
            actualAbove: 100,
          },
        },
      ],
    });
  });

  it('lists every problem of every record with its field and reason', () => {
    expect(
      problemsOf([
        record({ amount: '-10' }),
        record({ id: 'b', currency: 'usd', scope: 'everything' }),
        record({ id: 'c', currency: 'XYZ', amount: '0' }),
        record({ id: 'd', amount: '12,50', entityRef: 'user:default/jane' }),
        record({ id: 'e', period: 'week', start: '2027-02-30' }),
        record({
          id: 'f',
          thresholds: { forecastAbove: 90, forecastBelow: 95 },
        }),
        record({ id: 'g', owner: 'me', thresholds: { actualAbove: -1 } }),
        { amount: '5' },
        'not a record',
      ]),
    ).toEqual([
      {
        index: 0,
        id: 'checkout-q1',
        field: 'amount',
        reason: 'must not be negative',
      },
      {
        index: 1,
        id: 'b',
        field: 'currency',
        reason: 'must be a three-letter ISO 4217 code in capitals, like USD',
      },
      {
        index: 1,
        id: 'b',
        field: 'scope',
        reason: 'must be all-in, cloud or licenses',
      },
      { index: 2, id: 'c', field: 'amount', reason: 'must be more than 0' },
      {
        index: 2,
        id: 'c',
        field: 'currency',
        reason: 'XYZ is not a current ISO 4217 currency code',
      },
      {
        index: 3,
        id: 'd',
        field: 'amount',
        reason:
          'must be a decimal amount like 45000.00, with at most 16 decimals',
      },
      {
        index: 3,
        id: 'd',
        field: 'entityRef',
        reason: 'must be a Group, System or Component, not a user',
      },
      {
        index: 4,
        id: 'e',
        field: 'period',
        reason: 'must be month, quarter or year',
      },
      {
        index: 4,
        id: 'e',
        field: 'start',
        reason: 'must be a date like 2027-01-01',
      },
      {
        index: 5,
        id: 'f',
        field: 'thresholds.forecastBelow',
        reason: 'must be below forecastAbove',
      },
      { index: 6, id: 'g', field: 'owner', reason: 'is not a budget field' },
      {
        index: 6,
        id: 'g',
        field: 'thresholds.actualAbove',
        reason: 'must be more than 0',
      },
      { index: 7, id: null, field: 'currency', reason: 'is required' },
      { index: 7, id: null, field: 'entityRef', reason: 'is required' },
      { index: 7, id: null, field: 'id', reason: 'is required' },
      { index: 7, id: null, field: 'period', reason: 'is required' },
      { index: 7, id: null, field: 'scope', reason: 'is required' },
      { index: 7, id: null, field: 'start', reason: 'is required' },
      { index: 8, id: null, field: '(record)', reason: 'must be an object' },
    ]);
  });

  it('refuses a start that does not begin a period of the fiscal calendar', () => {
    expect(problemsOf([record({ start: '2027-02-01' })])).toEqual([
      {
        index: 0,
        id: 'checkout-q1',
        field: 'start',
        reason:
          'must be the first day of a fiscal quarter (quarters start in January, April, July, October)',
      },
    ]);
    // With the fiscal year starting in February, the same quarter is aligned.
    expect(
      validateBudgets([record({ start: '2027-02-01' })], {
        calendar: { fiscalYearStartMonth: 2 },
      }).ok,
    ).toBe(true);
  });

  it('refuses repeated ids, unknown entities and overlapping periods of one entity and scope', () => {
    const year = record({
      id: 'checkout-2027',
      period: 'year',
      start: '2027-01-01',
    });
    expect(
      problemsOf(
        [
          record(),
          year,
          record({ id: 'checkout-q1', start: '2027-04-01' }),
          record({ id: 'cloud-q1', scope: 'cloud' }),
          record({ id: 'ghost', entityRef: 'system:default/ghost' }),
        ],
        {
          knownEntityRefs: new Set(['group:default/team-checkout']),
        },
      ),
    ).toEqual([
      {
        index: 1,
        id: 'checkout-2027',
        field: 'start',
        reason:
          'overlaps budget checkout-q1 (2027-01-01 to 2027-03-31) of the same entity and scope',
      },
      {
        index: 2,
        id: 'checkout-q1',
        field: 'id',
        reason: 'is also the id of record 0; ids are unique',
      },
      {
        index: 2,
        id: 'checkout-q1',
        field: 'start',
        reason:
          'overlaps budget checkout-2027 (2027-01-01 to 2027-12-31) of the same entity and scope',
      },
      {
        index: 4,
        id: 'ghost',
        field: 'entityRef',
        reason: 'system:default/ghost is not in the catalog',
      },
    ]);
  });

  it('checks overlaps against stored budgets, except those the batch replaces', () => {
    const stored = validateBudgets([record({ id: 'old-q1' })]);
    if (!stored.ok) throw new Error('stored budget should be valid');
    const existing: Budget[] = stored.budgets;

    expect(problemsOf([record()], { existing })).toEqual([
      expect.objectContaining({
        field: 'start',
        reason: expect.stringContaining('overlaps budget old-q1'),
      }),
    ]);
    expect(
      validateBudgets([record({ id: 'old-q1', amount: '50000' })], { existing })
        .ok,
    ).toBe(true);
    // The next quarter touches but does not overlap.
    expect(
      validateBudgets([record({ id: 'q2', start: '2027-04-01' })], { existing })
        .ok,
    ).toBe(true);
  });
});
