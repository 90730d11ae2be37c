import { Money, sumAmounts } from '../../money';
import { SeededRandom } from '../../__testUtils__/SeededRandom';
import {
  lastCompleteDay,
  monthToDateDraw,
  prepaidMonthState,
} from './prepaidMonth';

describe('lastCompleteDay', () => {
  it('is the UTC day before the clock, whatever the time of day', () => {
    expect(lastCompleteDay(new Date('2026-11-11T00:00:00Z'))).toBe(
      '2026-11-10',
    );
    expect(lastCompleteDay(new Date('2026-11-11T23:59:59.999Z'))).toBe(
      '2026-11-10',
    );
    expect(lastCompleteDay(new Date('2026-03-01T08:00:00Z'))).toBe(
      '2026-02-28',
    );
    expect(lastCompleteDay(new Date('2027-01-01T00:00:00Z'))).toBe(
      '2026-12-31',
    );
  });
});

describe('prepaidMonthState', () => {
  it('counts the complete days of the month that is running', () => {
    expect(prepaidMonthState('2026-11', '2026-11-10')).toEqual({
      state: 'open',
      elapsedDays: 10,
      daysInMonth: 30,
      through: '2026-11-10',
    });
    expect(prepaidMonthState('2028-02', '2028-02-28')).toEqual({
      state: 'open',
      elapsedDays: 28,
      daysInMonth: 29,
      through: '2028-02-28',
    });
  });

  it('closes a month once its last day is over, and not before', () => {
    expect(prepaidMonthState('2026-11', '2026-11-29').state).toBe('open');
    expect(prepaidMonthState('2026-11', '2026-11-30').state).toBe('closed');
    expect(prepaidMonthState('2026-11', '2027-03-02').state).toBe('closed');
  });

  it('has a month whose first day is not over yet not begun', () => {
    expect(prepaidMonthState('2026-12', '2026-11-30').state).toBe('not-begun');
    expect(prepaidMonthState('2027-01', '2026-11-30').state).toBe('not-begun');
  });
});

const november10 = { elapsedDays: 10, daysInMonth: 30, through: '2026-11-10' };

describe('monthToDateDraw', () => {
  it('takes a third of an upfront charge by the end of day 10 of 30, exactly', () => {
    const draw = monthToDateDraw(
      [{ day: '2026-11-01', amount: '1000' }],
      november10,
    );
    expect(draw).toEqual({
      share: '333.3333333333333333',
      drawn: [{ day: '2026-11-01', amount: '333.3333333333333333' }],
      waiting: '666.6666666666666667',
    });
  });

  it('draws the complete days of a commitment charged day by day in full, and no day to come', () => {
    const days = Array.from({ length: 30 }, (_, i) => ({
      day: `2026-11-${String(i + 1).padStart(2, '0')}`,
      amount: '30',
    }));
    const draw = monthToDateDraw(days, november10);
    expect(draw.share).toBe('300');
    expect(draw.drawn).toEqual(days.slice(0, 10));
    expect(draw.waiting).toBe('600');
  });

  it('draws exactly the share when a spread charge rounds its first days up', () => {
    // 1,000 spread over November: the 10 leftover units go to days 1-10 (…334 each), so
    // those days charged 333.333333333333334; the share due is still 333.3333333333333333.
    const days = Array.from({ length: 30 }, (_, i) => ({
      day: `2026-11-${String(i + 1).padStart(2, '0')}`,
      amount: i < 10 ? '33.3333333333333334' : '33.3333333333333333',
    }));
    const draw = monthToDateDraw(days, november10);
    expect(draw.share).toBe('333.3333333333333333');
    expect(sumAmounts(draw.drawn.map(d => d.amount))).toBe(
      '333.3333333333333333',
    );
    expect(draw.drawn.map(d => d.day)).toEqual(
      days.slice(0, 10).map(d => d.day),
    );
    expect(draw.waiting).toBe('666.6666666666666667');
  });

  it('draws everything charged so far when charges lag behind the month', () => {
    // 100 charged on day 2, 900 more on day 20 (not over): 333.33 is due, 100 was charged.
    const draw = monthToDateDraw(
      [
        { day: '2026-11-02', amount: '100' },
        { day: '2026-11-20', amount: '900' },
      ],
      november10,
    );
    expect(draw.share).toBe('333.3333333333333333');
    expect(draw.drawn).toEqual([{ day: '2026-11-02', amount: '100' }]);
    expect(draw.waiting).toBe('900');
  });

  it('draws credits as the mirror image of costs', () => {
    const draw = monthToDateDraw(
      [{ day: '2026-11-01', amount: '-1000' }],
      november10,
    );
    expect(draw.drawn).toEqual([
      { day: '2026-11-01', amount: '-333.3333333333333333' },
    ]);
    expect(draw.waiting).toBe('-666.6666666666666667');
  });

  it('draws a charge and its refund in full rather than in a proportion of mixed signs', () => {
    const days = [
      { day: '2026-11-01', amount: '1000' },
      { day: '2026-11-05', amount: '-400' },
    ];
    const draw = monthToDateDraw(days, november10);
    expect(draw.drawn).toEqual(days);
    expect(draw.waiting).toBe('0');
  });

  it('conserves random months exactly: drawn plus waiting is the month (seeded)', () => {
    const random = new SeededRandom(5);
    for (let run = 0; run < 500; run++) {
      const daysInMonth = random.pick([28, 29, 30, 31]);
      const elapsedDays = random.int(1, daysInMonth - 1);
      const days = Array.from({ length: daysInMonth }, (_, i) => i + 1)
        .filter(() => random.chance(0.3))
        .map(d => ({
          day: `2027-01-${String(d).padStart(2, '0')}`,
          amount: random.amount(),
        }));
      const through = `2027-01-${String(elapsedDays).padStart(2, '0')}`;
      const draw = monthToDateDraw(days, { elapsedDays, daysInMonth, through });
      const month = days.length > 0 ? sumAmounts(days.map(d => d.amount)) : '0';
      const drawn = draw.drawn.map(d => d.amount);
      expect(new Money(sumAmounts([...drawn, draw.waiting])).eq(month)).toBe(
        true,
      );
      expect(draw.drawn.every(d => d.day <= through)).toBe(true);
      // The share is the month × elapsed / days within one unit of the 16th decimal.
      const exact = new Money(month).times(elapsedDays).div(daysInMonth);
      expect(exact.minus(draw.share).abs().lte('0.0000000000000001')).toBe(
        true,
      );
    }
  });
});
