import { addDays } from '../../licenses/days';
import { DailyAmount } from '../types';

/** Seeded uniform numbers in [0, 1) (mulberry32): the same seed gives the same series. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal numbers from a uniform source (Box-Muller). */
export function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Daily amounts from `from` for `length` days, `value(t)` on day t (0-based), rounded to
 * cents; days where `skip(t)` holds are left out.
 */
export function dailySeries(
  from: string,
  length: number,
  value: (t: number) => number,
  skip: (t: number) => boolean = () => false,
): DailyAmount[] {
  const days: DailyAmount[] = [];
  for (let t = 0; t < length; t++) {
    if (!skip(t)) {
      days.push({ day: addDays(from, t), amount: value(t).toFixed(2) });
    }
  }
  return days;
}

/** A weekly shape like a web shop's: weekends 18 % busier (the demo generator's factor). */
export const WEEKEND_SHAPE = (t: number, firstWeekday: number) => {
  const weekday = (firstWeekday + t) % 7;
  return weekday === 0 || weekday === 6 ? 1.18 : 1;
};
