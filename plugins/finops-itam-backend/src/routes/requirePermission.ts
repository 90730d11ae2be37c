import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  CatalogService,
  EntitiesSearchFilter,
} from '@backstage/plugin-catalog-node';
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

/** How long a user's permission decision is reused (milliseconds). */
export const DEFAULT_DECISION_TTL_MS = 5_000;

/** Decisions held at most; the oldest are dropped first. */
const MAX_DECISIONS = 10_000;

/**
 * Whose decision, on what. Only users are cached: service principals are decided by the
 * permissions service in process from their token's access restrictions (no round trip),
 * and two tokens of one service may carry different restrictions. A user acting through a
 * service (`actor`) is a separate key.
 */
function decisionKey(
  credentials: BackstageCredentials,
  permissionName: string,
  resourceRef?: string,
): string | undefined {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    actor?: { subject: string };
  };
  if (principal.type !== 'user' || !principal.userEntityRef) {
    return undefined;
  }
  return JSON.stringify([
    principal.userEntityRef,
    principal.actor?.subject ?? null,
    permissionName,
    resourceRef ?? null,
  ]);
}

/**
 * Allow/deny answers per key for `ttlMs`. Concurrent checks of one key share a single
 * `authorize` call; a failed call (permission backend down) is not remembered.
 */
export class DecisionCache {
  private readonly entries = new Map<
    string,
    { expires: number; allowed: Promise<boolean> }
  >();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(
    key: string | undefined,
    decide: () => Promise<boolean>,
  ): Promise<boolean> {
    if (key === undefined || this.ttlMs <= 0) {
      return decide();
    }
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) {
      return hit.allowed;
    }
    this.entries.delete(key);
    while (this.entries.size >= MAX_DECISIONS) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    const allowed = decide();
    const entry = { expires: now + this.ttlMs, allowed };
    this.entries.set(key, entry);
    allowed.catch(() => {
      if (this.entries.get(key) === entry) {
        this.entries.delete(key);
      }
    });
    return allowed;
  }
}

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
        relation.type === RELATION_OWNED_BY &&
        (claims ?? []).includes(relation.targetRef),
    ),
  toQuery: ({ claims }) => ({ key: 'relations.ownedBy', values: claims }),
};

const isEntityKind: EntityRule<{ kinds: string[] }> = {
  name: 'IS_ENTITY_KIND',
  description: 'Allow entities matching a specified kind',
  resourceType: 'catalog-entity',
  apply: (entity, { kinds }) =>
    (kinds ?? []).some(
      kind => kind.toLowerCase() === entity.kind.toLowerCase(),
    ),
  toQuery: ({ kinds }) => ({
    key: 'kind',
    values: kinds.map(kind => kind.toLowerCase()),
  }),
};

export const entityPermissionRules = { isEntityOwner, isEntityKind };

const rulesByName = new Map<
  string,
  PermissionRule<Entity, unknown, 'catalog-entity'>
>(Object.values(entityPermissionRules).map(rule => [rule.name, rule as any]));

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
 *
 * A user's decision is reused for a few seconds ({@link DecisionCache}): for a user, every
 * `authorize` is an HTTP round trip to the permission backend with a freshly issued
 * on-behalf-of token, the policy, and for a conditional policy on a resource another round
 * trip from there to the catalog's apply-conditions endpoint (or, when the decision comes
 * back conditional, a catalog read here); a Cost tab fires several requests per entity at
 * once. The caller's token is still verified on every request by `httpAuth`. A policy
 * change, or new group membership, takes effect for a user within the TTL.
 */
export function createRequirePermission(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog?: Pick<CatalogService, 'getEntityByRef'>;
  auth?: Pick<AuthService, 'getOwnServiceCredentials'>;
  logger?: Pick<LoggerService, 'warn'>;
  /**
   * How long a user's decision (per permission and entity) is reused; 0 asks every time.
   * Defaults to {@link DEFAULT_DECISION_TTL_MS}.
   */
  decisionTtlMs?: number;
  /** The clock the decision cache uses (tests). */
  now?: () => number;
}): RequirePermission {
  const decisions = new DecisionCache(
    deps.decisionTtlMs ?? DEFAULT_DECISION_TTL_MS,
    deps.now ?? Date.now,
  );

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
      const allowed = await decisions.get(
        decisionKey(credentials, permission.name, entity.resourceRef),
        async () => {
          const [decision] = await deps.permissions.authorize(
            [{ permission, resourceRef: entity.resourceRef }],
            { credentials },
          );
          // The type says definitive, but a permissions service may return the policy's answer.
          const answer = decision as unknown as {
            result: AuthorizeResult;
            conditions?: PermissionCriteria<PermissionCondition>;
          };
          return (
            answer.result === AuthorizeResult.ALLOW ||
            (answer.result === AuthorizeResult.CONDITIONAL &&
              answer.conditions !== undefined &&
              (await conditionsHold(entity.resourceRef, answer.conditions)))
          );
        },
      );
      if (!allowed) {
        throw new NotAllowedError(entity.deniedMessage);
      }
      return credentials;
    }
    const allowed = await decisions.get(
      decisionKey(credentials, permission.name),
      async () => {
        const [decision] = await deps.permissions.authorize([{ permission }], {
          credentials,
        });
        return decision.result === AuthorizeResult.ALLOW;
      },
    );
    if (!allowed) {
      throw new NotAllowedError(`This needs the ${permission.name} permission`);
    }
    return credentials;
  };
  return requirePermission as RequirePermission;
}
