/**
 * Glob matching (only `*` special) by dynamic programming over (pattern position, value
 * position): slow, but plainly right, to check the fast matcher against.
 */
export function referenceGlobMatches(pattern: string, value: string): boolean {
  // can[i][j]: pattern[i..] matches value[j..]
  const can: boolean[][] = [];
  for (let i = pattern.length; i >= 0; i--) {
    can[i] = [];
    for (let j = value.length; j >= 0; j--) {
      if (i === pattern.length) {
        can[i][j] = j === value.length;
      } else if (pattern[i] === '*') {
        can[i][j] = can[i + 1][j] || (j < value.length && can[i][j + 1]);
      } else {
        can[i][j] =
          j < value.length && pattern[i] === value[j] && can[i + 1][j + 1];
      }
    }
  }
  return can[0][0];
}
