import { Money } from '../ingestion/money';
import { ScaledSum } from './ScaledSum';

describe('ScaledSum', () => {
  it('adds decimals exactly and prints them plainly', () => {
    const sum = new ScaledSum();
    expect(sum.toFixed()).toBe('0');
    sum.add('0.1').add('0.2').add('10').add('0.0000000000000001');
    expect(sum.toFixed()).toBe('10.3000000000000001');
    sum.add('-10.3000000000000001');
    expect(sum.toFixed()).toBe('0');
    sum.add('-0.05');
    expect(sum.toFixed()).toBe('-0.05');
  });

  it('is exact beyond the fast path: long fractions, large amounts, many additions', () => {
    expect(
      new ScaledSum()
        .add('123456789012345678901234.5')
        .add('0.5')
        .add('0.00000000000000000001')
        .toFixed(),
    ).toBe('123456789012345678901235.00000000000000000001');

    // Over two flushes of 999,999,999.9999999999999999 each, compared with decimal.js.
    const sum = new ScaledSum();
    let expected = new Money(0);
    for (let i = 0; i < 2_100_000; i++) {
      const amount =
        i % 3 === 0 ? '-1.0000000000000001' : '999999999.9999999999999999';
      sum.add(amount);
      if (i < 6) expected = expected.plus(amount);
    }
    const perCycle = expected.div(2); // two cycles of three amounts in the first six
    expect(sum.toFixed()).toBe(perCycle.times(700_000).toFixed());
  });

  it('refuses what is not a plain decimal', () => {
    expect(() => new ScaledSum().add('1e3')).toThrow(
      '"1e3" is not a plain decimal amount',
    );
    expect(() => new ScaledSum().add('')).toThrow(TypeError);
  });
});
