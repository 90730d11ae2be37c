import { formatUnits } from '../money';

/**
 * A model's estimate as an exact decimal string at `scale` places, without trailing zeros
 * (the form `formatUnits` prints). The estimate is a float (a statistical guess, not money
 * yet); rounding it here is where it becomes an amount, and from here on every sum is exact.
 */
export function roundAmount(value: number, scale: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`cannot round ${value} to an amount`);
  }
  const units = Math.round(value * 10 ** scale);
  if (!Number.isSafeInteger(units)) {
    return formatUnits(BigInt(units), scale);
  }
  // Same digits as formatUnits, without a BigInt: a forecast prints over a thousand of these.
  const magnitude = Math.abs(units);
  const digits = String(magnitude).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return units < 0 ? `-${text}` : text;
}
