import type { CostFact } from '../../database/CostStore';

/**
 * The fields of a stored cost fact that decide its owner. Taking a `Pick` lets callers pass
 * whole `CostFact` rows without copying them.
 */
export type AllocationFact = Pick<
  CostFact,
  'resourceId' | 'resourceName' | 'subAccountId' | 'billingAccountId' | 'tags'
>;

/** Precedence levels, strongest first: a row is decided by the first level that matches. */
export type AllocationRuleKind = 'resource' | 'tags' | 'account' | 'fallback';

/**
 * Where one cost row goes and why. One object is shared by every row that the caches
 * answer alike, so it is frozen.
 */
export interface AllocationAssignment {
  /** Lowercase stringified entity ref, the join key used across the plugin. */
  readonly entityRef: string;
  readonly rule: AllocationRuleKind;
  /**
   * Higher beats lower within `rule`:
   * - `resource`: characters of the matching pattern other than `*`;
   * - `tags`: number of `key=value` pairs of the matching selector;
   * - `account`: 2 for a sub-account id, 1 for a billing-account id;
   * - `fallback`: rules earlier in config score higher (count of rules minus position).
   */
  readonly specificity: number;
  /**
   * Present when several entities matched at the same rule and specificity: the row still
   * goes to `entityRef`, chosen by a fixed tie-break, but owners should fix their rules.
   */
  readonly conflict?: { readonly candidates: readonly string[] };
}

/**
 * An org-wide rule from app-config: a row whose tag `tag` names an existing entity of
 * `entityKind` in `namespace` goes to it, e.g. tag `team=payments` → `group:default/payments`.
 */
export interface AllocationFallbackRule {
  tag: string;
  entityKind: string;
  /** Defaults to `default`. */
  namespace?: string;
}

/** A malformed or misplaced annotation that allocation ignored. */
export interface AllocationRuleProblem {
  entityRef: string;
  /** The annotation key. */
  annotation: string;
  message: string;
}

/** Options of {@link compileAllocationRules}. */
export interface CompileAllocationRulesOptions {
  /**
   * Entries kept by each of the per-level caches (resources, tag sets, accounts); a full
   * cache keeps what it has and stops growing, so memory stays bounded however many
   * distinct resources a run sees. Defaults to 200,000; 0 turns caching off.
   */
  cacheSize?: number;
}

/**
 * Entity allocation rules compiled into indexes. `assign` answers from the fact alone, the
 * same way every time, and is cheap per row.
 */
export interface AllocationRules {
  /** The owner of a cost row, or undefined when no rule matches (unallocated). */
  assign(fact: AllocationFact): AllocationAssignment | undefined;
  /**
   * The owner of the row's sub-account or billing account (`cost-accounts`) alone, for
   * rows that belong to whoever bought something in that account (unused commitments).
   */
  assignByAccount(fact: AllocationFact): AllocationAssignment | undefined;
  /** Annotations that were ignored, in entity ref then annotation order. */
  readonly problems: readonly AllocationRuleProblem[];
}
