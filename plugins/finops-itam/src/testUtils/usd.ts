/**
 * What the UI shows for a US dollar amount in the test's locale, formatted independently of
 * the code under test (pass options for signed or unit-cost formats).
 */
export function usd(
  amount: string,
  options: Intl.NumberFormatOptions = {},
): string {
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: 'USD',
    ...options,
  }).format(amount as `${number}`);
}
