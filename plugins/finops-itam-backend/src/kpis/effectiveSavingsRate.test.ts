import { effectiveSavingsRate } from './effectiveSavingsRate';
import { MixedCurrencyError } from './ratioKpi';
import {
  coveredRow,
  purchaseRow,
  unusedRow,
  usageRow,
} from './__testUtils__/focusRows';

describe('effectiveSavingsRate', () => {
  // On-demand 10 list, 9 contracted, 9 paid; covered 20 list and contracted, 12 paid;
  // 3 of commitment unused.
  const onDemand = usageRow({
    listCost: '10',
    contractedCost: '9',
    effectiveCost: '9',
  });
  const covered = coveredRow({
    listCost: '20',
    contractedCost: '20',
    effectiveCost: '12',
  });
  const unused = unusedRow({ effectiveCost: '3' });

  it('computes both rates on sums over usage rows, named apart', () => {
    expect(effectiveSavingsRate([onDemand, covered, unused])).toEqual({
      // (30 − 24) / 30
      againstList: {
        value: '0.2',
        numerator: '6',
        denominator: '30',
        notCovered: '0',
      },
      // (29 − 24) / 29 = 0.172413793… rounded to 6 places
      againstContracted: {
        value: '0.172414',
        numerator: '5',
        denominator: '29',
        notCovered: '0',
      },
    });
  });

  it('leaves commitment purchases out: their cost is already on the covered usage', () => {
    const withPurchase = effectiveSavingsRate([
      onDemand,
      covered,
      unused,
      purchaseRow({ listCost: '100', effectiveCost: '0', billedCost: '15' }),
    ]);
    expect(withPurchase.againstList).toMatchObject({
      value: '0.2',
      denominator: '30',
    });
  });

  it('is lowered by unused commitment', () => {
    const withoutUnused = effectiveSavingsRate([onDemand, covered]);
    // (30 − 21) / 30 without the 3 unused; 0.2 with it.
    expect(withoutUnused.againstList.value).toBe('0.3');
  });

  it('counts rows with an unknown price apart, per rate', () => {
    const rate = effectiveSavingsRate([
      onDemand,
      covered,
      unused,
      usageRow({ listCost: '5', contractedCost: null, effectiveCost: '4' }),
      usageRow({ listCost: null, contractedCost: '2', effectiveCost: '2' }),
    ]);
    // List known on 10 + 20 + 0 + 5 = 35, paid 9 + 12 + 3 + 4 = 28; the 2 without list apart.
    expect(rate.againstList).toEqual({
      value: '0.2',
      numerator: '7',
      denominator: '35',
      notCovered: '2',
    });
    // Contracted known on 9 + 20 + 0 + 2 = 31, paid 26; the 4 without contracted apart.
    expect(rate.againstContracted).toEqual({
      value: '0.16129',
      numerator: '5',
      denominator: '31',
      notCovered: '4',
    });
  });

  it('adds a correction to a closed period as the delta it is', () => {
    const rate = effectiveSavingsRate([
      onDemand,
      covered,
      unused,
      // The provider takes back 5 of list and 4 of paid on the covered usage.
      coveredRow({
        chargeClass: 'Correction',
        listCost: '-5',
        contractedCost: '-5',
        effectiveCost: '-4',
      }),
    ]);
    // (25 − 20) / 25
    expect(rate.againstList).toMatchObject({
      value: '0.2',
      numerator: '5',
      denominator: '25',
    });
  });

  it('stays exact on amounts a float sum would round', () => {
    const rate = effectiveSavingsRate([
      usageRow({ listCost: '0.1', effectiveCost: '0.0000000000000001' }),
      usageRow({ listCost: '0.2', effectiveCost: '0.0000000000000002' }),
    ]);
    expect(rate.againstList).toMatchObject({
      numerator: '0.2999999999999997',
      denominator: '0.3',
      value: '1',
    });
  });

  it('has no value when there is no usage to compare', () => {
    expect(effectiveSavingsRate([purchaseRow()]).againstList).toEqual({
      value: null,
      numerator: '0',
      denominator: '0',
      notCovered: '0',
    });
  });

  it('refuses rows of two currencies rather than add them', () => {
    expect(() =>
      effectiveSavingsRate([usageRow(), usageRow({ currency: 'EUR' })]),
    ).toThrow(MixedCurrencyError);
  });
});
