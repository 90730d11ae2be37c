/**
 * Seeded pseudo-random numbers. Generated exports must be byte-identical for the same seed, so
 * nothing here reads Math.random or the clock.
 */

/** A stream of pseudo-random numbers. @public */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Lower-case hex characters, for ids that look like provider ids. */
  hex(length: number): string;
  /** Upper-case letters and digits, like CloudFront distribution ids. */
  alnum(length: number): string;
  /**
   * An independent stream named by `label`. Each resource draws from its own fork, so adding a
   * resource to the catalog does not change the numbers of every other resource.
   */
  fork(label: string): Rng;
}

/** cyrb128: spreads a string over four 32-bit words, enough state for sfc32. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A stable 32-bit number for a string, for ids that must not depend on draw order. */
export function hashString(text: string): number {
  return hash128(text)[0];
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Creates a stream from a seed; the same seed always gives the same numbers. @public */
export function createRng(seed: string): Rng {
  let [a, b, c, d] = hash128(seed);
  // sfc32: small, fast and passes PractRand; plenty for synthetic cost data.
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of sfc32 correlate with the seed words; discard them.
  for (let i = 0; i < 12; i++) next();

  const rng: Rng = {
    next,
    between: (min, max) => min + (max - min) * next(),
    hex: length => {
      let out = '';
      for (let i = 0; i < length; i++)
        out += Math.floor(next() * 16).toString(16);
      return out;
    },
    alnum: length => {
      let out = '';
      for (let i = 0; i < length; i++)
        out += ALNUM[Math.floor(next() * ALNUM.length)];
      return out;
    },
    fork: label => createRng(`${seed}/${label}`),
  };
  return rng;
}
