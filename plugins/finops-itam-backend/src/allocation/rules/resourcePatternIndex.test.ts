import { SeededRandom } from '../../__testUtils__/SeededRandom';
import { referenceGlobMatches } from './__testUtils__/referenceGlob';
import { Candidates } from './candidates';
import { ResourcePatternIndex } from './resourcePatternIndex';

function matchedRefs(index: ResourcePatternIndex, value: string): string[] {
  const candidates: Candidates = new Map();
  index.collect(value, candidates);
  return [...candidates.keys()].sort();
}

describe('ResourcePatternIndex', () => {
  it('finds literal, prefix, suffix, infix and short infix patterns', () => {
    const index = new ResourcePatternIndex([
      { entityRef: 'literal', pattern: 'eu-db-1' },
      { entityRef: 'prefix', pattern: 'eu-*' },
      { entityRef: 'suffix', pattern: '*-1' },
      { entityRef: 'infix', pattern: '*-db-*' },
      { entityRef: 'short-infix', pattern: '*d*' },
      { entityRef: 'other', pattern: 'us-*' },
    ]);
    expect(matchedRefs(index, 'eu-db-1')).toEqual([
      'infix',
      'literal',
      'prefix',
      'short-infix',
      'suffix',
    ]);
    expect(matchedRefs(index, 'eu')).toEqual([]);
  });

  it('keeps the strongest pattern of an entity', () => {
    const index = new ResourcePatternIndex([
      { entityRef: 'a', pattern: 'eu-*' },
      { entityRef: 'a', pattern: 'eu-db-*' },
    ]);
    const candidates: Candidates = new Map();
    index.collect('eu-db-1', candidates);
    expect(candidates.get('a')).toEqual({ specificity: 6, tieBreak: [6, -1] });
  });

  it('files patterns sharing a common prefix under their rarer suffix', () => {
    // 5,000 naming standards that all start with `prod-`: testing each on every value
    // that starts with `prod-` would take seconds here instead of milliseconds.
    const index = new ResourcePatternIndex(
      Array.from({ length: 5_000 }, (_, i) => ({
        entityRef: `component:default/svc-${i}`,
        pattern: `prod-*-svc-${i}`,
      })),
    );
    // Speed is covered by `yarn bench:rules`; this checks the index still finds every match.
    let matched = 0;
    for (let n = 0; n < 20_000; n++) {
      matched += matchedRefs(index, `prod-eu-svc-${n}`).length;
    }
    expect(matched).toBe(5_000);
  });

  it('finds exactly the patterns a linear scan finds', () => {
    const random = new SeededRandom(11);
    const alphabet = ['a', 'b', 'c', 'd', '-'];
    const disagreements: object[] = [];
    for (let round = 0; round < 50; round++) {
      const rules = Array.from({ length: 200 }, (_, i) => {
        let pattern = random.string(alphabet, 1, 7);
        for (let stars = random.int(1, 3); stars > 0; stars--) {
          const at = random.int(0, pattern.length);
          pattern = `${pattern.slice(0, at)}*${pattern.slice(at)}`;
        }
        return { entityRef: `e${i}`, pattern };
      });
      const index = new ResourcePatternIndex(rules);
      for (let n = 0; n < 100; n++) {
        const value = random.string(alphabet, 0, 12);
        const expected = rules
          .filter(rule => referenceGlobMatches(rule.pattern, value))
          .map(rule => rule.entityRef)
          .sort();
        const actual = matchedRefs(index, value);
        if (actual.join() !== expected.join()) {
          disagreements.push({ value, actual, expected });
        }
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
  });
});
