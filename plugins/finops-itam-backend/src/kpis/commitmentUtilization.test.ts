import {
  commitmentUtilization,
  commitmentWaste,
} from './commitmentUtilization';
import {
  coveredRow,
  purchaseRow,
  unusedRow,
  usageRow,
} from './__testUtils__/focusRows';

describe('commitment utilization and waste', () => {
  // ri-1 (hours): 6 h used for 12, 2 h unused for 3; 1 more used with its quantity unknown.
  // sp-1 (spend, in USD): 4 used for 4.
  const rows = [
    usageRow({ effectiveCost: '9' }),
    coveredRow({ commitmentDiscountQuantity: '6', effectiveCost: '12' }),
    unusedRow({ commitmentDiscountQuantity: '2', effectiveCost: '3' }),
    coveredRow({ commitmentDiscountQuantity: null, effectiveCost: '1' }),
    coveredRow({
      commitmentDiscountId: 'sp-1',
      commitmentDiscountCategory: 'Spend',
      commitmentDiscountType: 'Savings Plan',
      commitmentDiscountQuantity: '4',
      commitmentDiscountUnit: 'USD',
      effectiveCost: '4',
    }),
    purchaseRow({ commitmentDiscountQuantity: '100', effectiveCost: '0' }),
  ];

  it('divides used by used + unused quantity, purchases excluded, in one unit', () => {
    // Hours carry 15 of commitment cost, USD 4: the sums are in hours. The purchase's
    // 100 h would make it 6 / 108.
    expect(commitmentUtilization(rows)).toEqual({
      value: '0.75',
      numerator: '6',
      denominator: '8',
      // sp-1 (another unit) and the row without a quantity
      notCovered: '5',
      unit: 'Hours',
    });
  });

  it('has no value when no row says its quantity (FOCUS 1.0)', () => {
    const withoutQuantities = rows.map(row => ({
      ...row,
      commitmentDiscountQuantity: undefined,
      commitmentDiscountUnit: undefined,
    }));
    expect(commitmentUtilization(withoutQuantities)).toEqual({
      value: null,
      numerator: '0',
      denominator: '0',
      notCovered: '20',
      unit: null,
    });
  });

  it('counts unused commitment cost against all commitment cost as waste', () => {
    // 3 unused of 12 + 3 + 1 + 4 = 20; on-demand usage and the purchase are not commitment cost.
    expect(commitmentWaste(rows)).toEqual({
      value: '0.15',
      numerator: '3',
      denominator: '20',
      notCovered: '0',
    });
  });

  it('counts a commitment usage row without a status apart', () => {
    const waste = commitmentWaste([
      ...rows,
      coveredRow({ commitmentDiscountStatus: null, effectiveCost: '7' }),
    ]);
    expect(waste).toMatchObject({ value: '0.15', notCovered: '7' });
  });

  it('has no value without commitments', () => {
    expect(commitmentWaste([usageRow()]).value).toBeNull();
    expect(commitmentUtilization([usageRow()]).value).toBeNull();
  });
});
