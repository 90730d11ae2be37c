import { Money, sumAmounts } from './Money';
import { SeededRandom } from '../__testUtils__/SeededRandom';
import { parseDecimal, unitsAtScale } from './decimalUnits';
import {
  SPLIT_SCALE,
  SplitPart,
  SplitShare,
  ZeroWeightError,
  splitAmount,
  splitEvenly,
} from './splitAmount';

const RUNS = 3000;

function asMap(parts: SplitPart[]): Record<string, string> {
  return Object.fromEntries(parts.map(p => [p.target, p.amount]));
}

function randomShares(random: SeededRandom): SplitShare[] {
  const count = random.int(1, 12);
  const ids = random.shuffle(
    Array.from({ length: 40 }, (_, i) => `component:default/svc-${i}`),
  );
  const shares = ids.slice(0, count).map(target => ({
    target,
    weight: random.chance(0.2)
      ? random.pick(['0', '1', '2', '100'])
      : random.magnitude(),
  }));
  if (shares.every(s => new Money(s.weight).isZero())) {
    shares[random.int(0, count - 1)].weight = random.pick(['1', '0.5', '33.3']);
  }
  return shares;
}

function placesOf(value: string): number {
  return parseDecimal(value).places;
}

describe('splitAmount', () => {
  it('gives the leftover unit of an even split to the first target id', () => {
    expect(splitEvenly('1', ['b', 'c', 'a'])).toEqual([
      { target: 'b', amount: '0.3333333333333333' },
      { target: 'c', amount: '0.3333333333333333' },
      { target: 'a', amount: '0.3333333333333334' },
    ]);
  });

  it('mirrors a negative amount: the extra unit of magnitude goes to the same target', () => {
    expect(asMap(splitEvenly('-1', ['b', 'c', 'a']))).toEqual({
      a: '-0.3333333333333334',
      b: '-0.3333333333333333',
      c: '-0.3333333333333333',
    });
  });

  it('keeps an amount of one smallest unit whole, on the first target id', () => {
    expect(splitEvenly('0.0000000000000001', ['team-b', 'team-a'])).toEqual([
      { target: 'team-b', amount: '0' },
      { target: 'team-a', amount: '0.0000000000000001' },
    ]);
  });

  it('gives leftover units to the largest remainders before the id order', () => {
    // Exact shares in units: a 0.4, b 0.8, c 0.8; the two leftover units go to b and c.
    expect(
      splitAmount('0.0000000000000002', [
        { target: 'a', weight: '1' },
        { target: 'b', weight: '2' },
        { target: 'c', weight: '2' },
      ]),
    ).toEqual([
      { target: 'a', amount: '0' },
      { target: 'b', amount: '0.0000000000000001' },
      { target: 'c', amount: '0.0000000000000001' },
    ]);
  });

  it('rounds to a coarser scale when asked', () => {
    expect(splitEvenly('100', ['x', 'y', 'z'], 2)).toEqual([
      { target: 'x', amount: '33.34' },
      { target: 'y', amount: '33.33' },
      { target: 'z', amount: '33.33' },
    ]);
  });

  it('gives a zero-weight target exactly zero', () => {
    expect(
      asMap(
        splitAmount('10', [
          { target: 'a', weight: '0' },
          { target: 'b', weight: '3' },
          { target: 'c', weight: '7' },
        ]),
      ),
    ).toEqual({ a: '0', b: '3', c: '7' });
  });

  it('splits 38-digit amounts by 38-digit weights exactly', () => {
    const amount = '9999999999999999999999.9999999999999999';
    const parts = splitAmount(amount, [
      { target: 'a', weight: '1234567890123456789012.3456789012345678' },
      { target: 'b', weight: '8765432109876543210987.6543210987654321' },
      { target: 'c', weight: '0.0000000000000001' },
    ]);
    expect(sumAmounts(parts.map(p => p.amount))).toBe(amount);
  });

  it('refuses an amount with more decimals than the scale', () => {
    expect(() => splitEvenly('0.001', ['a', 'b'], 2)).toThrow(
      'amount 0.001 has 3 decimal places, more than the scale 2 of the parts, ' +
        'which therefore could not sum to it exactly',
    );
    expect(() => splitEvenly('0.00000000000000001', ['a'])).toThrow(
      'more than the scale 16',
    );
  });

  it('throws ZeroWeightError when every weight is zero', () => {
    const split = () =>
      splitAmount('5', [
        { target: 'a', weight: '0' },
        { target: 'b', weight: '0.000' },
      ]);
    expect(split).toThrow(ZeroWeightError);
    expect(split).toThrow(
      'Cannot split by weight: every weight is zero (split evenly instead)',
    );
  });

  it('refuses negative weights, repeated targets, bad numbers and no targets', () => {
    expect(() =>
      splitAmount('5', [
        { target: 'a', weight: '-1' },
        { target: 'b', weight: '2' },
      ]),
    ).toThrow('weight of "a" is negative (-1); weights must be zero or more');
    expect(() => splitEvenly('5', ['a', 'a'])).toThrow(
      'target "a" appears twice in one split; merge its weights',
    );
    expect(() => splitAmount('5', [{ target: 'a', weight: '1e3' }])).toThrow(
      'weight of "a" "1e3" is not a plain decimal number like -12.5',
    );
    expect(() => splitEvenly('5,00', ['a'])).toThrow(
      'amount "5,00" is not a plain decimal number',
    );
    expect(() => splitEvenly('5', [])).toThrow(
      'Cannot split an amount between no targets',
    );
    expect(() => splitEvenly('5', ['a'], 1.5)).toThrow(
      'scale must be a whole number of decimal places, got 1.5',
    );
  });

  describe('on random amounts and weights (seeded)', () => {
    const random = new SeededRandom(20261127);
    const cases = Array.from({ length: RUNS }, () => {
      const scale = random.chance(0.2) ? random.int(0, 12) : SPLIT_SCALE;
      return {
        scale,
        amount: random.amount(scale),
        shares: randomShares(random),
      };
    });

    it('sums every split exactly to its amount, with no part finer than the scale', () => {
      for (const { amount, shares, scale } of cases) {
        const parts = splitAmount(amount, shares, scale);
        expect(new Money(sumAmounts(parts.map(p => p.amount))).eq(amount)).toBe(
          true,
        );
        for (const part of parts) {
          expect(placesOf(part.amount)).toBeLessThanOrEqual(scale);
        }
        expect(parts.map(p => p.target)).toEqual(shares.map(s => s.target));
      }
    });

    it('gives every target the same part whatever the order of the shares', () => {
      for (const { amount, shares, scale } of cases) {
        expect(
          asMap(splitAmount(amount, random.shuffle(shares), scale)),
        ).toEqual(asMap(splitAmount(amount, shares, scale)));
      }
    });

    it('keeps each part within one unit of the last decimal of its exact share', () => {
      for (const { amount, shares, scale } of cases) {
        const unit = new Money(10).pow(-scale);
        const total = shares.reduce(
          (sum, s) => sum.plus(s.weight),
          new Money(0),
        );
        for (const [index, part] of splitAmount(
          amount,
          shares,
          scale,
        ).entries()) {
          const exact = new Money(amount)
            .times(shares[index].weight)
            .div(total);
          expect(exact.minus(part.amount).abs().lte(unit)).toBe(true);
        }
      }
    });

    it('gives the leftover units to the largest remainders, ties to the lower id', () => {
      for (const { amount, shares, scale } of cases) {
        const magnitude = unitsAtScale(
          parseDecimal(new Money(amount).abs().toFixed()),
          scale,
        );
        const places = Math.max(...shares.map(s => placesOf(s.weight)));
        const weights = shares.map(s =>
          unitsAtScale(parseDecimal(s.weight), places),
        );
        const total = weights.reduce((a, b) => a + b, 0n);
        const parts = splitAmount(amount, shares, scale).map((part, i) => {
          const got = unitsAtScale(
            parseDecimal(new Money(part.amount).abs().toFixed()),
            scale,
          );
          const floor = (magnitude * weights[i]) / total;
          return {
            target: part.target,
            extra: got - floor,
            remainder: (magnitude * weights[i]) % total,
          };
        });
        const winners = parts.filter(p => p.extra === 1n);
        const others = parts.filter(p => p.extra === 0n);
        expect(winners.length + others.length).toBe(parts.length);
        for (const winner of winners) {
          for (const other of others) {
            const beats =
              winner.remainder > other.remainder ||
              (winner.remainder === other.remainder &&
                winner.target < other.target);
            expect(beats).toBe(true);
          }
        }
      }
    });

    it('splits a credit as the exact mirror image of the charge', () => {
      for (const { amount, shares, scale } of cases) {
        const negated = new Money(amount).neg().toFixed();
        const mirrored = splitAmount(negated, shares, scale).map(p =>
          new Money(p.amount).neg().toFixed(),
        );
        expect(mirrored).toEqual(
          splitAmount(amount, shares, scale).map(p => p.amount),
        );
      }
    });
  });
});
