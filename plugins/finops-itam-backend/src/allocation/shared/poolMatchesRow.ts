import { SharedCostPool } from './sharedPoolConfig';

/** The fields of a daily cost fact that decide which shared-cost pool it belongs to. @public */
export interface PoolRow {
  /** Tags as stored (keys trimmed by ingestion, but matched robustly anyway). */
  tags: Readonly<Record<string, string>> | null;
  subAccountId: string | null;
  billingAccountId: string;
  serviceName: string | null;
  chargeCategory: string;
}

function rowTagValues(tags: PoolRow['tags']): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tags ?? {})) {
    const normalized = key.trim().toLowerCase();
    // Two keys differing only in case both count: either may carry the matching value.
    byKey.set(normalized, [
      ...(byKey.get(normalized) ?? []),
      String(value).trim(),
    ]);
  }
  return byKey;
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * True when the row belongs to the pool: it matches every criterion the pool gives.
 * Tag keys are compared trimmed and case-insensitively and values trimmed and exactly (as
 * for the cost-tags annotation), a list of values being alternatives. Accounts match the
 * sub-account or the billing account id exactly; service names and charge categories
 * are compared trimmed and case-insensitively, since exports differ in casing.
 * @public
 */
export function poolMatchesRow(
  pool: Pick<SharedCostPool, 'rows'>,
  row: PoolRow,
): boolean {
  const { tags, accounts, services, chargeCategories } = pool.rows;
  if (
    chargeCategories &&
    !chargeCategories.some(c => sameText(c, row.chargeCategory))
  ) {
    return false;
  }
  if (accounts) {
    const ids = [row.subAccountId, row.billingAccountId].map(id => id?.trim());
    if (!accounts.some(account => ids.includes(account))) {
      return false;
    }
  }
  if (services) {
    const name = row.serviceName;
    if (name === null || !services.some(s => sameText(s, name))) {
      return false;
    }
  }
  if (tags) {
    const values = rowTagValues(row.tags);
    for (const [key, accepted] of Object.entries(tags)) {
      if (!(values.get(key) ?? []).some(value => accepted.includes(value))) {
        return false;
      }
    }
  }
  return true;
}

/**
 * The pool a row belongs to when pools overlap: the first matching one in config order, so
 * a row is shared once and the author controls precedence by ordering the pools.
 * @public
 */
export function findPoolForRow<T extends Pick<SharedCostPool, 'rows'>>(
  pools: readonly T[],
  row: PoolRow,
): T | undefined {
  return pools.find(pool => poolMatchesRow(pool, row));
}
