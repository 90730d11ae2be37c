import {
  LicenseEntitlement,
  LicenseProduct,
} from '@finops-itam/plugin-finops-itam-common';
import { breaksByolRights, checkByolRights } from './byolRules';
import { licenseUnits } from './countingRules';
import { Consumption, needsEntitlement } from './licenseConsumption';

/** Consumptions that the same entitlements may cover. */
interface RightsGroup {
  eligible: LicenseEntitlement[];
  members: Consumption[];
}

/**
 * The concurrent peak of a group: the highest daily sum of its deployments, plus what has
 * no days (declarations, seats), which counts every day.
 */
export function peakOf(members: Consumption[]): number {
  const daily = new Map<string, number>();
  let undated = 0;
  for (const c of members) {
    const days = c.resource?.days;
    if (!days || days.size === 0) {
      undated += c.counted;
      continue;
    }
    for (const day of days) daily.set(day, (daily.get(day) ?? 0) + c.counted);
  }
  return undated + Math.max(0, ...daily.values());
}

/** Takes up to `wanted` licenses from the entitlements in order; returns what it got. */
function draw(
  from: LicenseEntitlement[],
  left: Map<string, number>,
  wanted: number,
): number {
  let got = 0;
  for (const e of from) {
    if (got >= wanted) break;
    const take = Math.min(left.get(e.id) ?? 0, wanted - got);
    left.set(e.id, (left.get(e.id) ?? 0) - take);
    got += take;
  }
  return got;
}

function flagShortfall(
  product: LicenseProduct,
  entitlements: LicenseEntitlement[],
  consumptions: Consumption[],
) {
  const groups = new Map<string, RightsGroup>();
  for (const c of consumptions) {
    // A deployment no entitlement may cover is flagged already.
    const placed =
      c.model === 'byol' && c.resource && !c.flags.some(breaksByolRights);
    const eligible = placed
      ? entitlements.filter(
          e => checkByolRights(product, [e], c.resource!) === null,
        )
      : entitlements;
    const key = eligible.map(e => e.id).join('\u0000');
    const group = groups.get(key) ?? { eligible, members: [] };
    group.members.push(c);
    groups.set(key, group);
  }
  // The most constrained use takes licenses with its rights first; use any license serves goes last.
  const ordered = [...groups.values()].sort(
    (a, b) => a.eligible.length - b.eligible.length,
  );
  const left = new Map(entitlements.map(e => [e.id, e.quantity]));
  const unmet = ordered.map(group => {
    const peak = peakOf(group.members);
    return { group, peak, missing: peak - draw(group.eligible, left, peak) };
  });
  for (const { group, peak, missing } of unmet) {
    if (missing <= 0 || group.eligible.length === entitlements.length) continue;
    // Licenses without the right would make up the difference in the position's numbers:
    // that part is a breach of rights, not a shortage.
    const others = entitlements.filter(e => !group.eligible.includes(e));
    const breach = draw(others, left, missing);
    if (breach === 0) continue;
    const at = group.members[0].resource!;
    const violation = checkByolRights(product, [others[0]], at)!;
    const message =
      `${breach} of ${licenseUnits(product.metric, peak)} for ${
        product.name
      } ` +
      `on ${at.provider ?? 'an unknown provider'} (${
        at.tenancy
      } tenancy) come from entitlements without the right ` +
      `(${others.map(e => e.id).join(', ')}): ${violation.message}`;
    for (const member of group.members) {
      member.flags.push({
        kind: 'byol-not-allowed',
        rule: violation.rule,
        message,
      });
    }
  }
}

/**
 * One entitlement with the right rights allows a placement, but only as many licenses as it
 * has: BYOL use beyond the licenses holding its rights (License Mobility, an early enough
 * acquisition date…) is flagged where licenses without them would fill the gap in the
 * position's numbers. Each group of deployments the same entitlements may cover is counted
 * at its concurrent peak; the most constrained groups take their licenses first.
 */
export function flagRightsShortfall(
  consumptions: Consumption[],
  input: {
    products: Map<string, LicenseProduct>;
    activeEntitlements: Map<string, LicenseEntitlement[]>;
  },
): void {
  const byProduct = new Map<string, Consumption[]>();
  for (const c of consumptions) {
    if (!needsEntitlement(c) || c.counted <= 0) continue;
    const list = byProduct.get(c.productId);
    if (list) list.push(c);
    else byProduct.set(c.productId, [c]);
  }
  for (const [productId, list] of byProduct) {
    const product = input.products.get(productId);
    const entitlements = [
      ...(input.activeEntitlements.get(productId) ?? []),
    ].sort((a, b) => (a.id < b.id ? -1 : 1));
    // With one entitlement a placement is allowed in full or flagged already.
    if (
      product &&
      entitlements.length > 1 &&
      list.some(c => c.model === 'byol')
    ) {
      flagShortfall(product, entitlements, list);
    }
  }
}
