/**
 * Decimal places of a currency's minor unit (USD 2, JPY 0, BHD 3), from the ISO 4217 data
 * that ships with the runtime's Intl; codes it does not know get 2.
 */
export function currencyScale(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', {
        style: 'currency',
        currency,
      }).resolvedOptions().maximumFractionDigits ?? 2
    );
  } catch {
    throw new RangeError(
      `currency ${JSON.stringify(
        currency,
      )} is not a three-letter ISO 4217 code`,
    );
  }
}
