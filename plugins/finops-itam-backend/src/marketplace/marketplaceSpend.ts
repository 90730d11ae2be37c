import {
  CurrencyAmount,
  MarketplacePurchase,
  MarketplaceResponse,
} from '@finops-itam/plugin-finops-itam-common';
import { ExactSum, SumMap, mainCurrency } from '../money';
import { MarketplaceCharge } from './MarketplaceChargeStore';

export interface MarketplaceRules {
  /** Provider name → whether it counts marketplace spend toward its commitment (default yes). */
  countsTowardCommitment: Record<string, boolean>;
  /** What `finopsItam.policies` says about buying from this seller through a marketplace. */
  policyOf(seller: string): MarketplacePurchase['policy'];
  /** Whether two provider or seller names mean the same company (`AWS`, `Amazon Web Services`). */
  sameName(a: string, b: string): boolean;
  /** The canonical name of a known cloud provider; undefined for any other name. */
  knownProvider(name: string): string | undefined;
  /** The license products a charge is for (product tag or SKU pattern). */
  productIdsOf(charge: MarketplaceCharge): string[];
}

interface Purchase {
  item: Omit<
    MarketplacePurchase,
    'cost' | 'billedCost' | 'resources' | 'owners' | 'productIds'
  >;
  currency: string;
  cost: ExactSum;
  billed: ExactSum;
  resources: Set<string>;
  owners: SumMap;
  productIds: Set<string>;
}

const NO_OWNER = '\u0001';
const fold = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The cloud provider whose marketplace sold a charge: the first known provider among the
 * provider, host provider and invoice issuer. Exports differ here: some put the seller in
 * `ProviderName` (the demo's Lumenwatch rows do), so the issuer is what names the marketplace.
 */
function marketplaceProvider(
  charge: MarketplaceCharge,
  rules: MarketplaceRules,
): string | null {
  for (const name of [
    charge.providerName,
    charge.hostProviderName,
    charge.invoiceIssuerName,
  ]) {
    const known = name ? rules.knownProvider(name) : undefined;
    if (known) return known;
  }
  return charge.providerName?.trim() || null;
}

function countsToward(provider: string | null, rules: MarketplaceRules) {
  if (provider === null) return true;
  const setting = Object.entries(rules.countsTowardCommitment).find(([name]) =>
    rules.sameName(name, provider),
  );
  return setting ? setting[1] : true;
}

const amounts = (sums: SumMap): CurrencyAmount[] =>
  sums
    .entries()
    .map(([currency, sum]) => ({ currency, amount: sum.toString() }));

/**
 * Marketplace spend of a period: charges whose seller differs from the invoice issuer
 * (FOCUS `PublisherName` vs `InvoiceIssuerName`), one line per seller, issuer, provider and
 * currency, with amortized and cash sums kept apart and every owner's amortized share.
 * One currency per line keeps each owner's cost in a known currency; lines are ordered by
 * currency (largest total first), then largest cost first.
 */
export function marketplaceSpend(
  charges: MarketplaceCharge[],
  rules: MarketplaceRules,
  period: { from: string; to: string },
): MarketplaceResponse {
  const purchases = new Map<string, Purchase>();
  for (const charge of charges) {
    if (rules.sameName(charge.publisherName, charge.invoiceIssuerName))
      continue;
    const providerName = marketplaceProvider(charge, rules);
    const key = [
      fold(charge.publisherName),
      fold(charge.invoiceIssuerName),
      providerName ?? '',
      charge.currency,
    ].join('\u0000');
    let purchase = purchases.get(key);
    if (!purchase) {
      const publisherName = charge.publisherName.trim();
      purchase = {
        item: {
          publisherName,
          invoiceIssuerName: charge.invoiceIssuerName.trim(),
          providerName,
          countsTowardCommitment: countsToward(providerName, rules),
          policy: rules.policyOf(publisherName),
        },
        currency: charge.currency,
        cost: new ExactSum(),
        billed: new ExactSum(),
        resources: new Set(),
        owners: new SumMap(),
        productIds: new Set(),
      };
      purchases.set(key, purchase);
    }
    purchase.cost.add(charge.effectiveCost);
    purchase.billed.add(charge.billedCost);
    if (charge.resourceId) purchase.resources.add(charge.resourceId);
    purchase.owners.add(charge.ownerRef ?? NO_OWNER, charge.effectiveCost);
    for (const id of rules.productIdsOf(charge)) purchase.productIds.add(id);
  }

  const totals = new SumMap();
  const counting = new SumMap();
  for (const p of purchases.values()) {
    totals.add(p.currency, p.cost.toString());
    counting.add(
      p.currency,
      p.item.countsTowardCommitment ? p.cost.toString() : '0',
    );
  }
  const { currency: main, others } = mainCurrency(totals.entries());
  const currencyOrder = [main, ...others.map(o => o.currency)];

  const items = [...purchases.values()]
    .sort(
      (a, b) =>
        currencyOrder.indexOf(a.currency) - currencyOrder.indexOf(b.currency) ||
        b.cost.compare(a.cost) ||
        a.item.publisherName.localeCompare(b.item.publisherName) ||
        a.item.invoiceIssuerName.localeCompare(b.item.invoiceIssuerName),
    )
    .map(p => ({
      ...p.item,
      productIds: [...p.productIds].sort(),
      cost: [{ currency: p.currency, amount: p.cost.toString() }],
      billedCost: [{ currency: p.currency, amount: p.billed.toString() }],
      resources: p.resources.size,
      owners: p.owners
        .entries()
        .sort(([ra, a], [rb, b]) => b.compare(a) || ra.localeCompare(rb))
        .map(([owner, cost]) => ({
          ownerRef: owner === NO_OWNER ? null : owner,
          cost: cost.toString(),
        })),
    }));

  const byOrder = (a: CurrencyAmount, b: CurrencyAmount) =>
    currencyOrder.indexOf(a.currency) - currencyOrder.indexOf(b.currency);
  return {
    from: period.from,
    to: period.to,
    items,
    totals: amounts(totals).sort(byOrder),
    countingTowardCommitment: amounts(counting).sort(byOrder),
  };
}
