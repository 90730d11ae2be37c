import { normalEquivalent } from './normalEquivalent';

describe('normalEquivalent', () => {
  it('maps Student t quantiles to the normal quantiles of the same tail, within 0.02', () => {
    // [t, degrees of freedom, normal quantile of the same two-sided tail] from t tables.
    const quantiles: Array<[number, number, number]> = [
      [2.228, 10, 1.96], // 5 %
      [4.032, 5, 2.576], // 1 %
      [2.845, 20, 2.576], // 1 %
      [3.646, 30, 3.291], // 0.1 %
    ];
    for (const [t, degrees, z] of quantiles) {
      expect(Math.abs(normalEquivalent(t, degrees) - z)).toBeLessThan(0.02);
      expect(Math.abs(normalEquivalent(-t, degrees) + z)).toBeLessThan(0.02);
    }
    // With many degrees of freedom t is normal already.
    expect(normalEquivalent(3, 10000)).toBeCloseTo(3, 2);
  });
});
