import { Money, SplitPart, sumAmounts } from '../../money';
import { SeededRandom } from '../../__testUtils__/SeededRandom';
import { SplitMethod, splitPool } from './splitPool';

const A = 'component:default/a';
const B = 'component:default/b';
const C = 'component:default/c';

function asMap(parts: SplitPart[]): Record<string, string> {
  return Object.fromEntries(parts.map(p => [p.target, p.amount]));
}

describe('splitPool', () => {
  it('splits evenly', () => {
    expect(
      splitPool({ amount: '90', method: 'even', targets: [A, B, C] }),
    ).toEqual({
      parts: [
        { target: A, amount: '30' },
        { target: B, amount: '30' },
        { target: C, amount: '30' },
      ],
    });
  });

  describe('proportional', () => {
    it('splits in proportion to direct cost; a target without direct cost gets nothing', () => {
      const result = splitPool({
        amount: '8',
        method: 'proportional',
        targets: [A, B, C],
        directCostByTarget: { [A]: '10', [B]: '30' },
      });
      expect(result).toEqual({
        parts: [
          { target: A, amount: '2' },
          { target: B, amount: '6' },
          { target: C, amount: '0' },
        ],
      });
    });

    it('uses the magnitudes when every direct cost is a credit', () => {
      expect(
        asMap(
          splitPool({
            amount: '-4',
            method: 'proportional',
            targets: [A, B],
            directCostByTarget: { [A]: '-1', [B]: '-3' },
          }).parts,
        ),
      ).toEqual({ [A]: '-1', [B]: '-3' });
    });

    it('falls back to even, and says so, when there is no direct cost', () => {
      expect(
        splitPool({
          amount: '1',
          method: 'proportional',
          targets: [A, B],
          directCostByTarget: { [A]: '0' },
        }),
      ).toEqual({
        parts: [
          { target: A, amount: '0.5' },
          { target: B, amount: '0.5' },
        ],
        fallback:
          'no target has direct cost to be proportional to; split evenly',
      });
    });

    it('falls back to even when direct costs have mixed signs', () => {
      const result = splitPool({
        amount: '10',
        method: 'proportional',
        targets: [A, B],
        directCostByTarget: { [A]: '5', [B]: '-1' },
      });
      expect(asMap(result.parts)).toEqual({ [A]: '5', [B]: '5' });
      expect(result.fallback).toBe(
        `direct costs have mixed signs (negative for ${B}); split evenly`,
      );
    });
  });

  describe('fixed', () => {
    it('splits by the configured percentages', () => {
      expect(
        splitPool({
          amount: '200',
          method: 'fixed',
          targets: [A, B, C],
          fixedWeights: { [A]: '50', [B]: '30', [C]: '20' },
        }),
      ).toEqual({
        parts: [
          { target: A, amount: '100' },
          { target: B, amount: '60' },
          { target: C, amount: '40' },
        ],
      });
    });

    it('refuses percentages that do not sum to exactly 100', () => {
      expect(() =>
        splitPool({
          amount: '1',
          method: 'fixed',
          targets: [A, B],
          fixedWeights: { [A]: '50', [B]: '49.5' },
        }),
      ).toThrow('fixed weights must sum to 100, got 99.5');
      expect(() =>
        splitPool({
          amount: '1',
          method: 'fixed',
          targets: [A, B, C],
          fixedWeights: { [A]: '33.33', [B]: '33.33', [C]: '33.33' },
        }),
      ).toThrow('fixed weights must sum to 100, got 99.99');
      expect(() =>
        splitPool({
          amount: '1',
          method: 'fixed',
          targets: [A, B],
          fixedWeights: { [A]: '110', [B]: '-10' },
        }),
      ).toThrow(`fixed weight of "${B}" is negative (-10)`);
    });

    it('shares the percentage of a weighted entity that is no longer a target', () => {
      const result = splitPool({
        amount: '90',
        method: 'fixed',
        targets: [A, B],
        fixedWeights: { [A]: '20', [B]: '40', [C]: '40' },
      });
      expect(asMap(result.parts)).toEqual({ [A]: '30', [B]: '60' });
      expect(result.fallback).toBe(
        `weighted ${C} not among the targets; their percentage is shared by the ` +
          'others in proportion to their weights',
      );
    });

    it('gives a target without a percentage nothing and says so', () => {
      const result = splitPool({
        amount: '10',
        method: 'fixed',
        targets: [A, B, C],
        fixedWeights: { [A]: '40', [B]: '60' },
      });
      expect(asMap(result.parts)).toEqual({ [A]: '4', [B]: '6', [C]: '0' });
      expect(result.fallback).toBe(`no fixed weight for ${C}, who get nothing`);
    });

    it('falls back to even when no target has a percentage', () => {
      const result = splitPool({
        amount: '10',
        method: 'fixed',
        targets: [A, B],
        fixedWeights: { [C]: '100' },
      });
      expect(asMap(result.parts)).toEqual({ [A]: '5', [B]: '5' });
      expect(result.fallback).toBe(
        'no target has a fixed weight above zero; split evenly',
      );
    });
  });

  describe('metric', () => {
    it('splits in proportion to the metric', () => {
      expect(
        asMap(
          splitPool({
            amount: '1',
            method: 'metric',
            targets: [A, B],
            metricByTarget: { [A]: '1', [B]: '3' },
          }).parts,
        ),
      ).toEqual({ [A]: '0.25', [B]: '0.75' });
    });

    it('falls back to even when no target has a metric value', () => {
      expect(
        splitPool({ amount: '1', method: 'metric', targets: [A, B] }).fallback,
      ).toBe('no target has a metric value above zero; split evenly');
    });

    it('falls back to even when a metric value is negative', () => {
      const result = splitPool({
        amount: '2',
        method: 'metric',
        targets: [A, B],
        metricByTarget: { [A]: '-1', [B]: '3' },
      });
      expect(asMap(result.parts)).toEqual({ [A]: '1', [B]: '1' });
      expect(result.fallback).toBe(`metric is negative for ${A}; split evenly`);
    });
  });

  it('refuses a pool without targets, which the caller leaves unallocated', () => {
    expect(() =>
      splitPool({ amount: '1', method: 'even', targets: [] }),
    ).toThrow('A shared-cost pool needs at least one target');
  });

  describe('on random pools (seeded)', () => {
    const random = new SeededRandom(4);
    // Prepaid splits in two steps and has its own seeded test in splitPool.prepaid.test.ts.
    type ByWeight = Exclude<SplitMethod, 'prepaid'>;
    const methods: ByWeight[] = ['even', 'proportional', 'fixed', 'metric'];

    function randomPercentages(targets: string[]): Record<string, string> {
      // Whole hundredths that add up to 100.00 exactly.
      let left = 10000;
      const weights: Record<string, string> = {};
      targets.forEach((target, i) => {
        const hundredths =
          i === targets.length - 1 ? left : random.int(0, left);
        left -= hundredths;
        weights[target] = new Money(hundredths).div(100).toFixed();
      });
      return weights;
    }

    it('conserves every amount and keeps each method within one unit of its proportion', () => {
      for (let run = 0; run < 2000; run++) {
        const targets = Array.from(
          { length: random.int(1, 10) },
          (_, i) => `component:default/t${i}`,
        );
        const method = random.pick(methods);
        const amount = random.amount();
        const values = () =>
          Object.fromEntries(targets.map(t => [t, random.magnitude()]));
        const input = {
          amount,
          method,
          targets: random.shuffle(targets),
          directCostByTarget: values(),
          metricByTarget: values(),
          fixedWeights: randomPercentages(targets),
        };
        const result = splitPool(input);
        expect(
          new Money(sumAmounts(result.parts.map(p => p.amount))).eq(amount),
        ).toBe(true);

        const weightsOf: Record<ByWeight, Record<string, string>> = {
          even: Object.fromEntries(targets.map(t => [t, '1'])),
          proportional: input.directCostByTarget,
          fixed: input.fixedWeights,
          metric: input.metricByTarget,
        };
        const sumOf = (w: Record<string, string>) =>
          targets.reduce((s, t) => s.plus(w[t]), new Money(0));
        // Random weights are never negative, so only an all-zero set falls back to even.
        const fallsBack = sumOf(weightsOf[method]).isZero();
        expect(result.fallback !== undefined).toBe(fallsBack);
        const weights = fallsBack ? weightsOf.even : weightsOf[method];
        const total = sumOf(weights);
        for (const part of result.parts) {
          const exact = new Money(amount)
            .times(weights[part.target])
            .div(total);
          expect(exact.minus(part.amount).abs().lte('0.0000000000000001')).toBe(
            true,
          );
        }
      }
    });
  });
});
