import { normalEquivalent } from './normalEquivalent';

describe('normalEquivalent', () => {
  it('maps Student t quantiles to the normal quantiles of the same tail', () => {
    // Two-sided 5 % and 1 % points of t with 10 and 5 degrees of freedom.
    expect(normalEquivalent(2.228, 10)).toBeCloseTo(1.96, 1);
    expect(normalEquivalent(-4.032, 5)).toBeCloseTo(-2.576, 1);
    // With many degrees of freedom t is normal already.
    expect(normalEquivalent(3, 10000)).toBeCloseTo(3, 2);
  });
});
