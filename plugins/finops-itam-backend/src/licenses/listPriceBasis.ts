import {
  LicenseListPrice,
  LicenseMoney,
} from '@finops-itam/plugin-finops-itam-common';
import { Money } from '../money';

/**
 * What `quantity` license units cost per year at a list price: the exposure of a shortage.
 *
 * A subscription price is already per year. A perpetual price is paid once, so it is spread
 * over the price's `amortisationYears` and the yearly support (`annualSupportRate` of the
 * license price) is added: the yearly cost of owning what would be bought. Both are data on
 * the price, never assumed here. The result is an estimate for budgeting, rounded to the
 * cent when it does not divide evenly.
 */
export function annualCostOf(
  price: LicenseListPrice | undefined,
  quantity: number,
): LicenseMoney | null {
  if (!price || quantity <= 0) return null;
  const licenses = new Money(price.amount)
    .times(quantity)
    .div(price.units ?? 1);
  let perYear = licenses;
  if (price.per === 'perpetual') {
    // The product schema requires it; a definition built in code without it is a bug.
    if (!price.amortisationYears)
      throw new Error(
        'listPrice.amortisationYears is required for a perpetual price',
      );
    perYear = licenses
      .div(price.amortisationYears)
      .plus(licenses.times(price.annualSupportRate ?? 0));
  }
  return {
    amount: perYear.toDecimalPlaces(2).toFixed(),
    currency: price.currency,
  };
}
