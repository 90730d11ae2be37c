import { formatUnits, parseDecimal, unitsAtScale } from './decimalUnits';

/**
 * Decimal places of every split part by default: the scale cost amounts are stored at
 * (`numeric(38,16)`, `DECIMAL(38,16)` in ingestion). Parts at this scale fit the database
 * without rounding, and any stored amount can be split with nothing lost. A coarser scale
 * (say 10) cannot conserve a 16-decimal amount, so it is refused for such amounts rather
 * than silently giving one part more decimals than the scale.
 * @public
 */
export const SPLIT_SCALE = 16;

/** One target of a split and its weight, a non-negative decimal string. @public */
export interface SplitShare {
  target: string;
  weight: string;
}

/** One target's part of a split amount, a decimal string. @public */
export interface SplitPart {
  target: string;
  amount: string;
}

/**
 * Thrown when every weight is zero, so there is no proportion to split by. Callers fall back
 * to {@link splitEvenly} and say so.
 * @public
 */
export class ZeroWeightError extends Error {
  constructor() {
    super(
      'Cannot split by weight: every weight is zero (split evenly instead)',
    );
    this.name = 'ZeroWeightError';
  }
}

// Code-unit order, not localeCompare: the remainder target must not depend on the locale.
function compareIds(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function checkScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 0) {
    throw new RangeError(
      `scale must be a whole number of decimal places, got ${scale}`,
    );
  }
}

/**
 * Splits `amount` by weight so that the parts sum to it exactly, each part rounded to
 * `scale` decimal places.
 *
 * Rounding rule (largest remainder, Hamilton's method): the magnitude of the amount, in
 * units of 10^-scale, is divided by weight; every target first gets the whole units of its
 * exact share; the units left over (fewer than the number of targets) go one each to the
 * targets with the largest remainders, ties broken by target id in code-unit order.
 * Therefore:
 * - each part differs from its exact share by less than one unit of the last decimal;
 * - a target with weight zero gets exactly zero;
 * - the result does not depend on the order of `shares` (parts come back in input order);
 * - a negative amount (credits) splits as the mirror image of its positive:
 *   `splitAmount(-x)` is `-splitAmount(x)` part by part.
 *
 * Throws a `ZeroWeightError` when all weights are zero, and a `TypeError`/`RangeError` for
 * no shares, a repeated target, a negative weight, or an amount with more decimal places
 * than `scale` (which no parts at that scale could sum to).
 * @public
 */
export function splitAmount(
  amount: string,
  shares: readonly SplitShare[],
  scale: number = SPLIT_SCALE,
): SplitPart[] {
  checkScale(scale);
  if (shares.length === 0) {
    throw new RangeError('Cannot split an amount between no targets');
  }
  const parsedAmount = parseDecimal(amount, 'amount');
  if (parsedAmount.places > scale) {
    throw new RangeError(
      `amount ${amount} has ${parsedAmount.places} decimal places, more than the scale ` +
        `${scale} of the parts, which therefore could not sum to it exactly`,
    );
  }
  const seen = new Set<string>();
  const weights = shares.map(({ target, weight }) => {
    if (seen.has(target)) {
      throw new RangeError(
        `target "${target}" appears twice in one split; merge its weights`,
      );
    }
    seen.add(target);
    const parsed = parseDecimal(weight, `weight of "${target}"`);
    if (parsed.units < 0n) {
      throw new RangeError(
        `weight of "${target}" is negative (${weight}); weights must be zero or more`,
      );
    }
    return parsed;
  });

  // Integer weights on a common scale: only their ratios matter.
  const weightPlaces = Math.max(...weights.map(w => w.places));
  const weightUnits = weights.map(w => unitsAtScale(w, weightPlaces));
  const totalWeight = weightUnits.reduce((sum, w) => sum + w, 0n);
  if (totalWeight === 0n) {
    throw new ZeroWeightError();
  }

  const units = unitsAtScale(parsedAmount, scale);
  const negative = units < 0n;
  const magnitude = negative ? -units : units;

  const floors = weightUnits.map(w => (magnitude * w) / totalWeight);
  const remainders = weightUnits.map(w => (magnitude * w) % totalWeight);
  let leftover = magnitude - floors.reduce((sum, f) => sum + f, 0n);

  const byRemainder = shares
    .map((_, index) => index)
    .sort((a, b) => {
      const diff = remainders[b] - remainders[a];
      if (diff !== 0n) {
        return diff > 0n ? 1 : -1;
      }
      return compareIds(shares[a].target, shares[b].target);
    });
  for (const index of byRemainder) {
    if (leftover === 0n) {
      break;
    }
    floors[index] += 1n;
    leftover -= 1n;
  }

  return shares.map(({ target }, index) => ({
    target,
    amount: formatUnits(negative ? -floors[index] : floors[index], scale),
  }));
}

/**
 * Splits `amount` into equal parts, exactly; the leftover units go to the targets first in
 * code-unit order of their ids (the largest-remainder rule with all remainders equal).
 * @public
 */
export function splitEvenly(
  amount: string,
  targets: readonly string[],
  scale: number = SPLIT_SCALE,
): SplitPart[] {
  return splitAmount(
    amount,
    targets.map(target => ({ target, weight: '1' })),
    scale,
  );
}
