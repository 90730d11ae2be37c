/**
 * ISO 4217 codes of the currencies in use, as the runtime's ICU data (CLDR, maintained with
 * each Node.js release) knows them: `Intl.supportedValuesOf('currency')`. Withdrawn codes
 * (DEM, FRF) and the non-currencies (XXX, XTS) are not in it, which is what a budget wants.
 */
const KNOWN = new Set(Intl.supportedValuesOf('currency'));

export function isKnownCurrency(code: string): boolean {
  return KNOWN.has(code);
}
