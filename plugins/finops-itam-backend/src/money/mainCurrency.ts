import { CurrencyTotal } from '@finops-itam/plugin-finops-itam-common';
import { Money } from './Money';

/** A total in plain decimal notation: a string, an `ExactSum` or a `Money` value. */
type Total = { toString(): string };

/**
 * The currency an answer is shown in, and the totals it leaves beside it: amounts in two
 * currencies are never added, since nothing here converts them. The main currency has the
 * largest total by magnitude (credits count as much as charges), ties going to the code
 * first in alphabetical order so the answer never depends on row order; the others follow
 * largest first.
 */
export function mainCurrency(totals: Iterable<readonly [string, Total]>): {
  currency: string | null;
  others: CurrencyTotal[];
} {
  const sorted = [...totals]
    .map(([currency, total]) => ({
      currency,
      total: new Money(total.toString()),
    }))
    .sort(
      (a, b) =>
        b.total.abs().cmp(a.total.abs()) ||
        // Keys of one set of totals, so two currencies are never equal.
        (a.currency < b.currency ? -1 : 1),
    );
  return {
    currency: sorted[0]?.currency ?? null,
    others: sorted
      .slice(1)
      .map(({ currency, total }) => ({ currency, total: total.toFixed() })),
  };
}
