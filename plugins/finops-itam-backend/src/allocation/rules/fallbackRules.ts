import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { z } from 'zod';
import { Candidates, keepStrongest } from './candidates';
import type { FactTags } from './factTags';
import type { AllocationFallbackRule } from './types';

/** Shape of one fallback rule in app-config, for whoever reads the config. */
export const allocationFallbackRuleSchema = z.object({
  tag: z.string().trim().min(1),
  entityKind: z.string().trim().min(1),
  namespace: z.string().trim().min(1).optional(),
});

/**
 * Validates fallback rules, throwing on the first invalid one: a broken org-wide rule
 * would leave whole teams unallocated, which is worth failing loudly for at startup.
 */
export function readAllocationFallbackRules(
  rules: readonly unknown[],
): AllocationFallbackRule[] {
  return rules.map((rule, i) => {
    const result = allocationFallbackRuleSchema.safeParse(rule);
    if (!result.success) {
      const issues = result.error.issues
        .map(issue => `${issue.path.join('.') || 'rule'}: ${issue.message}`)
        .join('; ');
      throw new Error(`Invalid allocation fallback rule ${i + 1}: ${issues}`);
    }
    return result.data;
  });
}

/** An entity that fallback rules may name; every field lowercase, as in entity refs. */
export interface FallbackTarget {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
}

interface CompiledFallbackRule {
  tagKey: string;
  /** Entity name → entity ref, for entities of the rule's kind and namespace. */
  targets: Map<string, string>;
}

/**
 * Org-wide rules from app-config, tried after every entity rule. Only entities that exist
 * are targets, so a typo in a tag value leaves the row unallocated (and visible) rather
 * than assigned to a ref nobody can open.
 */
export class FallbackIndex {
  private readonly rules: CompiledFallbackRule[];

  constructor(
    rules: readonly AllocationFallbackRule[],
    entities: readonly FallbackTarget[],
  ) {
    this.rules = readAllocationFallbackRules(rules).map(rule => {
      const kind = rule.entityKind.toLowerCase();
      const namespace = (rule.namespace ?? DEFAULT_NAMESPACE).toLowerCase();
      const targets = new Map<string, string>();
      for (const entity of entities) {
        if (entity.kind === kind && entity.namespace === namespace) {
          targets.set(entity.name, entity.entityRef);
        }
      }
      return { tagKey: rule.tag.toLowerCase(), targets };
    });
  }

  /**
   * Adds the entities the row's tags name to `candidates`. Earlier rules score higher, so
   * the order in app-config is the precedence between rules.
   */
  collect(tags: FactTags, candidates: Candidates): void {
    this.rules.forEach((rule, i) => {
      const values = tags.get(rule.tagKey);
      if (values === undefined) {
        return;
      }
      const score = { specificity: this.rules.length - i, tieBreak: [] };
      for (const value of values) {
        const ref = rule.targets.get(value.toLowerCase());
        if (ref !== undefined) {
          keepStrongest(candidates, ref, score);
        }
      }
    });
  }
}
