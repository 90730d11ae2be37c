import { quantile } from './quantile';

describe('quantile', () => {
  it('interpolates between order statistics like R and NumPy (type 7)', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(sorted, 0.1)).toBeCloseTo(1.9, 12);
    expect(quantile(sorted, 0.9)).toBeCloseTo(9.1, 12);
    expect(quantile(sorted, 0.5)).toBe(5.5);
    expect(quantile([4], 0.9)).toBe(4);
  });

  it('has no quantile of nothing', () => {
    expect(() => quantile([], 0.5)).toThrow('quantile of no values');
  });
});
