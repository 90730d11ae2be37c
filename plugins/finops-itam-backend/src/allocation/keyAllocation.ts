import type {
  AllocationValues,
  StoredAllocationKey,
} from '../database/AllocationKeyStore';
import type { ConflictCollector } from './ConflictCollector';
import type { AllocationRules } from './rules';
import { PoolRow, SharedCostPool, findPoolForRow } from './shared';

/*
 * How one allocation key is decided: unused commitment, shared pool, or entity rule.
 * Pure apart from the caches, so a run calls it for every key of the bill.
 */

/** `allocation_rule` of unused commitment rows given to the buying account's owner. */
export const UNUSED_COMMITMENT_RULE = 'unused-commitment';
const POOL_CACHE_SIZE = 200_000;

/** What a key has before any run decided it. */
export const UNALLOCATED: AllocationValues = {
  allocatedEntityRef: null,
  allocationRule: null,
  sharedPoolId: null,
};

function parseTags(text: string | null): PoolRow['tags'] {
  if (text === null) {
    return null;
  }
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

/** Whether a key's stored allocation is `values`. */
export function sameValues(key: StoredAllocationKey, values: AllocationValues) {
  return (
    key.allocatedEntityRef === values.allocatedEntityRef &&
    key.allocationRule === values.allocationRule &&
    key.sharedPoolId === values.sharedPoolId
  );
}

/** The pool of a key, cached on the fields pools read. */
export function createPoolMatcher(
  pools: readonly SharedCostPool[],
): (key: StoredAllocationKey) => string | null {
  const cache = new Map<string, string | null>();
  const tagCache = new Map<string, PoolRow['tags']>();
  return key => {
    if (pools.length === 0) {
      return null;
    }
    const cacheKey = [
      key.tags,
      key.subAccountId,
      key.billingAccountId,
      key.serviceName,
      key.chargeCategory,
    ].join('\u0000');
    const cached = cache.get(cacheKey);
    if (cached !== undefined) {
      return cached;
    }
    let tags = key.tags === null ? null : tagCache.get(key.tags);
    if (tags === undefined) {
      tags = parseTags(key.tags);
      if (tagCache.size >= POOL_CACHE_SIZE) tagCache.clear();
      tagCache.set(key.tags!, tags);
    }
    const pool = findPoolForRow(pools, {
      tags,
      subAccountId: key.subAccountId,
      billingAccountId: key.billingAccountId,
      serviceName: key.serviceName,
      chargeCategory: key.chargeCategory,
    });
    if (cache.size >= POOL_CACHE_SIZE) cache.clear();
    cache.set(cacheKey, pool?.id ?? null);
    return pool?.id ?? null;
  };
}

/** FOCUS marks the unused part of a commitment (savings plan, reservation) this way. */
const isUnusedCommitment = (key: StoredAllocationKey) =>
  key.commitmentDiscountStatus?.toLowerCase() === 'unused';

/**
 * Unused commitment cost first: it goes to the configured pool, else to the owner of the
 * account that bought the commitment (its `cost-accounts` owner; tags and resource patterns
 * are not asked, since the row describes the purchase, not a workload). Unowned, it stays
 * unallocated and visible. Then a pool claims a row before any entity: shared costs are
 * split, not owned.
 */
export function allocationOf(
  fact: StoredAllocationKey,
  rules: AllocationRules,
  poolOf: (key: StoredAllocationKey) => string | null,
  conflicts: ConflictCollector,
  unusedCommitmentPool: string | undefined,
): AllocationValues {
  if (isUnusedCommitment(fact)) {
    if (unusedCommitmentPool !== undefined) {
      return {
        allocatedEntityRef: null,
        allocationRule: null,
        sharedPoolId: unusedCommitmentPool,
      };
    }
    const owner = rules.assignByAccount(fact);
    if (owner?.conflict) {
      conflicts.add(
        fact,
        owner.entityRef,
        UNUSED_COMMITMENT_RULE,
        owner.conflict.candidates,
      );
    }
    return {
      allocatedEntityRef: owner?.entityRef ?? null,
      allocationRule: owner ? UNUSED_COMMITMENT_RULE : null,
      sharedPoolId: null,
    };
  }
  const poolId = poolOf(fact);
  if (poolId !== null) {
    return {
      allocatedEntityRef: null,
      allocationRule: null,
      sharedPoolId: poolId,
    };
  }
  const assignment = rules.assign(fact);
  if (assignment?.conflict) {
    conflicts.add(
      fact,
      assignment.entityRef,
      assignment.rule,
      assignment.conflict.candidates,
    );
  }
  return {
    allocatedEntityRef: assignment?.entityRef ?? null,
    allocationRule: assignment?.rule ?? null,
    sharedPoolId: null,
  };
}
