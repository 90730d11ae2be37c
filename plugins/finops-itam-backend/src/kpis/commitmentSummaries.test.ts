import { commitmentSummaries } from './commitmentSummaries';
import {
  coveredRow,
  purchaseRow,
  unusedRow,
  usageRow,
} from './__testUtils__/focusRows';

describe('commitmentSummaries', () => {
  it('says per commitment what it covered, for whom, and where its unused cost went', () => {
    const summaries = commitmentSummaries([
      usageRow({ effectiveCost: '9' }),
      coveredRow({ commitmentDiscountQuantity: '6', effectiveCost: '12' }),
      coveredRow({
        ownerRef: 'group:default/team-b',
        commitmentDiscountQuantity: '1.5',
        effectiveCost: '3',
      }),
      coveredRow({
        ownerRef: null,
        commitmentDiscountQuantity: '0.5',
        effectiveCost: '1',
      }),
      unusedRow({
        commitmentDiscountQuantity: '2',
        effectiveCost: '4',
        ownerRef: 'group:default/platform',
      }),
      purchaseRow({ commitmentDiscountQuantity: '100', effectiveCost: '0' }),
      coveredRow({
        commitmentDiscountId: 'sp-1',
        commitmentDiscountCategory: 'Spend',
        commitmentDiscountType: 'Savings Plan',
        commitmentDiscountUnit: null,
        effectiveCost: '5',
      }),
    ]);

    expect(summaries).toEqual([
      {
        commitmentDiscountId: 'ri-1',
        currency: 'USD',
        providerName: 'AWS',
        type: 'Reserved Instance',
        category: 'Usage',
        usedCost: '16',
        unusedCost: '4',
        usedQuantity: '8',
        unusedQuantity: '2',
        // 8 h used of 10 h; the purchase's 100 h is not usage.
        utilization: {
          value: '0.8',
          numerator: '8',
          denominator: '10',
          notCovered: '0',
          unit: 'Hours',
        },
        coveredOwners: [
          { ownerRef: 'group:default/team-a', cost: '12' },
          { ownerRef: 'group:default/team-b', cost: '3' },
          { ownerRef: null, cost: '1' },
        ],
        unusedCostOwners: [{ ownerRef: 'group:default/platform', cost: '4' }],
      },
      {
        commitmentDiscountId: 'sp-1',
        currency: 'USD',
        providerName: 'AWS',
        type: 'Savings Plan',
        category: 'Spend',
        usedCost: '5',
        unusedCost: '0',
        usedQuantity: '0',
        unusedQuantity: '0',
        // No unit, so no quantity to divide: its cost is not covered by the figure.
        utilization: {
          value: null,
          numerator: '0',
          denominator: '0',
          notCovered: '5',
          unit: null,
        },
        coveredOwners: [{ ownerRef: 'group:default/team-a', cost: '5' }],
        unusedCostOwners: [],
      },
    ]);
  });

  it('keeps a commitment billed in two currencies apart per currency', () => {
    const summaries = commitmentSummaries([
      coveredRow({ commitmentDiscountQuantity: '1', effectiveCost: '2' }),
      coveredRow({
        currency: 'EUR',
        commitmentDiscountQuantity: '1',
        effectiveCost: '3',
      }),
    ]);
    expect(
      summaries.map(s => [s.commitmentDiscountId, s.currency, s.usedCost]),
    ).toEqual([
      ['ri-1', 'EUR', '3'],
      ['ri-1', 'USD', '2'],
    ]);
  });
});
