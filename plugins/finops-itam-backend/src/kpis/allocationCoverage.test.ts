import { allocationCoverage } from './allocationCoverage';
import { purchaseRow, usageRow } from './__testUtils__/focusRows';

describe('allocationCoverage', () => {
  it('divides the cost with an owner by all cost, purchases and taxes included', () => {
    expect(
      allocationCoverage([
        usageRow({ effectiveCost: '60' }),
        usageRow({ ownerRef: null, effectiveCost: '15' }),
        purchaseRow({ ownerRef: null, effectiveCost: '20' }),
        usageRow({ chargeCategory: 'Tax', effectiveCost: '5' }),
      ]),
    ).toEqual({
      value: '0.65',
      numerator: '65',
      denominator: '100',
      notCovered: '0',
    });
  });

  it('has no value when there is no cost', () => {
    expect(allocationCoverage([]).value).toBeNull();
  });
});
