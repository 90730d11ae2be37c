import type { MovedCost } from '../database/AllocationKeyStore';
import {
  ancestorsByMember,
  directCostDeltas,
  membersWithNewAncestors,
} from './rollupDeltas';

const cost = (
  fromRef: string | null,
  toRef: string | null,
  amortized: string,
  billed = amortized,
): MovedCost => ({
  fromRef,
  toRef,
  day: '2026-11-01',
  currency: 'USD',
  amortized,
  billed,
  facts: 1,
});

const closure = (pairs: Array<[string, string]>) =>
  ancestorsByMember(
    pairs.map(([ancestorRef, memberRef]) => ({ ancestorRef, memberRef })),
  );

/** Amortized deltas as `ref → amount`. */
const amortized = (deltas: ReturnType<typeof directCostDeltas>) =>
  Object.fromEntries(
    deltas
      .filter(d => d.basis === 'amortized')
      .map(d => [d.entityRef, d.amount]),
  );

const stable = closure([
  ['component:default/a', 'component:default/a'],
  ['component:default/b', 'component:default/b'],
  ['system:default/shop', 'component:default/a'],
  ['system:default/shop', 'component:default/b'],
  ['system:default/shop', 'system:default/shop'],
]);

describe('directCostDeltas', () => {
  it('moves cost between owners and leaves common ancestors unchanged', () => {
    const deltas = directCostDeltas({
      moved: [
        cost('component:default/a', 'component:default/b', '1.10', '1.2'),
      ],
      kept: [],
      before: stable,
      after: stable,
    });
    // The system had the cost before and has it after: no row for it.
    expect(amortized(deltas)).toEqual({
      'component:default/a': '-1.1',
      'component:default/b': '1.1',
    });
    expect(
      deltas.find(
        d => d.basis === 'billed' && d.entityRef === 'component:default/b',
      )?.amount,
    ).toBe('1.2');
  });

  it('takes newly allocated and newly unallocated cost into and out of the rollup', () => {
    expect(
      amortized(
        directCostDeltas({
          moved: [
            cost(null, 'component:default/a', '5'),
            cost('component:default/b', null, '0.25'),
          ],
          kept: [],
          before: stable,
          after: stable,
        }),
      ),
    ).toEqual({
      'component:default/a': '5',
      'component:default/b': '-0.25',
      'system:default/shop': '4.75',
    });
  });

  it('moves what an entity kept from the ancestors it lost to the ones it gained', () => {
    const after = closure([
      ['component:default/a', 'component:default/a'],
      ['component:default/b', 'component:default/b'],
      ['system:default/shop', 'component:default/a'],
      ['system:default/shop', 'system:default/shop'],
      ['system:default/core', 'component:default/b'],
      ['system:default/core', 'system:default/core'],
    ]);
    expect([...membersWithNewAncestors(stable, after)].sort()).toEqual([
      'component:default/b',
      'system:default/core',
    ]);
    // b owns 10 now, of which 3 moved to it in this run (placed by the first rule already).
    const deltas = directCostDeltas({
      moved: [cost('component:default/a', 'component:default/b', '3')],
      kept: [cost(null, 'component:default/b', '10')],
      before: stable,
      after,
    });
    expect(amortized(deltas)).toEqual({
      'component:default/a': '-3',
      'component:default/b': '3',
      // shop loses the 7 b kept plus the 3 that left a; core gains all 10 of b.
      'system:default/shop': '-10',
      'system:default/core': '10',
    });
  });
});
