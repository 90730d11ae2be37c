import { formatUnits } from '../money';

/**
 * A model's estimate in whole units of 10^-scale (cents at scale 2). The estimate is a float
 * (a statistical guess, not money yet); rounding it here is where it becomes an amount, and
 * from here on every sum is exact.
 */
export function toUnits(value: number, scale: number): number {
  if (!Number.isFinite(value)) {
    throw new RangeError(`cannot round ${value} to an amount`);
  }
  return Math.round(value * 10 ** scale);
}

/**
 * Units of 10^-scale as a decimal string without trailing zeros, the form `formatUnits`
 * prints, without a BigInt while the units are a safe integer: a forecast prints over a
 * thousand of these.
 */
export function unitsText(units: number, scale: number): string {
  if (!Number.isSafeInteger(units)) return formatUnits(BigInt(units), scale);
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return units < 0 ? `-${text}` : text;
}

/** A model's estimate as an exact decimal string at `scale` places. */
export function roundAmount(value: number, scale: number): string {
  return unitsText(toUnits(value, scale), scale);
}
