/** Looked up once per currency: building an Intl.NumberFormat costs more than a forecast day. */
const scales = new Map<string, number>();

/**
 * Decimal places of a currency's minor unit (USD 2, JPY 0, BHD 3), from the ISO 4217 data
 * that ships with the runtime's Intl; well-formed codes it does not know get 2.
 */
export function currencyScale(currency: string): number {
  const known = scales.get(currency);
  if (known !== undefined) return known;
  let scale: number;
  try {
    scale =
      new Intl.NumberFormat('en', {
        style: 'currency',
        currency,
      }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    throw new RangeError(
      `currency ${JSON.stringify(
        currency,
      )} is not a three-letter ISO 4217 code`,
    );
  }
  scales.set(currency, scale);
  return scale;
}
