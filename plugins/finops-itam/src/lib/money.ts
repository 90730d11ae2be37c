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
