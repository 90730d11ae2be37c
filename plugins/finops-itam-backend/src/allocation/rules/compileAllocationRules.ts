import type { Entity } from '@backstage/catalog-model';
import { AccountIndex, AccountRule } from './accountIndex';
import { BoundedCache } from './boundedCache';
import { Candidates, pickAssignment } from './candidates';
import { readEntityAllocationRules } from './entityAllocationRules';
import { accountKey, resourceKey } from './cacheKeys';
import { readFactTags } from './factTags';
import { FallbackIndex, FallbackTarget } from './fallbackRules';
import {
  ResourcePatternIndex,
  ResourcePatternRule,
} from './resourcePatternIndex';
import { TagSelectorIndex, TagSelectorRule } from './tagSelectorIndex';
import type {
  AllocationAssignment,
  AllocationFact,
  AllocationFallbackRule,
  AllocationRuleProblem,
  AllocationRules,
  CompileAllocationRulesOptions,
} from './types';

const DEFAULT_CACHE_SIZE = 200_000;

/** What the tags decide for a row, for when no resource pattern claims it. */
interface TagsOutcome {
  tags: AllocationAssignment | null;
  fallback: AllocationAssignment | null;
}

function byRefThenAnnotation(
  a: AllocationRuleProblem,
  b: AllocationRuleProblem,
): number {
  if (a.entityRef !== b.entityRef) {
    return a.entityRef < b.entityRef ? -1 : 1;
  }
  if (a.annotation !== b.annotation) {
    return a.annotation < b.annotation ? -1 : 1;
  }
  return 0;
}

/**
 * Compiles the allocation annotations of catalog entities and the org-wide fallback rules
 * into indexes, so that finding the owner of a cost row never walks the entity list.
 *
 * A row goes to at most one entity. Precedence: a `cost-resources` pattern matching the
 * row's ResourceId or ResourceName, then a `cost-tags` selector whose pairs all match
 * (more pairs first), then `cost-accounts` (sub-account before billing account), then the
 * fallback rules in config order. Within a level, the most specific claim wins; equally
 * specific claims are a conflict, decided the same way whatever order entities came in.
 *
 * Throws when a fallback rule is invalid, since that is a configuration error.
 */
export function compileAllocationRules(
  entities: Iterable<Entity>,
  fallbackRules: readonly AllocationFallbackRule[] = [],
  options: CompileAllocationRulesOptions = {},
): AllocationRules {
  const problems: AllocationRuleProblem[] = [];
  const resourceRules: ResourcePatternRule[] = [];
  const tagRules: TagSelectorRule[] = [];
  const accountRules: AccountRule[] = [];
  const targets: FallbackTarget[] = [];

  for (const entity of entities) {
    const read = readEntityAllocationRules(entity);
    problems.push(...read.problems);
    const { entityRef, kind, namespace, name } = read.rules;
    targets.push({ entityRef, kind, namespace, name });
    for (const pattern of read.rules.costResources ?? []) {
      resourceRules.push({ entityRef, pattern });
    }
    if (read.rules.costTags) {
      tagRules.push({ entityRef, selector: read.rules.costTags });
    }
    for (const accountId of read.rules.costAccounts ?? []) {
      accountRules.push({ entityRef, accountId });
    }
  }
  // Sorted so that callers logging problems see the same list for the same catalog.
  problems.sort(byRefThenAnnotation);

  const resources = new ResourcePatternIndex(resourceRules);
  const tagSelectors = new TagSelectorIndex(tagRules);
  const accounts = new AccountIndex(accountRules);
  const fallback = new FallbackIndex(fallbackRules, targets);

  // Each level is cached on the fields it reads, as most rows repeat a resource, a tag
  // set or an account seen before. Per level rather than per whole row: rows of distinct
  // resources still share tag sets and accounts, and the keys stay short.
  const cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
  // null records "no match", so that a miss and a cached miss can be told apart.
  const byResource = new BoundedCache<string, AllocationAssignment | null>(
    cacheSize,
  );
  const byTags = new BoundedCache<string, TagsOutcome>(cacheSize);
  const byAccount = new BoundedCache<string, AllocationAssignment | null>(
    cacheSize,
  );

  function resourceLevel(fact: AllocationFact) {
    const key = resourceKey(fact.resourceId, fact.resourceName);
    const cached = byResource.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const candidates: Candidates = new Map();
    if (fact.resourceId) {
      resources.collect(fact.resourceId, candidates);
    }
    if (fact.resourceName) {
      resources.collect(fact.resourceName, candidates);
    }
    const assignment = pickAssignment('resource', candidates) ?? null;
    byResource.set(key, assignment);
    return assignment;
  }

  function tagsLevels(tagsText: string | null): TagsOutcome {
    const key = tagsText ?? '';
    const cached = byTags.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const tags = readFactTags(tagsText);
    const tagCandidates: Candidates = new Map();
    tagSelectors.collect(tags, tagCandidates);
    const fallbackCandidates: Candidates = new Map();
    fallback.collect(tags, fallbackCandidates);
    const outcome = {
      tags: pickAssignment('tags', tagCandidates) ?? null,
      fallback: pickAssignment('fallback', fallbackCandidates) ?? null,
    };
    byTags.set(key, outcome);
    return outcome;
  }

  function accountLevel(fact: AllocationFact) {
    const key = accountKey(fact.subAccountId, fact.billingAccountId);
    const cached = byAccount.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const candidates: Candidates = new Map();
    accounts.collect(fact.subAccountId, fact.billingAccountId, candidates);
    const assignment = pickAssignment('account', candidates) ?? null;
    byAccount.set(key, assignment);
    return assignment;
  }

  return {
    problems,
    assign(fact) {
      const byPattern = resourceLevel(fact);
      if (byPattern) {
        return byPattern;
      }
      // Fallback rules read tags too, so one tags lookup serves both levels.
      const tagged = tagsLevels(fact.tags);
      return tagged.tags ?? accountLevel(fact) ?? tagged.fallback ?? undefined;
    },
    assignByAccount(fact) {
      return accountLevel(fact) ?? undefined;
    },
  };
}
