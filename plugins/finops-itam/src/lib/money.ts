import { Decimal } from 'decimal.js';

/**
 * Display helpers for the backend's exact decimal amounts. Amounts stay strings: they are
 * compared with decimal.js and handed to `Intl.NumberFormat` as strings, which formats them
 * exactly instead of going through a float.
 */

type DecimalString = `${number}`;

/** Compares two decimal strings exactly: negative when `a < b`, 0 when equal, positive when `a > b`. */
export function compareDecimals(a: string, b: string): number {
  return new Decimal(a).comparedTo(b);
}

/** Whether a decimal string is zero (`"0"`, `"0.00"`, `"-0"`). */
export function isZeroAmount(amount: string): boolean {
  return new Decimal(amount).isZero();
}

/**
 * Formats a decimal amount in its currency for the user's locale. The e2e test formats the
 * API's figure with the same options, so keep them in step.
 */
export function formatAmount(amount: string, currency: string): string {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
  }).format(amount.trim() as DecimalString);
}

/** Exact sum of decimal strings, as a decimal string. */
export function sumAmounts(amounts: string[]): string {
  return amounts
    .reduce((sum, amount) => sum.plus(amount), new Decimal(0))
    .toString();
}

/** A percentage with one decimal, never `-0.0` for a tiny negative. */
export function percentText(percent: Decimal.Value): string {
  const rounded = new Decimal(percent).toDecimalPlaces(1);
  return (rounded.isZero() ? new Decimal(0) : rounded).toFixed(1);
}

/** How an amount moved against an earlier one. */
export interface AmountChange {
  /** `current − previous`, exact. */
  change: string;
  /** Change in percent of `previous`, one decimal; null when `previous` is zero. */
  percent: string | null;
}

/** The exact change from `previous` to `current`, and in percent when that means something. */
export function changeBetween(current: string, previous: string): AmountChange {
  const change = new Decimal(current).minus(previous);
  const base = new Decimal(previous);
  return {
    change: change.toString(),
    percent: base.isZero()
      ? null
      : percentText(change.dividedBy(base.abs()).times(100)),
  };
}

/** `+$120.00`, `-$5.10`, `$0.00`: a change in cost with its sign. */
export function formatSignedAmount(amount: string, currency: string): string {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    signDisplay: 'exceptZero',
  }).format(amount.trim() as DecimalString);
}

/**
 * `+10.5%`, `-3%`: a change in percent (already ×100, as the team cost API sends it) with
 * its sign.
 */
export function formatPercentChange(percent: number): string {
  return new Intl.NumberFormat(undefined, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 1,
  }).format(percent / 100);
}

/** Which way an amount moved. */
export type ChangeDirection = 'up' | 'down' | 'none';

/** Whether a change is up, down or none, decided exactly (a tiny change is still a change). */
export function changeDirection(change: string): ChangeDirection {
  const value = new Decimal(change);
  if (value.isZero()) {
    return 'none';
  }
  return value.isPositive() ? 'up' : 'down';
}

/**
 * Formats a unit cost, which is often a fraction of a cent: below one unit of currency it
 * keeps four significant digits (`$0.004213`) instead of rounding to `$0.00`.
 */
export function formatUnitCost(amount: string, currency: string): string {
  const small = new Decimal(amount).abs().lessThan(1);
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    ...(small && !new Decimal(amount).isZero()
      ? { maximumSignificantDigits: 4 }
      : {}),
  }).format(amount.trim() as DecimalString);
}

/** Formats a metric volume such as a number of orders, exactly and with grouping. */
export function formatQuantity(amount: string): string {
  return new Intl.NumberFormat(undefined, {
    maximumFractionDigits: 2,
  }).format(amount.trim() as DecimalString);
}
