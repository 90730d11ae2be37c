import { Money, sumAmounts } from '../../money';
import { SeededRandom } from '../../__testUtils__/SeededRandom';
import { prepaidDrawdown } from './prepaidDrawdown';

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const PLATFORM = 'group:default/platform';

describe('prepaidDrawdown', () => {
  it('charges usage to the teams and the unused rest to the unused target', () => {
    expect(
      prepaidDrawdown({
        amount: '1000',
        committedQuantity: '100',
        usage: [
          { target: TEAM_A, quantity: '30' },
          { target: TEAM_B, quantity: '20' },
        ],
        unusedTarget: PLATFORM,
      }),
    ).toEqual({
      parts: [
        { target: TEAM_A, amount: '300' },
        { target: TEAM_B, amount: '200' },
      ],
      unused: { target: PLATFORM, amount: '500' },
      utilization: '0.5',
    });
  });

  it('splits the whole commitment by usage when usage exceeds it', () => {
    const result = prepaidDrawdown({
      amount: '1000',
      committedQuantity: '100',
      usage: [
        { target: TEAM_A, quantity: '80' },
        { target: TEAM_B, quantity: '40' },
      ],
      unusedTarget: PLATFORM,
    });
    expect(result).toEqual({
      parts: [
        { target: TEAM_A, amount: '666.6666666666666667' },
        { target: TEAM_B, amount: '333.3333333333333333' },
      ],
      unused: { target: PLATFORM, amount: '0' },
      utilization: '1',
    });
  });

  it('leaves the whole commitment unused when nobody used it', () => {
    expect(
      prepaidDrawdown({
        amount: '12.5',
        committedQuantity: '10',
        usage: [{ target: TEAM_A, quantity: '0' }],
        unusedTarget: PLATFORM,
      }),
    ).toEqual({
      parts: [{ target: TEAM_A, amount: '0' }],
      unused: { target: PLATFORM, amount: '12.5' },
      utilization: '0',
    });
  });

  it('reports unused cost apart even when the unused target is also a team', () => {
    const result = prepaidDrawdown({
      amount: '90',
      committedQuantity: '3',
      usage: [{ target: TEAM_A, quantity: '1' }],
      unusedTarget: TEAM_A,
    });
    expect(result.parts).toEqual([{ target: TEAM_A, amount: '30' }]);
    expect(result.unused).toEqual({ target: TEAM_A, amount: '60' });
  });

  it('refuses a commitment of zero, negative usage and a team given twice', () => {
    const base = { amount: '1', unusedTarget: PLATFORM };
    expect(() =>
      prepaidDrawdown({ ...base, committedQuantity: '0', usage: [] }),
    ).toThrow('committedQuantity must be above zero, got 0');
    expect(() =>
      prepaidDrawdown({
        ...base,
        committedQuantity: '1',
        usage: [{ target: TEAM_A, quantity: '-1' }],
      }),
    ).toThrow(
      `usage of "${TEAM_A}" is negative (-1); usage must be zero or more`,
    );
    expect(() =>
      prepaidDrawdown({
        ...base,
        committedQuantity: '1',
        usage: [
          { target: TEAM_A, quantity: '0' },
          { target: TEAM_A, quantity: '0' },
        ],
      }),
    ).toThrow(`usage of "${TEAM_A}" is given twice; sum it into one entry`);
  });

  it('conserves random commitments exactly and charges usage in proportion (seeded)', () => {
    const random = new SeededRandom(77);
    for (let run = 0; run < 2000; run++) {
      const amount = random.amount();
      const committed = random.chance(0.5)
        ? String(random.int(1, 100000))
        : `${random.int(0, 999)}.${random.digits(4)}1`;
      const usage = Array.from({ length: random.int(0, 8) }, (_, i) => ({
        target: `group:default/team-${i}`,
        quantity: random.chance(0.2) ? '0' : random.magnitude(6),
      }));
      const result = prepaidDrawdown({
        amount,
        committedQuantity: committed,
        usage: random.shuffle(usage),
        unusedTarget: PLATFORM,
      });
      const all = [...result.parts, result.unused].map(p => p.amount);
      expect(new Money(sumAmounts(all)).eq(amount)).toBe(true);

      const used = usage.reduce((s, u) => s.plus(u.quantity), new Money(0));
      const covered = Money.min(used, committed);
      // Two rounding steps: each part is within two units of its exact share.
      const tolerance = new Money('0.0000000000000002');
      const exactUnused = new Money(amount).times(
        new Money(committed).minus(covered).div(committed),
      );
      expect(exactUnused.minus(result.unused.amount).abs().lte(tolerance)).toBe(
        true,
      );
      for (const part of result.parts) {
        const quantity = usage.find(u => u.target === part.target)!.quantity;
        const exact = used.isZero()
          ? new Money(0)
          : new Money(amount)
              .times(covered.div(committed))
              .times(quantity)
              .div(used);
        expect(exact.minus(part.amount).abs().lte(tolerance)).toBe(true);
      }
    }
  });
});
