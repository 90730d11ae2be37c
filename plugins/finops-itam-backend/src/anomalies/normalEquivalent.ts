/**
 * The normal z-score with the same tail probability as a Student t statistic with `degrees`
 * degrees of freedom, by the closed form z = (8ν + 1) / (8ν + 3) · √(ν · ln(1 + t² / ν)),
 * an approximation of the kind D. L. Wallace studied ("Bounds on normal approximations to
 * Student's and the chi-square distributions", Ann. Math. Statist. 30, 1959). Its test
 * checks it against t-table quantiles: within 0.02 for ν ≥ 5.
 *
 * Why: a score divides by a spread estimated from a few dozen past errors, so it follows a t
 * rather than a normal distribution, and "|z| ≥ 3" would let through several times the 0.3 %
 * of ordinary days it means while the history is short. Converted, a score means the same
 * thing from the first judged day on; with a long history it barely changes.
 */
export function normalEquivalent(t: number, degrees: number): number {
  if (!Number.isFinite(t) || !(degrees > 0)) return t;
  const nu = degrees;
  const z =
    ((8 * nu + 1) / (8 * nu + 3)) * Math.sqrt(nu * Math.log1p((t * t) / nu));
  return Math.sign(t) * z;
}
