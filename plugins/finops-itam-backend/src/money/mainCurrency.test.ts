import { ExactSum } from './ExactSum';
import { mainCurrency } from './mainCurrency';
import { Money } from './Money';
import { SumMap } from './SumMap';

describe('mainCurrency', () => {
  it('shows the largest total and lists the others beside it, never adding them', () => {
    const totals = new SumMap()
      .add('EUR', '40.10')
      .add('USD', '100')
      .add('EUR', '0.0000000000000001')
      .add('GBP', '-7.5');

    expect(mainCurrency(totals.entries())).toEqual({
      currency: 'USD',
      others: [
        { currency: 'EUR', total: '40.1000000000000001' },
        { currency: 'GBP', total: '-7.5' },
      ],
    });
  });

  it('counts a credit by its size and breaks ties by currency code', () => {
    expect(
      mainCurrency(
        new Map([
          ['USD', new Money('10')],
          ['EUR', new Money('-25')],
        ]),
      ).currency,
    ).toBe('EUR');
    expect(
      mainCurrency([
        ['USD', ExactSum.of('5')],
        ['CHF', ExactSum.of('-5')],
      ]),
    ).toEqual({ currency: 'CHF', others: [{ currency: 'USD', total: '5' }] });
  });

  it('has no currency when there is no cost', () => {
    expect(mainCurrency([])).toEqual({ currency: null, others: [] });
  });
});
