import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  BasicPermission,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

/**
 * Any route's request. Typed routes narrow params, query and body to the contract's types;
 * the check reads only the caller's credentials, so it takes every route's request.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRequest = Request<any, any, any, any>;
import { CatalogEntityConditions } from './CatalogEntityConditions';
import {
  DEFAULT_DECISION_TTL_MS,
  DecisionCache,
  userDecisionKey,
} from './DecisionCache';

/** The catalog entity a resource permission is checked on. */
export interface EntityResource {
  /** The stringified entity ref, sent to the permission framework as `resourceRef`. */
  resourceRef: string;
  /** The 403 message when the caller may not act on this entity. */
  deniedMessage: string;
}

/**
 * Every catalog entity at once, for answers that sum or list the cost of many teams' entities
 * (chargeback, KPIs, unallocated...): the caller must hold the permission without
 * conditions. A conditional decision (e.g. "owned by the user's team") cannot be applied to
 * a total that mixes entities, so it refuses rather than leak the others' money.
 */
export interface EveryEntity {
  everyEntity: true;
  /** The 403 message when the caller may act on some entities only, or on none. */
  deniedMessage: string;
}

/**
 * The entities whose rollups an answer's amounts are (a System's cost; a team's total and
 * the Systems it lists): the caller must read the cost of every entity these rollups
 * include. Without conditions on every entity that is one cached check; under a
 * conditional decision (an owner rule) each member is decided, so a team reads the total
 * of a System or team made of its own entities only, and never one that includes another
 * team's.
 */
export interface EntityRollups {
  /** Lowercase refs of the rollup entities; each one's members come from the rollup closure. */
  rollupsOf: string[];
  /** What the answer is, for the 403 message ("the cost of system:default/shop"). */
  what: string;
}

/** The decision cache's resource for {@link EveryEntity}; no entity ref is `*`. */
const EVERY_ENTITY_REF = '*';

/**
 * Kinds whose cost is a rollup of other entities (`src/allocation/rollupMembers.ts`): a
 * System's Components and Resources, a Domain's Systems, everything a Group owns. Nothing
 * rolls up into any other kind, so its rollup is itself.
 */
export const ROLLUP_KINDS = new Set(['system', 'domain', 'group']);

/** Resources asked of the permissions service per `authorize` call. */
const AUTHORIZE_BATCH = 250;

/**
 * Checks that the caller of a request holds a permission; throws 401/403 otherwise and
 * returns the caller's credentials. Permissions on catalog entities take the entity too.
 */
export type RequirePermission = {
  (req: AnyRequest, permission: BasicPermission): Promise<BackstageCredentials>;
  (
    req: AnyRequest,
    permission: ResourcePermission<'catalog-entity'>,
    entity: EntityResource | EveryEntity | EntityRollups,
  ): Promise<BackstageCredentials>;
};

/**
 * The permission check every route makes. Users and service principals are both decided
 * by the permissions service: users by the policy, services by their token's access
 * restrictions (a token limited to `finops-itam.read` cannot upload).
 *
 * A permission on a catalog entity is asked with the entity ref as `resourceRef`, so the
 * permission backend has the catalog, which owns the resource type, evaluate a policy's
 * conditions, and answers ALLOW or DENY. Should a permissions service hand back the
 * CONDITIONAL decision instead, it is applied here with the catalog's own rules
 * ({@link CatalogEntityConditions}); whatever cannot be evaluated denies.
 *
 * A user's decision is reused for a few seconds ({@link DecisionCache}); the caller's
 * token is still verified on every request by `httpAuth`.
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
  /**
   * Every entity whose cost `ancestorRef` includes, itself among them: the rollup closure
   * the stored rollups were built with. Without it, rollups need the permission on every
   * entity, without conditions.
   */
  rollupMembersOf?: (ancestorRef: string) => Promise<string[]>;
}): RequirePermission {
  const decisions = new DecisionCache(
    deps.decisionTtlMs ?? DEFAULT_DECISION_TTL_MS,
    deps.now,
  );
  const entityConditions = new CatalogEntityConditions(deps);

  /** The permission framework's answer, with a conditional one applied to the entity. */
  async function allowed(
    credentials: BackstageCredentials,
    request: AuthorizePermissionRequest,
  ): Promise<boolean> {
    // The type says definitive; a permissions service may still hand back the policy's answer.
    const [decision] = (await deps.permissions.authorize([request], {
      credentials,
    })) as PolicyDecision[];
    if (decision.result === AuthorizeResult.ALLOW) {
      return true;
    }
    // Only a decision on an entity can be applied; anything else conditional denies.
    return (
      decision.result === AuthorizeResult.CONDITIONAL &&
      request.resourceRef !== undefined &&
      entityConditions.allow(request.resourceRef, decision)
    );
  }

  /** ALLOW only: the policy's answer without a resource, conditions included, as it stands. */
  async function allowedOnEveryEntity(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'catalog-entity'>,
  ): Promise<boolean> {
    const [decision] = await deps.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return decision?.result === AuthorizeResult.ALLOW;
  }

  /**
   * Which of `refs` the caller may act on, each decided on its own: cached decisions are
   * reused, the others asked in batches of `authorize` calls, a conditional answer applied
   * per entity.
   */
  async function allowedEach(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'catalog-entity'>,
    refs: string[],
  ): Promise<Map<string, boolean>> {
    // DecisionCache.get calls `decide` synchronously for a missing key: the missing refs are
    // collected first, then asked together, and each cache entry awaits that one answer.
    const missing: string[] = [];
    let collected!: () => void;
    const batch = new Promise<void>(resolve => {
      collected = resolve;
    }).then(() => decideMany(credentials, permission, missing));
    const answers = refs.map(ref =>
      decisions.get(userDecisionKey(credentials, permission.name, ref), () => {
        missing.push(ref);
        return batch.then(decided => decided.get(ref) === true);
      }),
    );
    collected();
    const allowedRefs = await Promise.all(answers);
    return new Map(refs.map((ref, i) => [ref, allowedRefs[i]]));
  }

  async function decideMany(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'catalog-entity'>,
    refs: string[],
  ): Promise<Map<string, boolean>> {
    const decided = new Map<string, boolean>();
    for (let i = 0; i < refs.length; i += AUTHORIZE_BATCH) {
      const chunk = refs.slice(i, i + AUTHORIZE_BATCH);
      const answers = (await deps.permissions.authorize(
        chunk.map(resourceRef => ({ permission, resourceRef })),
        { credentials },
      )) as PolicyDecision[];
      await Promise.all(
        chunk.map(async (ref, j) => {
          const decision = answers[j];
          decided.set(
            ref,
            decision?.result === AuthorizeResult.ALLOW ||
              (decision?.result === AuthorizeResult.CONDITIONAL &&
                (await entityConditions.allow(ref, decision))),
          );
        }),
      );
    }
    return decided;
  }

  /** Every entity the rollups of `refs` include; a Component's or Resource's is itself. */
  async function membersOf(refs: string[]): Promise<string[]> {
    const members = new Set<string>(refs);
    for (const ref of refs) {
      if (ROLLUP_KINDS.has(ref.split(':')[0])) {
        for (const member of await deps.rollupMembersOf!(ref)) {
          members.add(member);
        }
      }
    }
    return [...members];
  }

  const requirePermission = async (
    req: AnyRequest,
    permission: BasicPermission | ResourcePermission<'catalog-entity'>,
    entity?: EntityResource | EveryEntity | EntityRollups,
  ): Promise<BackstageCredentials> => {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (permission.type === 'resource' && !entity) {
      throw new Error(`${permission.name} is checked on an entity`);
    }
    if (permission.type === 'resource' && entity && 'everyEntity' in entity) {
      const allowsAll = await decisions.get(
        userDecisionKey(credentials, permission.name, EVERY_ENTITY_REF),
        () => allowedOnEveryEntity(credentials, permission),
      );
      if (!allowsAll) {
        throw new NotAllowedError(entity.deniedMessage);
      }
      return credentials;
    }
    if (permission.type === 'resource' && entity && 'rollupsOf' in entity) {
      const allowsAll = await decisions.get(
        userDecisionKey(credentials, permission.name, EVERY_ENTITY_REF),
        () => allowedOnEveryEntity(credentials, permission),
      );
      if (allowsAll) {
        return credentials;
      }
      if (!deps.rollupMembersOf) {
        throw new NotAllowedError(
          `You don't have access to ${entity.what}: it includes other entities' cost ` +
            `and needs finops-itam.cost.read on every entity, not only on some`,
        );
      }
      const decided = await allowedEach(
        credentials,
        permission,
        await membersOf(
          entity.rollupsOf.map(ref => ref.toLocaleLowerCase('en-US')),
        ),
      );
      const unreadable = [...decided.values()].filter(ok => !ok).length;
      if (unreadable > 0) {
        // How many, not which: their names are the other teams' business too.
        throw new NotAllowedError(
          `You don't have access to ${entity.what}: it includes the cost of ` +
            `${unreadable} ${
              unreadable === 1 ? 'entity' : 'entities'
            } whose cost you may not read`,
        );
      }
      return credentials;
    }
    const onEntity = entity as EntityResource | undefined;
    const request: AuthorizePermissionRequest =
      permission.type === 'resource'
        ? { permission, resourceRef: onEntity!.resourceRef }
        : { permission };
    const deniedMessage =
      permission.type === 'resource'
        ? onEntity!.deniedMessage
        : `This needs the ${permission.name} permission`;
    const isAllowed = await decisions.get(
      userDecisionKey(credentials, permission.name, request.resourceRef),
      () => allowed(credentials, request),
    );
    if (!isAllowed) {
      throw new NotAllowedError(deniedMessage);
    }
    return credentials;
  };
  return requirePermission as RequirePermission;
}
