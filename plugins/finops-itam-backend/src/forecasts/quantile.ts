/**
 * Empirical quantile with linear interpolation between order statistics (Hyndman & Fan's
 * type 7, the default of R and NumPy). `sorted` must be in ascending order and not empty.
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) {
    throw new RangeError('quantile of no values');
  }
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}
