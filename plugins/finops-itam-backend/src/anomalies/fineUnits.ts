import { formatUnits, parseDecimal, unitsAtScale } from '../money';

/**
 * Amounts as BigInt counts of sixteenths of 10^-scale, the number form of the baseline maths.
 *
 * Why sixteenths: the baseline takes medians of differences of medians, four levels deep
 * (local level, weekly profile, recent level, typical prediction error), and each median of
 * an even count may halve. Starting from multiples of 16, every one of those midpoints is
 * still a whole number, so the expected amount is exact without a decimal library. BigInt
 * rather than decimal.js because the baseline sorts hundreds of values per judged day, for
 * every entity, every day.
 */
export interface FineUnits {
  /** Decimal places of the finest amount in the set. */
  scale: number;
  toUnits(amount: string): bigint;
  toDecimal(units: bigint): string;
}

/** The fine-unit form for a set of amounts, fine enough for every one of them. */
export function fineUnits(amounts: Iterable<string>): FineUnits {
  let scale = 0;
  for (const amount of amounts) {
    scale = Math.max(scale, parseDecimal(amount, 'amount').places);
  }
  return {
    scale,
    toUnits: amount => 16n * unitsAtScale(parseDecimal(amount), scale),
    // units / (16 × 10^scale) = units × 625 / 10^(scale + 4), exactly.
    toDecimal: units => formatUnits(units * 625n, scale + 4),
  };
}
