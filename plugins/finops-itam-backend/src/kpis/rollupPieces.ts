import { nextMonthStart } from '../shared/months';
import { KpiPeriod } from './KpiStore';

/**
 * Sizes of the aligned blocks of days the KPI rollup keeps inside each month, besides single
 * days and whole months: a block of n days starts on day 1 + k·n of its month and ends at
 * the next block or the month's end, whichever comes first.
 *
 * Why: a year rarely starts on the 1st, and its edge days were read one day row at a time
 * (30 days of edges cost more than the eleven whole months between them). With blocks the
 * days from a period's start to its month's end, or from a month's start to the period's
 * end, are at most five rows of each combination of KPI columns instead of up to 30.
 */
export const DAY_BLOCK_SIZES = [16, 8, 4, 2] as const;

/** One kind of rollup row and the period (`YYYY-MM`, or the first day `YYYY-MM-DD`) it sums. */
export interface RollupPiece {
  grain: string;
  period: string;
}

/** The grain of a rollup row that sums `size` days (`day` for one). */
export function dayBlockGrain(size: number): string {
  return size === 1 ? 'day' : `days${size}`;
}

/** The blocks of {@link DAY_BLOCK_SIZES} a day belongs to, one of each size. */
export function blocksOfDay(day: string): RollupPiece[] {
  const offset = Number(day.slice(8, 10)) - 1;
  return DAY_BLOCK_SIZES.map(size => ({
    grain: dayBlockGrain(size),
    period: dayOfMonth(day.slice(0, 7), Math.floor(offset / size) * size),
  }));
}

/**
 * The rollup rows that sum `[from, to)` exactly, no day twice: the calendar months it
 * covers whole, and the days around them as the fewest aligned blocks.
 */
export function rollupPieces(period: KpiPeriod): RollupPiece[] {
  const { months, dayRanges } = splitPeriod(period);
  const pieces: RollupPiece[] = months.map(month => ({
    grain: 'month',
    period: month,
  }));
  for (const [from, to] of dayRanges) {
    // A range of edge days may run into the next month when no month between is whole.
    for (let start = from; start < to; ) {
      const monthEnd = nextMonthStart(start.slice(0, 7));
      const end = to < monthEnd ? to : monthEnd;
      pieces.push(...blocksWithinMonth(start, end));
      start = end;
    }
  }
  return pieces;
}

/** `[from, to)` inside one month as aligned blocks, largest first where they fit. */
function blocksWithinMonth(from: string, to: string): RollupPiece[] {
  const month = from.slice(0, 7);
  const monthLength = daysBetween(`${month}-01`, nextMonthStart(month));
  const startOffset = Number(from.slice(8, 10)) - 1;
  const endOffset = startOffset + daysBetween(from, to);
  const pieces: RollupPiece[] = [];
  for (let offset = startOffset; offset < endOffset; ) {
    // A block at the month's end is cut there, so it fits when the range reaches the end.
    const size = [...DAY_BLOCK_SIZES, 1].find(
      candidate =>
        offset % candidate === 0 &&
        Math.min(offset + candidate, monthLength) <= endOffset,
    )!;
    pieces.push({
      grain: dayBlockGrain(size),
      period: dayOfMonth(month, offset),
    });
    offset = Math.min(offset + size, monthLength);
  }
  return pieces;
}

/**
 * `[from, to)` as the calendar months it covers whole, read from month rows, and the days
 * before and after them.
 */
export function splitPeriod(period: KpiPeriod): {
  months: string[];
  dayRanges: Array<[string, string]>;
} {
  const { from, to } = period;
  const firstWhole = from.endsWith('-01')
    ? from
    : nextMonthStart(from.slice(0, 7));
  const lastWholeEnd = `${to.slice(0, 7)}-01`;
  if (firstWhole >= lastWholeEnd) {
    return { months: [], dayRanges: [[from, to]] };
  }
  const months: string[] = [];
  for (let day = firstWhole; day < lastWholeEnd; ) {
    months.push(day.slice(0, 7));
    day = nextMonthStart(day.slice(0, 7));
  }
  const dayRanges: Array<[string, string]> = [];
  if (from < firstWhole) dayRanges.push([from, firstWhole]);
  if (lastWholeEnd < to) dayRanges.push([lastWholeEnd, to]);
  return { months, dayRanges };
}

function dayOfMonth(month: string, offset: number): string {
  return `${month}-${String(offset + 1).padStart(2, '0')}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) /
      86_400_000,
  );
}
