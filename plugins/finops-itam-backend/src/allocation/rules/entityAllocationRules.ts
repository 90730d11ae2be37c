import {
  DEFAULT_NAMESPACE,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_COST_ACCOUNTS,
  ANNOTATION_COST_INSIGHTS_TAGS,
  ANNOTATION_COST_RESOURCES,
  ANNOTATION_COST_TAGS,
  CostTagSelector,
  FINOPS_ITAM_ANNOTATIONS,
  FINOPS_ITAM_ANNOTATION_PREFIX,
  parseFinopsItamAnnotations,
} from '@finops-itam/plugin-finops-itam-common';
import type { AllocationRuleProblem } from './types';

/** What one entity declares about the costs it owns. */
export interface EntityAllocationRules {
  /** Lowercase, like every field identifying the entity here. */
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  costTags?: readonly CostTagSelector[];
  costResources?: readonly string[];
  costAccounts?: readonly string[];
}

const ALLOCATION_ANNOTATIONS: readonly string[] = [
  ANNOTATION_COST_TAGS,
  ANNOTATION_COST_INSIGHTS_TAGS,
  ANNOTATION_COST_RESOURCES,
  ANNOTATION_COST_ACCOUNTS,
];
const KNOWN_ANNOTATIONS: ReadonlySet<string> = new Set(FINOPS_ITAM_ANNOTATIONS);

/** The kinds the allocation annotations are documented for. */
const ALLOCATABLE_KINDS: ReadonlySet<string> = new Set([
  'component',
  'resource',
  'system',
  'group',
]);

/**
 * Whether an annotation's problem changes allocation: the allocation annotations, and
 * unknown `finops-itam.io/` keys, which are most likely a misspelt allocation key.
 */
function concernsAllocation(annotation: string): boolean {
  return (
    ALLOCATION_ANNOTATIONS.includes(annotation) ||
    (annotation.startsWith(FINOPS_ITAM_ANNOTATION_PREFIX) &&
      !KNOWN_ANNOTATIONS.has(annotation))
  );
}

/**
 * Reads an entity's allocation annotations with the shared parsers. A malformed annotation
 * is left out and returned as a problem (the catalog module shows the same message on the
 * entity); the entity's other, valid annotations still apply, so one typo in the tags does
 * not also drop the costs its resource patterns or accounts claim.
 */
export function readEntityAllocationRules(entity: Entity): {
  rules: EntityAllocationRules;
  problems: AllocationRuleProblem[];
} {
  const entityRef = stringifyEntityRef(entity);
  const rules: EntityAllocationRules = {
    entityRef,
    kind: entity.kind.toLowerCase(),
    namespace: (entity.metadata.namespace ?? DEFAULT_NAMESPACE).toLowerCase(),
    name: entity.metadata.name.toLowerCase(),
  };
  const annotations = entity.metadata.annotations ?? {};
  const problems: AllocationRuleProblem[] = [];

  if (!ALLOCATABLE_KINDS.has(rules.kind)) {
    for (const annotation of ALLOCATION_ANNOTATIONS) {
      if (annotations[annotation] !== undefined) {
        problems.push({
          entityRef,
          annotation,
          message: `is not read on ${entity.kind} entities: put it on a Component, Resource, System or Group`,
        });
      }
    }
    return { rules, problems };
  }

  const { value, errors } = parseFinopsItamAnnotations(annotations);
  for (const [annotation, messages] of Object.entries(errors)) {
    if (concernsAllocation(annotation)) {
      for (const message of messages) {
        problems.push({ entityRef, annotation, message });
      }
    }
  }
  rules.costTags = value.costTags;
  rules.costResources = value.costResources;
  rules.costAccounts = value.costAccounts;
  return { rules, problems };
}
