import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_COST_ACCOUNTS,
  ANNOTATION_COST_INSIGHTS_TAGS,
  ANNOTATION_COST_RESOURCES,
  ANNOTATION_COST_TAGS,
  ANNOTATION_LICENSES,
  LicenseRequirement,
  ParseResult,
  parseCostAccountsAnnotation,
  parseCostResourcesAnnotation,
  parseCostTagsAnnotation,
  parseLicensesAnnotation,
} from '@finops-itam/plugin-finops-itam-common';

/** One annotation on an entity that tells the backend which cost rows belong to it. */
export type CostMapping = {
  annotation: string;
  /** What the annotation matches, in words a reader understands. */
  description: string;
  /** The value exactly as written on the entity. */
  value: string;
  /** Why the backend will not use this annotation, if it will not. */
  unusedBecause?: string;
};

const COST_MAPPING_ANNOTATIONS: Array<{
  annotation: string;
  description: string;
  parse: (value: string) => ParseResult<unknown>;
}> = [
  {
    annotation: ANNOTATION_COST_TAGS,
    description: 'cost rows with these tags',
    parse: parseCostTagsAnnotation,
  },
  {
    annotation: ANNOTATION_COST_INSIGHTS_TAGS,
    description: 'cost rows with these tags (Cost Insights alias)',
    parse: parseCostTagsAnnotation,
  },
  {
    annotation: ANNOTATION_COST_RESOURCES,
    description: 'resources whose id or name matches these patterns',
    parse: parseCostResourcesAnnotation,
  },
  {
    annotation: ANNOTATION_COST_ACCOUNTS,
    description: 'everything billed to these accounts',
    parse: parseCostAccountsAnnotation,
  },
];

/**
 * The cost-mapping annotations an entity declares, validated with the same parsers the
 * backend and the catalog module use, so the tab never promises a mapping that will be
 * ignored.
 */
export function getCostMappings(entity: Entity): CostMapping[] {
  const annotations = entity.metadata.annotations ?? {};
  return COST_MAPPING_ANNOTATIONS.flatMap(
    ({ annotation, description, parse }) => {
      const value = annotations[annotation];
      if (value === undefined) {
        return [];
      }
      const result = parse(value);
      let unusedBecause: string | undefined;
      if (!result.ok) {
        unusedBecause = `ignored until fixed: ${result.errors.join('; ')}`;
      } else if (
        annotation === ANNOTATION_COST_INSIGHTS_TAGS &&
        annotations[ANNOTATION_COST_TAGS] !== undefined
      ) {
        unusedBecause = `not used: ${ANNOTATION_COST_TAGS} takes precedence`;
      }
      return [{ annotation, description, value, unusedBecause }];
    },
  );
}

/** What an entity declares in `finops-itam.io/licenses`, if anything. */
export type DeclaredLicenses =
  | { declared: false }
  | { declared: true; licenses: LicenseRequirement[] }
  | { declared: true; errors: string[] };

/** Reads `finops-itam.io/licenses` with the parser the backend and catalog module use. */
export function getDeclaredLicenses(entity: Entity): DeclaredLicenses {
  const value = entity.metadata.annotations?.[ANNOTATION_LICENSES];
  if (value === undefined) {
    return { declared: false };
  }
  const result = parseLicensesAnnotation(value);
  return result.ok
    ? { declared: true, licenses: result.value }
    : { declared: true, errors: result.errors };
}
