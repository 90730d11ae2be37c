import { blocksOfDay, rollupPieces } from './rollupPieces';

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);

/** The days a rollup row sums, as the rebuild fills it: its month, or its block of days. */
function daysOf(piece: { grain: string; period: string }): string[] {
  if (piece.grain === 'month') {
    const days: string[] = [];
    for (let day = `${piece.period}-01`; day.startsWith(piece.period); ) {
      days.push(day);
      day = addDays(day, 1);
    }
    return days;
  }
  const size = piece.grain === 'day' ? 1 : Number(piece.grain.slice(4));
  const days: string[] = [];
  for (let i = 0; i < size; i++) {
    const day = addDays(piece.period, i);
    // A block ends with its month.
    if (day.slice(0, 7) !== piece.period.slice(0, 7)) break;
    // The rebuild puts a day into the block blocksOfDay names, so the two must agree.
    if (piece.grain !== 'day') {
      expect(blocksOfDay(day)).toContainEqual(piece);
    }
    days.push(day);
  }
  return days;
}

describe('rollupPieces (the rollup rows a period reads)', () => {
  it('reads a year from its whole months and the edge days in a few blocks', () => {
    expect(rollupPieces({ from: '2025-11-05', to: '2026-11-05' })).toEqual([
      ...[
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
      ].map(period => ({ grain: 'month', period })),
      // November 5–30: days 5–8, 9–16, and the block from the 17th cut at the month's end.
      { grain: 'days4', period: '2025-11-05' },
      { grain: 'days8', period: '2025-11-09' },
      { grain: 'days16', period: '2025-11-17' },
      { grain: 'days4', period: '2026-11-01' },
    ]);
  });

  it('names every block a day belongs to, aligned to the 1st of its month', () => {
    expect(blocksOfDay('2026-02-28')).toEqual([
      { grain: 'days16', period: '2026-02-17' },
      { grain: 'days8', period: '2026-02-25' },
      { grain: 'days4', period: '2026-02-25' },
      { grain: 'days2', period: '2026-02-27' },
    ]);
  });

  it('covers every day of any period exactly once', () => {
    // Every period between two days of late 2025 to early 2026: short and long months,
    // periods inside one month, across two, and around whole months.
    const first = '2025-12-20';
    for (let i = 0; i < 80; i++) {
      const from = addDays(first, i);
      for (let length = 0; length <= 80; length++) {
        const to = addDays(from, length);
        const read = rollupPieces({ from, to }).flatMap(daysOf).sort();
        const expected = Array.from({ length }, (_, d) => addDays(from, d));
        if (read.join() !== expected.join()) {
          throw new Error(`[${from}, ${to}) reads ${read.join(' ')}`);
        }
      }
    }
  });

  it('reads at most five rows for the days at either end of a month', () => {
    for (let start = 1; start <= 31; start++) {
      const from = `2026-01-${String(start).padStart(2, '0')}`;
      expect(
        rollupPieces({ from, to: '2026-02-01' }).length,
      ).toBeLessThanOrEqual(5);
      expect(
        rollupPieces({ from: '2026-01-01', to: addDays(from, 1) }).length,
      ).toBeLessThanOrEqual(5);
    }
  });
});
