import type { AllocationAssignment, AllocationRuleKind } from './types';

/** How strongly one entity claims a row at one precedence level. */
export interface CandidateScore {
  specificity: number;
  /**
   * Compared element by element, higher first, only between equal specificities. It picks
   * a winner among tied entities without hiding the tie, which is still reported.
   */
  tieBreak: readonly number[];
}

/** Entity ref → its strongest claim on the row at one level. */
export type Candidates = Map<string, CandidateScore>;

/** Positive when `a` is the stronger claim, negative when `b` is, 0 when equal. */
export function compareScores(a: CandidateScore, b: CandidateScore): number {
  if (a.specificity !== b.specificity) {
    return a.specificity - b.specificity;
  }
  const length = Math.max(a.tieBreak.length, b.tieBreak.length);
  for (let i = 0; i < length; i++) {
    const diff = (a.tieBreak[i] ?? 0) - (b.tieBreak[i] ?? 0);
    if (diff !== 0) {
      return diff;
    }
  }
  return 0;
}

/** Records `score` for `entityRef` unless the entity already has a stronger claim. */
export function keepStrongest(
  candidates: Candidates,
  entityRef: string,
  score: CandidateScore,
): void {
  const current = candidates.get(entityRef);
  if (current === undefined || compareScores(score, current) > 0) {
    candidates.set(entityRef, score);
  }
}

// Code-unit order rather than localeCompare: the outcome must not depend on the host locale.
function byRef(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/**
 * Chooses the owner among the entities that matched at one level: the highest specificity
 * wins; equal specificities are a conflict, decided by the tie-break and then by the
 * smallest entity ref, so the outcome never depends on the order entities were read in.
 */
export function pickAssignment(
  rule: AllocationRuleKind,
  candidates: Candidates,
): AllocationAssignment | undefined {
  let best: CandidateScore | undefined;
  for (const score of candidates.values()) {
    if (best === undefined || score.specificity > best.specificity) {
      best = score;
    }
  }
  if (best === undefined) {
    return undefined;
  }
  const specificity = best.specificity;
  const tied = [...candidates].filter(
    ([, score]) => score.specificity === specificity,
  );
  tied.sort(([refA, a], [refB, b]) => compareScores(b, a) || byRef(refA, refB));
  const entityRef = tied[0][0];
  if (tied.length === 1) {
    return Object.freeze({ entityRef, rule, specificity });
  }
  const refs = tied.map(([ref]) => ref).sort(byRef);
  return Object.freeze({
    entityRef,
    rule,
    specificity,
    conflict: Object.freeze({ candidates: Object.freeze(refs) }),
  });
}
