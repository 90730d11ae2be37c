import { ExactSum, Money } from '../money';
import { Kpi, KpiRow, RATIO_DECIMALS } from './KpiRow';

/** A KPI from exact sums; the division is the only rounding, and only of the shown value. */
export function ratioKpi(
  numerator: ExactSum,
  denominator: ExactSum,
  notCovered: ExactSum,
): Kpi {
  return {
    value: denominator.isZero()
      ? null
      : new Money(numerator.toString())
          .dividedBy(denominator.toString())
          .toDecimalPlaces(RATIO_DECIMALS)
          .toFixed(),
    numerator: numerator.toString(),
    denominator: denominator.toString(),
    notCovered: notCovered.toString(),
  };
}

/** Thrown when rows of two currencies reach one formula: nothing here converts them. */
export class MixedCurrencyError extends Error {
  constructor(currencies: string[]) {
    super(
      `KPI rows must share one currency, got ${currencies.join(
        ', ',
      )}; compute each currency apart`,
    );
    this.name = 'MixedCurrencyError';
  }
}

/** Refuses rows of more than one currency, so no formula can ever add two of them. */
export function assertOneCurrency(rows: readonly KpiRow[]): void {
  const currencies = new Set(rows.map(row => row.currency));
  if (currencies.size > 1) {
    throw new MixedCurrencyError([...currencies].sort());
  }
}

/** The opposite of a plain decimal string, exactly (`0.5` → `-0.5`, `-2` → `2`). */
export function negate(amount: string): string {
  return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}
