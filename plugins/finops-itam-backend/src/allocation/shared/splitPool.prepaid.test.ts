import { Money, SplitPart, sumAmounts } from '../../money';
import { SeededRandom } from '../../__testUtils__/SeededRandom';
import { SplitPoolInput, splitPool } from './splitPool';

const A = 'component:default/a';
const B = 'component:default/b';
const C = 'component:default/c';
const PLATFORM = 'group:default/platform';

function asMap(parts: SplitPart[]): Record<string, string> {
  return Object.fromEntries(parts.map(p => [p.target, p.amount]));
}

function total(parts: SplitPart[]): string {
  return sumAmounts(parts.map(p => p.amount));
}

const prepaid = (input: Partial<SplitPoolInput>) =>
  splitPool({
    amount: '100',
    method: 'prepaid',
    targets: [A, B],
    committedQuantity: '100',
    unusedTarget: PLATFORM,
    ...input,
  });

describe('splitPool prepaid', () => {
  it('charges usage to the targets and the unused rest to the unused target', () => {
    const result = prepaid({
      amount: '1000',
      metricByTarget: { [A]: '30', [B]: '20' },
    });
    expect(result.parts).toEqual([
      { target: A, amount: '300' },
      { target: B, amount: '200' },
      { target: PLATFORM, amount: '500' },
    ]);
    expect(result.fallback).toBeUndefined();
    expect(result.prepaid).toEqual({
      unused: { target: PLATFORM, amount: '500' },
      utilization: '0.5',
    });
  });

  it('sums exactly when thirds leave remainders, the extra unit by the rounding rule', () => {
    // 2 of 3 used: 66.6666666666666667 used (larger remainder), split 1:1, tie to A.
    const result = prepaid({
      committedQuantity: '3',
      metricByTarget: { [A]: '1', [B]: '1' },
    });
    expect(result.parts).toEqual([
      { target: A, amount: '33.3333333333333334' },
      { target: B, amount: '33.3333333333333333' },
      { target: PLATFORM, amount: '33.3333333333333333' },
    ]);
    expect(total(result.parts)).toBe('100');
  });

  it('splits credits as the mirror image of the cost', () => {
    const input = {
      committedQuantity: '3',
      metricByTarget: { [A]: '1', [B]: '1' },
    };
    const cost = prepaid(input);
    const credit = prepaid({ ...input, amount: '-100' });
    expect(credit.parts).toEqual(
      cost.parts.map(p => ({ target: p.target, amount: `-${p.amount}` })),
    );
    expect(total(credit.parts)).toBe('-100');
  });

  it('splits the whole amount by usage when usage exceeds the commitment', () => {
    const result = prepaid({
      amount: '1000',
      metricByTarget: { [A]: '80', [B]: '40' },
    });
    expect(asMap(result.parts)).toEqual({
      [A]: '666.6666666666666667',
      [B]: '333.3333333333333333',
      [PLATFORM]: '0',
    });
    expect(result.prepaid?.utilization).toBe('1');
  });

  it('gives everything to the unused target when nobody used anything, without a fallback', () => {
    const nobody: Array<Record<string, string> | undefined> = [
      undefined,
      {},
      { [A]: '0', [B]: '0' },
    ];
    for (const metricByTarget of nobody) {
      const result = prepaid({ amount: '12.5', metricByTarget });
      expect(result.parts).toEqual([
        { target: A, amount: '0' },
        { target: B, amount: '0' },
        { target: PLATFORM, amount: '12.5' },
      ]);
      expect(result.fallback).toBeUndefined();
      expect(result.prepaid?.utilization).toBe('0');
    }
  });

  it('adds the unused part to the unused target when it is also a target, listing it once', () => {
    const result = prepaid({
      committedQuantity: '3',
      metricByTarget: { [A]: '1', [B]: '1' },
      unusedTarget: B,
    });
    expect(result.parts).toEqual([
      { target: A, amount: '33.3333333333333334' },
      // 33.3333333333333333 used plus 33.3333333333333333 unused.
      { target: B, amount: '66.6666666666666666' },
    ]);
    expect(total(result.parts)).toBe('100');
    // The waste stays visible apart from B's usage.
    expect(result.prepaid?.unused).toEqual({
      target: B,
      amount: '33.3333333333333333',
    });
  });

  it('gives a target that is the unused target everything when nobody used anything', () => {
    const result = prepaid({ amount: '-7', unusedTarget: A });
    expect(result.parts).toEqual([
      { target: A, amount: '-7' },
      { target: B, amount: '0' },
    ]);
  });

  it('counts a negative usage as zero and says so', () => {
    const result = prepaid({
      targets: [A, B, C],
      metricByTarget: { [A]: '-5', [B]: '25' },
    });
    expect(asMap(result.parts)).toEqual({
      [A]: '0',
      [B]: '25',
      [C]: '0',
      [PLATFORM]: '75',
    });
    expect(result.fallback).toBe(`usage is negative for ${A}; counted as zero`);
  });

  it('refuses a prepaid split without a positive committed quantity or an unused target', () => {
    expect(() => prepaid({ committedQuantity: undefined })).toThrow(
      new TypeError('method prepaid needs committedQuantity and unusedTarget'),
    );
    expect(() => prepaid({ unusedTarget: undefined })).toThrow(
      new TypeError('method prepaid needs committedQuantity and unusedTarget'),
    );
    expect(() => prepaid({ committedQuantity: '0' })).toThrow(
      new RangeError('committedQuantity must be above zero, got 0'),
    );
  });

  it('splits every day of a month exactly by the month usage ratios', () => {
    // 12 of 13 used; 7:5 between A and B; C used nothing.
    const month = { [A]: '7', [B]: '5', [C]: '0' };
    const days = Array.from(
      { length: 31 },
      (_, i) => `${i + 1}.${String(i * 37).padStart(16, '0')}`,
    );
    const byTarget: Record<string, string[]> = {};
    for (const amount of days) {
      const result = prepaid({
        amount,
        targets: [A, B, C],
        committedQuantity: '13',
        metricByTarget: month,
      });
      expect(total(result.parts)).toBe(new Money(amount).toFixed());
      for (const part of result.parts) {
        (byTarget[part.target] ??= []).push(part.amount);
      }
    }
    const monthTotal = new Money(sumAmounts(days));
    // Two rounding steps a day: each month total is within 2 × 31 units of its share.
    const tolerance = new Money('0.0000000000000062');
    const expectShare = (target: string, numerator: number) =>
      expect(
        monthTotal
          .times(numerator)
          .div(13)
          .minus(sumAmounts(byTarget[target]))
          .abs()
          .lte(tolerance),
      ).toBe(true);
    expectShare(A, 7);
    expectShare(B, 5);
    expectShare(PLATFORM, 1);
    expect(sumAmounts(byTarget[C])).toBe('0');
  });

  it('conserves random pools exactly, each target once (seeded)', () => {
    const random = new SeededRandom(11);
    for (let run = 0; run < 2000; run++) {
      const targets = Array.from(
        { length: random.int(1, 8) },
        (_, i) => `component:default/t${i}`,
      );
      const metricByTarget = Object.fromEntries(
        targets
          .filter(() => random.chance(0.8))
          .map(t => [t, random.magnitude(6)]),
      );
      const unusedTarget = random.chance(0.3) ? random.pick(targets) : PLATFORM;
      const amount = random.amount();
      const result = splitPool({
        amount,
        method: 'prepaid',
        targets: random.shuffle(targets),
        metricByTarget,
        committedQuantity: String(random.int(1, 100000)),
        unusedTarget,
      });
      expect(new Money(total(result.parts)).eq(amount)).toBe(true);
      const listed = result.parts.map(p => p.target);
      expect(new Set(listed).size).toBe(listed.length);
      expect(listed.sort()).toEqual(
        [...new Set([...targets, unusedTarget])].sort(),
      );
      expect(result.prepaid?.unused?.target).toBe(unusedTarget);
    }
  });

  describe('in a month that is still open', () => {
    // Day 10 of 30: the month-to-date share of a 1,000 commitment is 333.3333333333333333.
    const monthToDate = { elapsedDays: 10, daysInMonth: 30 };
    const soFar = (input: Partial<SplitPoolInput>) =>
      prepaid({
        amount: '333.3333333333333333',
        committedQuantity: '1000',
        monthToDate,
        ...input,
      });

    it('splits the month-to-date share by usage so far, with no unused part', () => {
      const result = soFar({ metricByTarget: { [A]: '200', [B]: '130' } });
      expect(result.parts).toEqual([
        { target: A, amount: '202.0202020202020202' },
        { target: B, amount: '131.3131313131313131' },
      ]);
      expect(total(result.parts)).toBe('333.3333333333333333');
      // 330 used of the 333.33 due so far.
      expect(result.prepaid).toEqual({
        utilization: '0.99',
        monthToDate,
        waiting: '0',
      });
    });

    it('does not give the unused target anything, even when usage is far behind', () => {
      const result = soFar({ metricByTarget: { [A]: '2', [B]: '1' } });
      expect(asMap(result.parts)).toEqual({
        [A]: '222.2222222222222222',
        [B]: '111.1111111111111111',
      });
      expect(result.prepaid?.unused).toBeUndefined();
      expect(result.prepaid?.utilization).toBe('0.009');
    });

    it('needs no unused target, and caps utilization at the commitment so far', () => {
      const result = soFar({
        unusedTarget: undefined,
        metricByTarget: { [A]: '500' },
      });
      expect(asMap(result.parts)).toEqual({
        [A]: '333.3333333333333333',
        [B]: '0',
      });
      expect(result.prepaid?.utilization).toBe('1');
    });

    it('lets the amount wait when nobody has used anything yet', () => {
      const result = soFar({ metricByTarget: {} });
      expect(asMap(result.parts)).toEqual({ [A]: '0', [B]: '0' });
      expect(result.prepaid?.waiting).toBe('333.3333333333333333');
    });

    it('refuses a month-to-date without complete days or past the month', () => {
      for (const bad of [
        { elapsedDays: 0, daysInMonth: 30 },
        { elapsedDays: 30, daysInMonth: 30 },
        { elapsedDays: 2.5, daysInMonth: 30 },
      ]) {
        expect(() =>
          soFar({ metricByTarget: { [A]: '1' }, monthToDate: bad }),
        ).toThrow(
          `monthToDate must have 1 to daysInMonth - 1 elapsed days, got ${bad.elapsedDays} of 30`,
        );
      }
    });
  });
});
