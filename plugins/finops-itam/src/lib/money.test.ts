import {
  changeBetween,
  changeDirection,
  compareDecimals,
  formatAmount,
  formatPercentChange,
  formatSignedAmount,
  formatUnitCost,
  isZeroAmount,
  sumAmounts,
} from './money';

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

describe('money arithmetic', () => {
  it('sums amounts exactly', () => {
    expect(sumAmounts(['0.1', '0.2'])).toBe('0.3');
    expect(sumAmounts([])).toBe('0');
  });

  it('computes the change against a previous amount', () => {
    expect(changeBetween('110', '100')).toEqual({
      change: '10',
      percent: '10.0',
    });
    expect(changeBetween('0.3', '0.1')).toEqual({
      change: '0.2',
      percent: '200.0',
    });
    expect(changeBetween('50', '0')).toEqual({ change: '50', percent: null });
  });

  it('keeps the significant digits of small unit costs', () => {
    expect(formatUnitCost('0.0042134', 'USD')).toBe(
      new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency: 'USD',
        maximumSignificantDigits: 4,
      }).format(0.004213),
    );
    expect(formatUnitCost('12.5', 'USD')).toBe(formatAmount('12.5', 'USD'));
  });
});

describe('money changes', () => {
  const format = (amount: string, options: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(undefined, options).format(amount as `${number}`);

  it('shows the sign of a change', () => {
    expect(formatSignedAmount('120', 'USD')).toBe(
      format('120', {
        style: 'currency',
        currency: 'USD',
        signDisplay: 'always',
      }),
    );
    expect(formatSignedAmount('-5.1', 'USD')).toBe(
      format('-5.1', { style: 'currency', currency: 'USD' }),
    );
    expect(formatSignedAmount('0', 'USD')).toBe(
      format('0', { style: 'currency', currency: 'USD' }),
    );
  });

  it('shows percentages the API sends as ×100 numbers', () => {
    expect(formatPercentChange(10.55)).toMatch(/^\+10\.(5|6)\s?%$/);
    expect(formatPercentChange(-3)).toMatch(/^-3\s?%$/);
  });

  it('tells up from down exactly, even for tiny amounts', () => {
    expect(changeDirection('0.0000000000000000001')).toBe('up');
    expect(changeDirection('-0.01')).toBe('down');
    expect(changeDirection('0.00')).toBe('none');
  });
});
