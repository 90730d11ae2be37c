import { BudgetFileError, readBudgetFile } from './budgetFiles';
import { validateBudgets } from './validateBudgets';

describe('readBudgetFile', () => {
  it('reads CSV rows, thresholds in their own columns, into records the validation takes', () => {
    const file = readBudgetFile(
      'budgets.csv',
      [
        'id,entityRef,period,start,amount,currency,scope,forecastAbove,forecastBelow,actualAbove',
        'checkout-q1,group:default/team-checkout,quarter,2027-01-01,45000.00,USD,all-in,,,',
        'search-2027,component:default/search,year,2027-01-01,12000,EUR,cloud,110,70,',
      ].join('\n'),
    );
    expect(file.positionName).toBe('row');
    expect(file.firstPosition).toBe(2);
    const result = validateBudgets(file.records);
    expect(result).toMatchObject({
      ok: true,
      budgets: [
        {
          id: 'checkout-q1',
          amount: '45000.00',
          thresholds: { forecastAbove: 100 },
        },
        {
          id: 'search-2027',
          thresholds: {
            forecastAbove: 110,
            forecastBelow: 70,
            actualAbove: 100,
          },
        },
      ],
    });
  });

  it('leaves a bad threshold cell for the validation to name', () => {
    const file = readBudgetFile(
      'b.csv',
      'id,entityRef,period,start,amount,currency,scope,forecastAbove\na,group:default/x,month,2027-01-01,1,USD,cloud,lots\n',
    );
    expect(validateBudgets(file.records)).toMatchObject({
      ok: false,
      problems: [{ index: 0, field: 'thresholds.forecastAbove' }],
    });
  });

  it('reads YAML and JSON lists, bare or under budgets', () => {
    const yaml = readBudgetFile(
      'budgets.yaml',
      'budgets:\n  - id: a\n    amount: 45000.00\n',
    );
    expect(yaml).toEqual({
      records: [{ id: 'a', amount: 45000 }],
      positionName: 'record',
      firstPosition: 0,
    });
    expect(readBudgetFile('b.json', '[{"id":"a"}]').records).toEqual([
      { id: 'a' },
    ]);
  });

  it('refuses files that hold no budgets or cannot be read', () => {
    expect(() => readBudgetFile('b.csv', 'id,entityRef\n')).toThrow(
      /holds no budgets/,
    );
    expect(() => readBudgetFile('b.csv', 'id,owner\nx,y\n')).toThrow(
      /unknown column\(s\) owner/,
    );
    expect(() => readBudgetFile('b.yaml', 'budgets: 3')).toThrow(
      BudgetFileError,
    );
    expect(() => readBudgetFile('b.json', '{')).toThrow(/is not valid JSON/);
    expect(() => readBudgetFile('b.xlsx', '')).toThrow(/unknown format/);
  });
});
