import { Money } from '../ingestion/money';
import { SeededRandom } from '../__testUtils__/SeededRandom';
import { ExactSum, trimDecimal } from './exactSum';

describe('ExactSum', () => {
  it('adds plain decimals of any scale exactly and prints them like Money#toFixed', () => {
    expect(ExactSum.of('0.1', '0.2').toString()).toBe('0.3');
    expect(ExactSum.of('10.10', '1.0000000000000001').toString()).toBe('11.1000000000000001');
    expect(ExactSum.of('-5', '2.5').toString()).toBe('-2.5');
    expect(ExactSum.of('-0.5', '0.5').toString()).toBe('0');
    expect(ExactSum.of(3, '0.000000000000000000000001').toString()).toBe('3.000000000000000000000001');
    expect(new ExactSum().toString()).toBe('0');
  });

  it('agrees with decimal.js on random amounts', () => {
    const random = new SeededRandom(3);
    for (let run = 0; run < 200; run++) {
      const amounts = Array.from({ length: random.int(1, 30) }, () =>
        `${random.chance(0.3) ? '-' : ''}${random.int(0, 99999)}.${random.digits(random.int(1, 16))}`,
      );
      const expected = amounts.reduce((t, a) => t.plus(a), new Money(0)).toFixed();
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
});
