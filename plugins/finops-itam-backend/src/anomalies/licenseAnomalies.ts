import {
  LicenseMoney,
  LicensePositionEntry,
} from '@finops-itam/plugin-finops-itam-common';

export type LicenseAnomalyKind =
  | 'license-shortage'
  | 'license-consumption-jump'
  | 'unauthorized-product';

/** A change between two license position snapshots that its owner should hear about. */
export interface LicenseAnomaly {
  kind: LicenseAnomalyKind;
  /** The day of the newer snapshot, `YYYY-MM-DD`. */
  date: string;
  productId: string;
  productName: string;
  /** The product's `software-license` Resource, when it has an entitlement. */
  licenseEntityRef: string | null;
  /** Position (shortage) or requirement (the others) in the older snapshot; null if absent. */
  previous: number | null;
  /** The same in the newer snapshot. */
  current: number;
  /** Yearly cost of buying the shortage at list price, when known (shortages only). */
  exposure?: LicenseMoney | null;
}

export interface LicenseAnomalyOptions {
  /** The day of the newer snapshot, `YYYY-MM-DD`. */
  date: string;
  /**
   * A rise in the requirement is a jump when it passes both minimums. Defaults: 20 % and 1
   * license unit. Metrics count very different things (cores, users), so the percentage does
   * most of the work and the absolute minimum keeps 1 → 2 users from counting as +100 %.
   */
  consumptionJump?: { percent?: number; absolute?: number };
  /**
   * Which products may be in use: with `allowedProductIds`, any other product is
   * unauthorized; `blockedProductIds` are unauthorized whatever the allow list says.
   * Without either, no product is unauthorized.
   */
  authorization?: {
    allowedProductIds?: readonly string[];
    blockedProductIds?: readonly string[];
  };
}

const JUMP_DEFAULTS = { percent: 20, absolute: 1 };

/**
 * License changes between an older and a newer position snapshot (`GET /licenses/position`
 * rows): a shortage that is new (position below 0 now, not before), a jump in the
 * requirement (the concurrent peak) above both minimums, and an unauthorized product that
 * appears in use. Ordered by kind, then product id, so a re-run lists them the same way.
 */
export function licenseAnomalies(
  previous: readonly LicensePositionEntry[],
  current: readonly LicensePositionEntry[],
  options: LicenseAnomalyOptions,
): LicenseAnomaly[] {
  const before = new Map(previous.map(entry => [entry.productId, entry]));
  const jump = { ...JUMP_DEFAULTS, ...options.consumptionJump };
  const unauthorized = isUnauthorized(options.authorization);
  const found: LicenseAnomaly[] = [];
  for (const entry of current) {
    const old = before.get(entry.productId);
    const base = {
      date: options.date,
      productId: entry.productId,
      productName: entry.productName,
      licenseEntityRef: entry.licenseEntityRef,
      current: entry.required,
    };
    if (entry.position < 0 && (old === undefined || old.position >= 0)) {
      found.push({
        ...base,
        kind: 'license-shortage',
        previous: old?.position ?? null,
        current: entry.position,
        exposure: entry.exposure,
      });
    }
    const rise = entry.required - (old?.required ?? 0);
    if (
      old !== undefined &&
      rise >= jump.absolute &&
      rise * 100 >= jump.percent * old.required
    ) {
      found.push({
        ...base,
        kind: 'license-consumption-jump',
        previous: old.required,
      });
    }
    const wasInUse = old !== undefined && old.required > 0;
    if (entry.required > 0 && !wasInUse && unauthorized(entry.productId)) {
      found.push({
        ...base,
        kind: 'unauthorized-product',
        previous: old?.required ?? null,
      });
    }
  }
  return found.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) || a.productId.localeCompare(b.productId),
  );
}

function isUnauthorized(
  authorization: LicenseAnomalyOptions['authorization'],
): (productId: string) => boolean {
  const allowed = authorization?.allowedProductIds
    ? new Set(authorization.allowedProductIds)
    : undefined;
  const blocked = new Set(authorization?.blockedProductIds ?? []);
  return productId =>
    blocked.has(productId) ||
    (allowed !== undefined && !allowed.has(productId));
}
