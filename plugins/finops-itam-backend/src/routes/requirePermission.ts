import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { CatalogService, EntitiesSearchFilter } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
  PermissionCondition,
  PermissionCriteria,
  PermissionRuleParams,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionRule,
  createConditionAuthorizer,
} from '@backstage/plugin-permission-node';
import { Request } from 'express';

/** The catalog entity a resource permission is checked on. */
export interface EntityResource {
  /** The stringified entity ref, sent to the permission framework as `resourceRef`. */
  resourceRef: string;
  /** The 403 message when the caller may not act on this entity. */
  deniedMessage: string;
}

/**
 * Checks that the caller of a request holds a permission; throws 401/403 otherwise.
 * Permissions on catalog entities take the entity as well.
 */
export type RequirePermission = {
  (req: Request, permission: BasicPermission): Promise<BackstageCredentials>;
  (
    req: Request,
    permission: ResourcePermission<'catalog-entity'>,
    entity: EntityResource,
  ): Promise<BackstageCredentials>;
};

/** A rule over catalog entities, as `createPermissionRule` with the catalog's resource ref makes. */
type EntityRule<TParams extends PermissionRuleParams> = PermissionRule<
  Entity,
  EntitiesSearchFilter,
  'catalog-entity',
  TParams
>;

/**
 * The catalog rules that conditional decisions on `finops-itam.cost.read` are evaluated with
 * here, named and shaped like the catalog's own (`catalogConditions.isEntityOwner`, ...):
 * `@backstage/plugin-catalog-backend`, which exports those, is not a dependency of this plugin.
 */
const isEntityOwner: EntityRule<{ claims: string[] }> = {
  name: 'IS_ENTITY_OWNER',
  description: 'Allow entities owned by a specified claim',
  resourceType: 'catalog-entity',
  apply: (entity, { claims }) =>
    (entity.relations ?? []).some(
      relation =>
        relation.type === RELATION_OWNED_BY && (claims ?? []).includes(relation.targetRef),
    ),
  toQuery: ({ claims }) => ({ key: 'relations.ownedBy', values: claims }),
};

const isEntityKind: EntityRule<{ kinds: string[] }> = {
  name: 'IS_ENTITY_KIND',
  description: 'Allow entities matching a specified kind',
  resourceType: 'catalog-entity',
  apply: (entity, { kinds }) =>
    (kinds ?? []).some(kind => kind.toLowerCase() === entity.kind.toLowerCase()),
  toQuery: ({ kinds }) => ({ key: 'kind', values: kinds.map(kind => kind.toLowerCase()) }),
};

export const entityPermissionRules = { isEntityOwner, isEntityKind };

const rulesByName = new Map<string, PermissionRule<Entity, unknown, 'catalog-entity'>>(
  Object.values(entityPermissionRules).map(rule => [rule.name, rule as any]),
);

const authorizeEntity = createConditionAuthorizer<Entity>({
  getRuleByName(name) {
    const rule = rulesByName.get(name);
    if (!rule) {
      throw new Error(`Unknown permission rule ${name} for catalog entities`);
    }
    return rule as PermissionRule<Entity, unknown, string>;
  },
});

/**
 * Users need the permission granted by the permission policy. Service principals (other
 * plugins, and scripts with the static token of Backstage external access) are decided by
 * the permissions service too: it allows them unless their access restrictions exclude
 * the permission, so a token limited to `finops-itam.read` cannot upload.
 *
 * Permissions on a catalog entity are authorized with the entity ref as `resourceRef`. The
 * permission backend evaluates a policy's conditions in the plugin that owns the resource
 * type (the catalog, for `createCatalogConditionalDecision`) and answers ALLOW or DENY. A
 * permissions service that hands back the CONDITIONAL decision instead gets it applied here:
 * the entity is loaded from the catalog and matched against the catalog rules above. Rules
 * this plugin does not know, or an entity that cannot be loaded, deny.
 */
export function createRequirePermission(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog?: Pick<CatalogService, 'getEntityByRef'>;
  auth?: Pick<AuthService, 'getOwnServiceCredentials'>;
  logger?: Pick<LoggerService, 'warn'>;
}): RequirePermission {
  async function conditionsHold(
    resourceRef: string,
    conditions: PermissionCriteria<PermissionCondition>,
  ): Promise<boolean> {
    if (!deps.catalog || !deps.auth) {
      return false;
    }
    try {
      const entity = await deps.catalog.getEntityByRef(resourceRef, {
        credentials: await deps.auth.getOwnServiceCredentials(),
      });
      return authorizeEntity(
        {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions,
        },
        entity,
      );
    } catch (error) {
      deps.logger?.warn(
        `Denied a conditional decision on ${resourceRef} that could not be applied: ${error}`,
      );
      return false;
    }
  }

  const requirePermission = async (
    req: Request,
    permission: BasicPermission | ResourcePermission<'catalog-entity'>,
    entity?: EntityResource,
  ): Promise<BackstageCredentials> => {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (permission.type === 'resource') {
      if (!entity) {
        throw new Error(`${permission.name} is checked on an entity`);
      }
      const [decision] = await deps.permissions.authorize(
        [{ permission, resourceRef: entity.resourceRef }],
        { credentials },
      );
      // The type says definitive, but a permissions service may return the policy's answer.
      const answer = decision as unknown as {
        result: AuthorizeResult;
        conditions?: PermissionCriteria<PermissionCondition>;
      };
      const allowed =
        answer.result === AuthorizeResult.ALLOW ||
        (answer.result === AuthorizeResult.CONDITIONAL &&
          answer.conditions !== undefined &&
          (await conditionsHold(entity.resourceRef, answer.conditions)));
      if (!allowed) {
        throw new NotAllowedError(entity.deniedMessage);
      }
      return credentials;
    }
    const [decision] = await deps.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`This needs the ${permission.name} permission`);
    }
    return credentials;
  };
  return requirePermission as RequirePermission;
}
