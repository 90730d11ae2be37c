import {
  LicenseCoverRule,
  LicenseCoverage,
  LicenseEntitlement,
  LicensePositionEntry,
  LicenseProduct,
} from '@finops-itam/plugin-finops-itam-common';
import { Money } from '../money';
import { peakOf } from './byolCapacity';
import { hasSoftwareAssurance, matchesProvider } from './byolRules';
import { licenseUnits } from './countingRules';
import { Consumption, needsEntitlement } from './licenseConsumption';
import { compare, isActiveOn, statusOf } from './licensePosition';

export interface CoverageInput {
  products: Map<string, LicenseProduct>;
  entitlements: LicenseEntitlement[];
  consumptions: Consumption[];
  today: string;
}

/** One way to cover a shortage: surplus of an entitlement of a product whose rule covers it. */
interface CoverOption {
  covering: LicenseProduct;
  rule: LicenseCoverRule;
  entitlement: LicenseEntitlement;
}

/** The conversion right in words, e.g. `1 core license of SQL Server Enterprise covers 4 …`. */
function describeRule(
  covering: LicenseProduct,
  covered: LicenseProduct,
  rule: LicenseCoverRule,
): string {
  const where = rule.providers ? ` on ${rule.providers.join(', ')}` : '';
  const sa = rule.requiresSoftwareAssurance ? ', with Software Assurance' : '';
  const source = rule.source ? ` (${rule.source})` : '';
  return `${licenseUnits(covering.metric, 1)} of ${
    covering.name
  } covers ${licenseUnits(covered.metric, rule.ratio)} of ${
    covered.name
  }${where}${sa}${source}`;
}

/**
 * Splits a product's own need over its active entitlements, in the order given, returning
 * what each entitlement has left.
 */
function allocateOwnNeed(entitlements: LicenseEntitlement[], need: number) {
  let left = need;
  return entitlements.map(entitlement => {
    const used = Math.min(entitlement.quantity, left);
    left -= used;
    return { entitlement, used, free: entitlement.quantity - used };
  });
}

/** Shortage × list price scaled to a new shortage, exactly; null when nothing is short. */
function scaledExposure(
  entry: LicensePositionEntry,
  newShortage: number,
): LicensePositionEntry['exposure'] {
  const oldShortage = Math.max(0, -entry.position);
  if (newShortage <= 0 || !entry.exposure || oldShortage === 0) return null;
  const amount = new Money(entry.exposure.amount)
    .times(newShortage)
    .div(oldShortage);
  return { amount: amount.toFixed(), currency: entry.exposure.currency };
}

/**
 * Edition conversions, after the position of each product is known: a product short of
 * licenses, its own entitlements already counted, takes the surplus of products that
 * declare they cover it (`covers`), most specific rule first (a provider-bound rule, then
 * the highest ratio). Own entitlements are taken to cover the use that no provider-bound
 * rule could reach, so the conversions get the use they apply to. A covering product keeps
 * its entitlements with Software Assurance free as long as others meet its own need.
 * Entries without conversions are returned unchanged.
 */
export function applyEditionCoverage(
  position: LicensePositionEntry[],
  input: CoverageInput,
): LicensePositionEntry[] {
  const entries = new Map(position.map(entry => [entry.productId, entry]));
  const active = (productId: string) =>
    input.entitlements
      .filter(e => e.productId === productId && isActiveOn(e, input.today))
      .sort((a, b) => compare(a.id, b.id));

  // Free licenses per entitlement of each product with a surplus, computed when first needed.
  const free = new Map<string, Map<string, number>>();
  const freeOf = (product: LicenseProduct) => {
    let left = free.get(product.id);
    if (!left) {
      const entry = entries.get(product.id);
      const own = active(product.id).sort(
        (a, b) =>
          Number(hasSoftwareAssurance(product, a)) -
          Number(hasSoftwareAssurance(product, b)),
      );
      const need = entry ? entry.entitled - entry.position : 0;
      left = new Map(
        allocateOwnNeed(own, need).map(a => [a.entitlement.id, a.free]),
      );
      free.set(product.id, left);
    }
    return left;
  };

  const coverage = new Map<string, LicenseCoverage[]>();
  const conversions = new Map<
    string,
    NonNullable<LicensePositionEntry['conversions']>
  >();
  for (const entry of position) {
    const covered = input.products.get(entry.productId);
    if (!covered || entry.position >= 0) continue;
    const options: CoverOption[] = [];
    for (const covering of input.products.values()) {
      if (
        covering.id === covered.id ||
        (entries.get(covering.id)?.position ?? 0) <= 0
      )
        continue;
      for (const rule of covering.covers ?? []) {
        if (rule.productId !== covered.id) continue;
        for (const entitlement of active(covering.id)) {
          if (
            rule.requiresSoftwareAssurance &&
            !hasSoftwareAssurance(covering, entitlement)
          )
            continue;
          options.push({ covering, rule, entitlement });
        }
      }
    }
    options.sort(
      (a, b) =>
        Number(b.rule.providers !== undefined) -
          Number(a.rule.providers !== undefined) ||
        b.rule.ratio - a.rule.ratio ||
        compare(a.covering.id, b.covering.id) ||
        compare(a.entitlement.id, b.entitlement.id),
    );

    const needing = input.consumptions.filter(
      c => c.productId === covered.id && needsEntitlement(c),
    );
    // The use on the rule's providers at its concurrent peak: replaced VMs do not add up.
    const needOn = (providers: string[]) =>
      peakOf(
        needing.filter(c =>
          matchesProvider(c.resource?.provider ?? null, providers),
        ),
      );
    const coveredOn = new Map<string, number>();
    let shortage = -entry.position;
    for (const { covering, rule, entitlement } of options) {
      if (shortage <= 0) break;
      const providersKey = JSON.stringify(rule.providers ?? null);
      let eligible = shortage;
      if (rule.providers) {
        eligible = Math.min(
          eligible,
          needOn(rule.providers) - (coveredOn.get(providersKey) ?? 0),
        );
      }
      const available = freeOf(covering).get(entitlement.id) ?? 0;
      const quantity = Math.min(
        eligible,
        Math.floor(available * rule.ratio + 1e-9),
      );
      if (quantity <= 0) continue;
      const used = Math.ceil(quantity / rule.ratio - 1e-9);
      freeOf(covering).set(entitlement.id, available - used);
      shortage -= quantity;
      coveredOn.set(
        providersKey,
        (coveredOn.get(providersKey) ?? 0) + quantity,
      );
      const text = describeRule(covering, covered, rule);
      const list = coverage.get(covered.id) ?? [];
      list.push({
        entitlementId: entitlement.id,
        productId: covering.id,
        quantity,
        entitlementQuantity: used,
        rule: text,
      });
      coverage.set(covered.id, list);
      const lent = conversions.get(covering.id) ?? [];
      lent.push({
        entitlementId: entitlement.id,
        coveredProductId: covered.id,
        quantity,
        entitlementQuantity: used,
        rule: text,
      });
      conversions.set(covering.id, lent);
    }
  }

  return position.map(entry => {
    const converted = coverage.get(entry.productId);
    const lent = conversions.get(entry.productId);
    if (converted) {
      const need = entry.entitled - entry.position;
      const own: LicenseCoverage[] = allocateOwnNeed(
        active(entry.productId),
        need,
      )
        .filter(a => a.used > 0)
        .map(a => ({
          entitlementId: a.entitlement.id,
          productId: entry.productId,
          quantity: a.used,
          entitlementQuantity: a.used,
        }));
      const value =
        entry.position + converted.reduce((sum, c) => sum + c.quantity, 0);
      return {
        ...entry,
        position: value,
        status: statusOf(value),
        exposure: scaledExposure(entry, -value),
        shelfware: Math.max(0, value),
        coveredBy: [...own, ...converted],
      };
    }
    if (lent) {
      const value =
        entry.position -
        lent.reduce((sum, c) => sum + c.entitlementQuantity, 0);
      return {
        ...entry,
        position: value,
        status: statusOf(value),
        shelfware: Math.max(0, value),
        conversions: lent,
      };
    }
    return entry;
  });
}
