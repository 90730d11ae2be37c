import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { permissionRules as catalogRules } from '@backstage/plugin-catalog-backend/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ConditionalPolicyDecision } from '@backstage/plugin-permission-common';
import {
  PermissionRule,
  createConditionAuthorizer,
} from '@backstage/plugin-permission-node';

/**
 * The catalog's own rules (`IS_ENTITY_OWNER`, `IS_ENTITY_KIND`, `HAS_LABEL`, ...), the ones
 * the catalog applies when the permission backend asks it. Rules that catalog modules add
 * at runtime are unknown here, and conditions naming them deny.
 */
const authorizeEntity = createConditionAuthorizer<Entity>({
  getRuleByName(name) {
    const rule = Object.values(catalogRules).find(r => r.name === name);
    if (!rule) {
      throw new Error(`the catalog has no built-in permission rule ${name}`);
    }
    return rule as PermissionRule<Entity, unknown, string>;
  },
});

/**
 * Applies a conditional decision on a catalog entity the way the catalog would: loads the
 * entity with this plugin's own credentials and evaluates the conditions with the
 * framework's condition authorizer over the catalog's rules. Anything that stops the
 * evaluation (no catalog, no such entity, an unknown rule, malformed parameters) denies,
 * with a warning that says why, so a policy mistake never shows one team another's cost.
 */
export class CatalogEntityConditions {
  constructor(
    private readonly deps: {
      catalog?: Pick<CatalogService, 'getEntityByRef'>;
      auth?: Pick<AuthService, 'getOwnServiceCredentials'>;
      logger?: Pick<LoggerService, 'warn'>;
    },
  ) {}

  async allow(
    entityRef: string,
    decision: ConditionalPolicyDecision,
  ): Promise<boolean> {
    const { catalog, auth, logger } = this.deps;
    const deny = (reason: string) => {
      logger?.warn(`Denied a conditional decision on ${entityRef}: ${reason}`);
      return false;
    };
    if (decision.resourceType !== 'catalog-entity') {
      return deny(`its conditions are on ${decision.resourceType}`);
    }
    if (!catalog || !auth) {
      return deny('no catalog to load the entity from');
    }
    try {
      const entity = await catalog.getEntityByRef(entityRef, {
        credentials: await auth.getOwnServiceCredentials(),
      });
      if (!entity) {
        return deny('the catalog has no such entity');
      }
      return authorizeEntity(decision, entity);
    } catch (error) {
      return deny(`the conditions could not be applied: ${error}`);
    }
  }
}
