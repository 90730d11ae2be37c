import { formatUnits } from '../money';
import { roundAmount } from './roundAmount';

describe('roundAmount', () => {
  it('rounds to the scale and prints like the money module', () => {
    expect(roundAmount(12.345, 2)).toBe('12.35');
    expect(roundAmount(12.3, 2)).toBe('12.3');
    expect(roundAmount(100, 2)).toBe('100');
    expect(roundAmount(0.004, 2)).toBe('0');
    expect(roundAmount(-0.004, 2)).toBe('0');
    expect(roundAmount(-1.5, 2)).toBe('-1.5');
    expect(roundAmount(0.05, 2)).toBe('0.05');
    expect(roundAmount(1234.6, 0)).toBe('1235');
    expect(roundAmount(1e20, 2)).toBe(formatUnits(BigInt(1e22), 2));
  });

  it('refuses what is not a number', () => {
    expect(() => roundAmount(NaN, 2)).toThrow('cannot round NaN');
  });
});
