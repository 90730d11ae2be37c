import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  PermissionCondition,
  PermissionCriteria,
  createPermission,
} from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';

/** Read cost, license and onboarding data of catalog entities. @public */
export const finopsItamReadPermission = createPermission({
  name: 'finops-itam.read',
  attributes: { action: 'read' },
});

/** The catalog's resource type: cost is read per catalog entity. */
const CATALOG_ENTITY_RESOURCE_TYPE = RESOURCE_TYPE_CATALOG_ENTITY;

/**
 * Read the cost of one catalog entity (`GET /entities/:kind/:namespace/:name/cost`),
 * authorized with the entity ref as `resourceRef`.
 *
 * A resource permission on catalog entities, so policies can answer with the catalog's
 * conditions, which the permission backend evaluates in the catalog. To let users read the
 * cost of the entities they own:
 *
 * ```ts
 * import { catalogConditions, createCatalogConditionalDecision } from '@backstage/plugin-catalog-backend/alpha';
 *
 * if (isPermission(request.permission, finopsItamCostReadPermission)) {
 *   return createCatalogConditionalDecision(
 *     request.permission,
 *     catalogConditions.isEntityOwner({ claims: user?.identity.ownershipEntityRefs ?? [] }),
 *   );
 * }
 * ```
 *
 * `finopsItamCostConditions` builds the same conditions without that import.
 *
 * @public
 */
export const finopsItamCostReadPermission = createPermission({
  name: 'finops-itam.cost.read',
  attributes: { action: 'read' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Conditions on `finops-itam.cost.read` for policy authors, with the catalog's rule names so
 * the catalog can evaluate them. Wrap them with `createCatalogConditionalDecision` or
 * `finopsItamCostConditionalDecision`.
 *
 * @public
 */
export const finopsItamCostConditions = {
  /** The entity is owned by one of `claims` (typically the user's ownership entity refs). */
  isEntityOwner(params: {
    claims: string[];
  }): PermissionCondition<typeof RESOURCE_TYPE_CATALOG_ENTITY> {
    return {
      rule: 'IS_ENTITY_OWNER',
      resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
      params: { claims: params.claims },
    };
  },
  /** The entity is of one of `kinds` (compared case-insensitively). */
  isEntityKind(params: {
    kinds: string[];
  }): PermissionCondition<typeof RESOURCE_TYPE_CATALOG_ENTITY> {
    return {
      rule: 'IS_ENTITY_KIND',
      resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
      params: { kinds: params.kinds },
    };
  },
};

/**
 * A conditional decision on `finops-itam.cost.read`, evaluated by the catalog, which owns
 * the `catalog-entity` resource type (equivalent to the catalog's
 * `createCatalogConditionalDecision`).
 *
 * @public
 */
export function finopsItamCostConditionalDecision(
  conditions: PermissionCriteria<
    PermissionCondition<typeof RESOURCE_TYPE_CATALOG_ENTITY>
  >,
): ConditionalPolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
    conditions,
  };
}

/** Start a cost ingestion (file upload or source refresh). @public */
export const finopsItamIngestionRunPermission = createPermission({
  name: 'finops-itam.ingestion.run',
  attributes: { action: 'create' },
});

/** Create, update or delete license entitlements. @public */
export const finopsItamLicenseManagePermission = createPermission({
  name: 'finops-itam.license.manage',
  attributes: { action: 'update' },
});

/** Write business metric values used for unit cost. @public */
export const finopsItamMetricsWritePermission = createPermission({
  name: 'finops-itam.metrics.write',
  attributes: { action: 'update' },
});

/** File an onboarding request or update an open one (form, API or scaffolder action). @public */
export const finopsItamOnboardingCreatePermission = createPermission({
  name: 'finops-itam.onboarding.create',
  attributes: { action: 'create' },
});

/** Approve, reject or ask for changes to onboarding requests (ITAM and FinOps reviewers). @public */
export const finopsItamOnboardingReviewPermission = createPermission({
  name: 'finops-itam.onboarding.review',
  attributes: { action: 'update' },
});

/** Create, replace or delete budgets through `PUT /budgets` and `DELETE /budgets/:id`. @public */
export const finopsItamBudgetManagePermission = createPermission({
  name: 'finops-itam.budget.manage',
  attributes: { action: 'update' },
});

/** Acknowledge, resolve or reopen cost and license anomalies (`POST /anomalies/:id/status`). @public */
export const finopsItamAnomalyManagePermission = createPermission({
  name: 'finops-itam.anomaly.manage',
  attributes: { action: 'update' },
});

/** All permissions of the finops-itam plugin, for registration and policies. @public */
export const finopsItamPermissions = [
  finopsItamReadPermission,
  finopsItamCostReadPermission,
  finopsItamIngestionRunPermission,
  finopsItamLicenseManagePermission,
  finopsItamMetricsWritePermission,
  finopsItamOnboardingCreatePermission,
  finopsItamOnboardingReviewPermission,
  finopsItamBudgetManagePermission,
  finopsItamAnomalyManagePermission,
];
