/**
 * A `finops-itam.io/cost-resources` pattern compiled once, so that matching a row costs a
 * Map hit (literal patterns) or a few string searches.
 *
 * Why not `new RegExp('^' + escaped.join('.*') + '$')`: V8's backtracking engine takes
 * seconds on a pattern such as `a*a*a*a*a*a*a*b*c` against a 60-character id, and any
 * catalog author can write one. For globs where `*` is the only special character, taking
 * each literal segment at its leftmost position is exact and never backtracks, and every
 * other character, regex metacharacters included, stays literal by construction.
 */
export interface GlobPattern {
  source: string;
  /** Characters other than `*`: the more of them, the fewer resources the pattern claims. */
  literalLength: number;
  /** Text before the first `*`, or the whole pattern when it has none. */
  prefix: string;
  /** Text after the last `*`; empty when the pattern ends with `*` or has none. */
  suffix: string;
  /** Non-empty literal runs between the first and the last `*`, in order. */
  middle: readonly string[];
  wildcards: number;
}

/** Compiles a glob where only `*` (any run of characters, possibly empty) is special. */
export function compileGlobPattern(source: string): GlobPattern {
  const segments = source.split('*');
  const wildcards = segments.length - 1;
  if (wildcards === 0) {
    return {
      source,
      literalLength: source.length,
      prefix: source,
      suffix: '',
      middle: [],
      wildcards,
    };
  }
  return {
    source,
    literalLength: source.length - wildcards,
    prefix: segments[0],
    suffix: segments[segments.length - 1],
    // `**` leaves empty segments, which constrain nothing.
    middle: segments.slice(1, -1).filter(segment => segment !== ''),
    wildcards,
  };
}

/**
 * Whether `pattern` matches the whole of `value`. Matching is case-sensitive: resource ids
 * such as ARNs are, and a pattern should mean exactly what it says.
 */
export function matchesGlob(pattern: GlobPattern, value: string): boolean {
  if (pattern.wildcards === 0) {
    return pattern.source === value;
  }
  if (
    value.length < pattern.literalLength ||
    !value.startsWith(pattern.prefix) ||
    !value.endsWith(pattern.suffix)
  ) {
    return false;
  }
  // The middle segments must appear in order between the prefix and the suffix; taking
  // each at its leftmost position leaves the most room for the rest, so it is exact.
  const end = value.length - pattern.suffix.length;
  let position = pattern.prefix.length;
  for (const segment of pattern.middle) {
    const found = value.indexOf(segment, position);
    if (found < 0 || found + segment.length > end) {
      return false;
    }
    position = found + segment.length;
  }
  return true;
}
