import { SplitShare, parseDecimal, splitAmount } from '../money';
import { currencyScale } from './currencyScale';
import { KnownLicenseAmount } from './knownLicenseAmounts';

/**
 * The license part per entity: each known amount split between the entities that use its
 * product, by weights the caller takes from the latest day of license shares (what each
 * entity needs of the product, the owner group's weight being the unused licenses), with
 * the allocation engine's exact split (largest remainder), so the parts of an amount sum
 * to it. A product with no shares, or only zero weights, goes whole to the entitlement's
 * owner, as unused licenses do in the daily license cost.
 *
 * Returns each entity's amounts, to add to that entity's cloud forecast with
 * `addKnownAmounts`.
 */
export function splitKnownAmounts(
  amounts: readonly KnownLicenseAmount[],
  sharesOf: (productId: string) => readonly SplitShare[] | undefined,
): Map<string, KnownLicenseAmount[]> {
  const byEntity = new Map<string, KnownLicenseAmount[]>();
  const give = (entityRef: string, amount: KnownLicenseAmount) => {
    const list = byEntity.get(entityRef) ?? [];
    list.push(amount);
    byEntity.set(entityRef, list);
  };
  for (const amount of amounts) {
    const shares = (sharesOf(amount.productId) ?? []).filter(
      share =>
        parseDecimal(share.weight, `weight of ${share.target}`).units > 0n,
    );
    if (shares.length === 0) {
      give(amount.owner, amount);
      continue;
    }
    const scale = Math.max(
      currencyScale(amount.currency),
      parseDecimal(amount.amount).places,
    );
    for (const part of splitAmount(amount.amount, shares, scale)) {
      if (parseDecimal(part.amount).units !== 0n) {
        give(part.target, { ...amount, amount: part.amount });
      }
    }
  }
  return byEntity;
}
