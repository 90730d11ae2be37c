import {
  changeDirection,
  formatPercentChange,
  formatSignedAmount,
  formatUnitCost,
} from './formatCost';

const format = (amount: string, options: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(undefined, options).format(amount as `${number}`);

describe('team cost formatting', () => {
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

  it('keeps fractions of a cent in unit costs', () => {
    expect(formatUnitCost('0.01234', 'USD')).toBe(
      format('0.0123', {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 4,
      }),
    );
    expect(formatUnitCost('0.01234', 'USD')).toContain('0.0123');
  });

  it('tells up from down exactly, even for tiny amounts', () => {
    expect(changeDirection('0.0000000000000000001')).toBe('up');
    expect(changeDirection('-0.01')).toBe('down');
    expect(changeDirection('0.00')).toBe('none');
  });
});
