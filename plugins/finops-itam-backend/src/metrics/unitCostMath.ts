import { Money, MoneyValue } from '../money';

/**
 * Decimal places of a unit cost. Ten keeps at least three significant digits for a cost per
 * unit down to a millionth of a currency unit (a service costing 50 a day that answers tens
 * of millions of searches), while the division of two exact decimals rarely terminates.
 * Rounded half to even, like the money arithmetic; trailing zeros are dropped.
 */
export const UNIT_COST_DECIMALS = 10;

/** cost / volume, rounded to UNIT_COST_DECIMALS; null when there is no volume to divide by. */
export function unitCost(
  cost: string | MoneyValue,
  volume: string | MoneyValue,
): string | null {
  const divisor = new Money(volume);
  if (divisor.isZero()) {
    return null;
  }
  return new Money(cost)
    .div(divisor)
    .toDecimalPlaces(UNIT_COST_DECIMALS)
    .toFixed();
}
