import { Money } from './Money';
import { SeededRandom } from '../__testUtils__/SeededRandom';
import { ExactSum, trimDecimal } from './ExactSum';

describe('ExactSum', () => {
  it('adds plain decimals of any scale exactly and prints them like Money#toFixed', () => {
    expect(ExactSum.of('0.1', '0.2').toString()).toBe('0.3');
    expect(ExactSum.of('10.10', '1.0000000000000001').toString()).toBe(
      '11.1000000000000001',
    );
    expect(ExactSum.of('-5', '2.5').toString()).toBe('-2.5');
    expect(ExactSum.of('-0.5', '0.5').toString()).toBe('0');
    expect(ExactSum.of(3, '0.000000000000000000000001').toString()).toBe(
      '3.000000000000000000000001',
    );
    expect(new ExactSum().toString()).toBe('0');
  });

  it('agrees with decimal.js on random amounts', () => {
    const random = new SeededRandom(3);
    for (let run = 0; run < 200; run++) {
      const amounts = Array.from(
        { length: random.int(1, 30) },
        () =>
          `${random.chance(0.3) ? '-' : ''}${random.int(
            0,
            99999,
          )}.${random.digits(random.int(1, 16))}`,
      );
      const expected = amounts
        .reduce((t, a) => t.plus(a), new Money(0))
        .toFixed();
      expect(ExactSum.of(...amounts).toString()).toBe(expected);
    }
  });

  it('compares across scales and refuses what is not a plain decimal', () => {
    expect(ExactSum.of('1.5').compare(ExactSum.of('1.50000'))).toBe(0);
    expect(ExactSum.of('-2').abs().compare(ExactSum.of('1.9999'))).toBe(1);
    expect(() => ExactSum.of('1e5')).toThrow(/not a plain decimal/);
    expect(() => ExactSum.of('')).toThrow(/not a plain decimal/);
    expect(() => ExactSum.of(0.1)).toThrow(/binary float/);
  });

  it('trims database decimals without a decimal library', () => {
    expect(trimDecimal('12.5000000000000000')).toBe('12.5');
    expect(trimDecimal('12.0000')).toBe('12');
    expect(trimDecimal('-0.000')).toBe('0');
    expect(trimDecimal('100')).toBe('100');
    expect(trimDecimal(null)).toBe('0');
    expect(trimDecimal(7)).toBe('7');
  });

  it('adds many decimals exactly and prints them plainly', () => {
    const sum = new ExactSum();
    expect(sum.toString()).toBe('0');
    sum.add('0.1').add('0.2').add('10').add('0.0000000000000001');
    expect(sum.toString()).toBe('10.3000000000000001');
    sum.add('-10.3000000000000001');
    expect(sum.toString()).toBe('0');
    sum.add('-0.05');
    expect(sum.toString()).toBe('-0.05');
  });

  it('is exact beyond the usual shape: long fractions, large amounts, many additions', () => {
    expect(
      new ExactSum()
        .add('123456789012345678901234.5')
        .add('0.5')
        .add('0.00000000000000000001')
        .toString(),
    ).toBe('123456789012345678901235.00000000000000000001');

    // Over two flushes of 999,999,999.9999999999999999 each, compared with decimal.js.
    const sum = new ExactSum();
    let expected = new Money(0);
    for (let i = 0; i < 2_100_000; i++) {
      const amount =
        i % 3 === 0 ? '-1.0000000000000001' : '999999999.9999999999999999';
      sum.add(amount);
      if (i < 6) expected = expected.plus(amount);
    }
    const perCycle = expected.div(2); // two cycles of three amounts in the first six
    expect(sum.toString()).toBe(perCycle.times(700_000).toFixed());
  });

  it('adds sums, compares and takes absolute values whatever shape their amounts had', () => {
    const usual = ExactSum.of('0.25', '-1.5');
    const long = ExactSum.of('1234567890.000000000000000001');
    expect(usual.compare(ExactSum.of('-1.25'))).toBe(0);
    expect(long.compare(usual)).toBe(1);
    expect(usual.abs().toString()).toBe('1.25');
    expect(ExactSum.of('0.5', '-0.5').isZero()).toBe(true);
    expect(usual.addSum(long).toString()).toBe('1234567888.750000000000000001');
    expect(ExactSum.of('-3').addSum(ExactSum.of('1', '2')).isZero()).toBe(true);
  });

  it('refuses decimals written in other notations', () => {
    expect(() => new ExactSum().add('1e3')).toThrow(
      '"1e3" is not a plain decimal amount',
    );
    expect(() => new ExactSum().add('.5')).toThrow(TypeError);
    expect(() => new ExactSum().add('12,5')).toThrow(TypeError);
  });
});
