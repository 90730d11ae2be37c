import { LicenseMoney } from '@finops-itam/plugin-finops-itam-common';
import { Money, MoneyValue } from '../money';
import { LicenseDailyCostRow } from './LicenseStore';
import { addDays } from './days';

/** The latest full calendar month before `today`, as inclusive days. */
export function latestFullMonth(today: string): { from: string; to: string } {
  const to = addDays(`${today.slice(0, 7)}-01`, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/**
 * Entities' license cost per product, one exact sum per currency: a product bought in two
 * currencies (a US and an EU contract) keeps both, since nothing here converts them. The
 * currency with the largest amount comes first (ties by code), the order used wherever the
 * API names a main currency. Shelfware is left out: it is the owner group's cost.
 */
export function licenseCostPerProduct(
  rows: LicenseDailyCostRow[],
): Map<string, LicenseMoney[]> {
  const sums = new Map<string, Map<string, MoneyValue>>();
  for (const row of rows) {
    if (row.shelfware) continue;
    let ofProduct = sums.get(row.productId);
    if (!ofProduct) sums.set(row.productId, (ofProduct = new Map()));
    ofProduct.set(
      row.currency,
      (ofProduct.get(row.currency) ?? new Money(0)).plus(row.amount),
    );
  }
  const result = new Map<string, LicenseMoney[]>();
  for (const [productId, byCurrency] of sums) {
    result.set(
      productId,
      [...byCurrency.entries()]
        .sort(([a, x], [b, y]) => y.abs().cmp(x.abs()) || (a < b ? -1 : 1))
        .map(([currency, amount]) => ({ amount: amount.toFixed(), currency })),
    );
  }
  return result;
}
