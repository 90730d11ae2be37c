import { CostFact } from './types';

/** Amounts are stored with 16 decimal places (numeric(38,16)); parts are exact at that scale. */
const SCALE = 16;
const UNIT = 10n ** BigInt(SCALE);
const DAY_MS = 86_400_000;

const SPREAD_AMOUNTS = [
  'billedCost',
  'effectiveCost',
  'listCost',
  'contractedCost',
  'consumedQuantity',
] as const;

function toScaled(amount: string): bigint {
  const negative = amount.startsWith('-');
  const [whole, fraction = ''] = amount.replace(/^[-+]/, '').split('.');
  if (fraction.length > SCALE) {
    throw new Error(`Amount ${amount} has more than ${SCALE} decimal places`);
  }
  const scaled =
    BigInt(whole || '0') * UNIT + BigInt(fraction.padEnd(SCALE, '0'));
  return negative ? -scaled : scaled;
}

function fromScaled(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value)
    .toString()
    .padStart(SCALE + 1, '0');
  const whole = digits.slice(0, -SCALE);
  const fraction = digits.slice(-SCALE).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Splits `amount` in proportion to `weights`, exactly: every part is truncated to the stored
 * scale and the units left over go, one each, to the parts that lost the most (largest
 * remainder; the earlier day on a tie), so the parts always sum to the amount.
 */
export function splitByWeights(amount: string, weights: number[]): string[] {
  const total = toScaled(amount);
  const sign = total < 0n ? -1n : 1n;
  const magnitude = total * sign;
  const weightSum = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  const parts = weights.map(w => {
    const product = magnitude * BigInt(w);
    return { part: product / weightSum, remainder: product % weightSum };
  });
  let leftover = magnitude - parts.reduce((sum, p) => sum + p.part, 0n);
  const byRemainder = parts
    .map((p, index) => ({ index, remainder: p.remainder }))
    .sort((a, b) => {
      if (a.remainder === b.remainder) return a.index - b.index;
      return a.remainder > b.remainder ? -1 : 1;
    });
  for (const { index } of byRemainder) {
    if (leftover === 0n) break;
    parts[index].part += 1n;
    leftover -= 1n;
  }
  return parts.map(p => fromScaled(p.part * sign));
}

/** ISO day (YYYY-MM-DD) of a UTC instant. */
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A charge whose period covers several UTC days (a monthly fee, a support plan, Tax, a SaaS
 * subscription) as one fact per day, each with the share of the period's time that falls on
 * that day. Amounts are split exactly (see `splitByWeights`); unknown amounts stay unknown.
 * The rows the charge came from are counted on its first day.
 */
export function spreadOverDays(
  fact: CostFact,
  startMs: number,
  endMs: number,
): CostFact[] {
  const days: string[] = [];
  const weights: number[] = [];
  for (
    let dayStart = startMs - (startMs % DAY_MS);
    dayStart < endMs;
    dayStart += DAY_MS
  ) {
    const covered =
      Math.min(endMs, dayStart + DAY_MS) - Math.max(startMs, dayStart);
    if (covered > 0) {
      days.push(utcDay(dayStart));
      weights.push(covered);
    }
  }
  const split = Object.fromEntries(
    SPREAD_AMOUNTS.map(key => {
      const amount = fact[key];
      return [key, amount === null ? null : splitByWeights(amount, weights)];
    }),
  ) as Record<(typeof SPREAD_AMOUNTS)[number], string[] | null>;
  return days.map((day, i) => ({
    ...fact,
    day,
    billedCost: split.billedCost![i],
    effectiveCost: split.effectiveCost![i],
    listCost: split.listCost?.[i] ?? null,
    contractedCost: split.contractedCost?.[i] ?? null,
    consumedQuantity: split.consumedQuantity![i],
    rowCount: i === 0 ? fact.rowCount : 0,
  }));
}
