import { formatUnits, parseDecimal } from '../money';

/**
 * Amounts as whole numbers of sixteenths of 10^-scale: the number form of the baseline maths,
 * exact in plain JavaScript numbers.
 *
 * Why sixteenths: the baseline takes medians of differences of medians, four levels deep
 * (local level, weekly profile, recent level, typical prediction error), and each median of
 * an even count may halve. Starting from multiples of 16, every one of those midpoints is
 * still a whole number, so the expected amount is exact. Whole numbers below 2^50 are exact
 * as doubles with room for the sums and differences the maths makes, so no BigInt or
 * decimal library is needed in a loop that runs for every day of every entity.
 *
 * Why a scale of at most 6: cost data carries up to 16 decimals, which would not fit. The
 * baseline is an estimate, and a millionth of a currency unit is far below anything it can
 * tell apart, so amounts are rounded (half to even) to 6 decimals for it; actual amounts
 * and impacts are reported from the exact input. Huge amounts get fewer decimals.
 */
export interface BaselineUnits {
  /** Decimal places the baseline works at. */
  scale: number;
  toUnits(amount: string): number;
  /** A whole number of units as an exact decimal string. */
  toDecimal(units: number): string;
}

const MAX_SCALE = 6;
const SAFE_LIMIT = 2 ** 50;

/** The units for a set of amounts: the finest scale (≤ 6) at which all of them fit. */
export function baselineUnits(amounts: Iterable<string>): BaselineUnits {
  const parsed = [...amounts].map(amount => parseDecimal(amount, 'amount'));
  let scale = Math.min(
    MAX_SCALE,
    parsed.reduce((most, value) => Math.max(most, value.places), 0),
  );
  const largest = (at: number) =>
    parsed.reduce((most, value) => {
      const units = rounded(value.units, value.places, at);
      return Math.max(most, Math.abs(Number(units)) * 16);
    }, 0);
  while (largest(scale) >= SAFE_LIMIT) {
    if (scale === 0) {
      throw new RangeError(
        'An amount is too large for anomaly detection (over 7 × 10^13 units)',
      );
    }
    scale--;
  }
  return {
    scale,
    toUnits: amount => {
      const value = parseDecimal(amount, 'amount');
      return Number(rounded(value.units, value.places, scale)) * 16;
    },
    // units / (16 × 10^scale) = units × 625 / 10^(scale + 4), exactly.
    toDecimal: units => formatUnits(BigInt(units) * 625n, scale + 4),
  };
}

/** `units` × 10^-places as a count of 10^-scale, rounded half to even. */
function rounded(units: bigint, places: number, scale: number): bigint {
  if (places <= scale) return units * 10n ** BigInt(scale - places);
  const divisor = 10n ** BigInt(places - scale);
  const quotient = units / divisor; // truncates toward zero
  const remainder = units - quotient * divisor;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice < divisor || (twice === divisor && quotient % 2n === 0n)) {
    return quotient;
  }
  return units < 0n ? quotient - 1n : quotient + 1n;
}
