import { compareDecimals, formatAmount, isZeroAmount } from './money';

describe('money', () => {
  it('compares decimal strings exactly', () => {
    expect(compareDecimals('10', '9.99')).toBeGreaterThan(0);
    expect(compareDecimals('0.1', '0.10')).toBe(0);
    expect(compareDecimals('-5', '1')).toBeLessThan(0);
    expect(compareDecimals('-5', '-4.5')).toBeLessThan(0);
    expect(compareDecimals('-0', '0')).toBe(0);
    expect(
      compareDecimals('12345678901234567.01', '12345678901234567.02'),
    ).toBeLessThan(0);
  });

  it('tells zero amounts', () => {
    expect(isZeroAmount('0')).toBe(true);
    expect(isZeroAmount('0.000')).toBe(true);
    expect(isZeroAmount('0.001')).toBe(false);
  });

  it('formats an amount without losing digits to floats', () => {
    const expected = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: 'USD',
    }).format('12345678901234567.01' as `${number}`);
    expect(formatAmount('12345678901234567.01', 'USD')).toBe(expected);
    expect(expected).toContain('567.01');
  });

  it('rejects something that is not an amount', () => {
    expect(() => compareDecimals('abc', '1')).toThrow(/Invalid argument: abc/);
  });
});
