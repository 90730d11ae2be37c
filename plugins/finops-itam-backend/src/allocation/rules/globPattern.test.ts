import { SeededRandom } from '../../__testUtils__/SeededRandom';
import { referenceGlobMatches } from './__testUtils__/referenceGlob';
import { compileGlobPattern, matchesGlob } from './globPattern';

describe('compileGlobPattern', () => {
  it('measures what ranks patterns', () => {
    expect(compileGlobPattern('checkout-*-db*')).toEqual({
      source: 'checkout-*-db*',
      literalLength: 12,
      prefix: 'checkout-',
      suffix: '',
      middle: ['-db'],
      wildcards: 2,
    });
    expect(compileGlobPattern('*a**b*c')).toMatchObject({
      literalLength: 3,
      prefix: '',
      suffix: 'c',
      middle: ['a', 'b'],
    });
    expect(compileGlobPattern('exact')).toMatchObject({
      literalLength: 5,
      prefix: 'exact',
      wildcards: 0,
    });
  });
});

describe('matchesGlob', () => {
  const matches = (pattern: string, value: string) =>
    matchesGlob(compileGlobPattern(pattern), value);

  it('matches whole values, with "*" standing for any run of characters', () => {
    expect(matches('checkout-*', 'checkout-')).toBe(true);
    expect(matches('checkout-*', 'checkout-api')).toBe(true);
    expect(matches('checkout-*', 'my-checkout-api')).toBe(false);
    expect(matches('*-db-*', 'eu-db-1')).toBe(true);
    expect(matches('a*a', 'a')).toBe(false);
    expect(matches('a*a', 'aa')).toBe(true);
    expect(matches('ab*ba', 'aba')).toBe(false);
  });

  it('treats regular expression characters and line breaks as text', () => {
    expect(matches('a.b', 'axb')).toBe(false);
    expect(matches('a.b', 'a.b')).toBe(true);
    expect(matches('(x)+?[y]$^|\\', '(x)+?[y]$^|\\')).toBe(true);
    expect(matches('a*b', 'a\nb')).toBe(true);
  });

  it('agrees with a dynamic-programming matcher on random cases', () => {
    const random = new SeededRandom(7);
    const alphabet = ['a', 'b', 'c', '.', '-'];
    const disagreements: object[] = [];
    for (let n = 0; n < 20_000; n++) {
      let pattern = random.string(alphabet, 0, 6);
      for (let stars = random.int(0, 3); stars > 0; stars--) {
        const at = random.int(0, pattern.length);
        pattern = `${pattern.slice(0, at)}*${pattern.slice(at)}`;
      }
      const value = random.string(alphabet, 0, 9);
      const expected = referenceGlobMatches(pattern, value);
      if (matches(pattern, value) !== expected) {
        disagreements.push({ pattern, value, expected });
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
  });
});
