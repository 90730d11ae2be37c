import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnerMapping } from './KpiStore';

/** Refs per catalog request: one request for a portal's few hundred owners, bounded for more. */
const REFS_PER_REQUEST = 500;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The owning group of each entity the allocation gave cost to, from the catalog (its
 * `spec.owner`, a group unless the ref says otherwise), as `GET /kpis?groupBy=team` groups
 * by; a Group is its own team. Entities the catalog does not have, or without an owner, are
 * left out of the answer, so their cost stays under the entity itself: allocated, and
 * visibly not a team's.
 */
export function owningGroups(
  catalog: Pick<CatalogService, 'getEntitiesByRefs'>,
  auth: Pick<AuthService, 'getOwnServiceCredentials'>,
): OwnerMapping {
  return async entityRefs => {
    const teams = new Map<string, string>();
    const refs = [...new Set(entityRefs.map(lower))];
    if (refs.length === 0) return teams;
    const credentials = await auth.getOwnServiceCredentials();
    for (let i = 0; i < refs.length; i += REFS_PER_REQUEST) {
      const { items } = await catalog.getEntitiesByRefs(
        {
          entityRefs: refs.slice(i, i + REFS_PER_REQUEST),
          fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.owner'],
        },
        { credentials },
      );
      for (const entity of items) {
        if (!entity) continue;
        const ref = lower(stringifyEntityRef(entity));
        if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
          teams.set(ref, ref);
          continue;
        }
        const owner = entity.spec?.owner;
        if (typeof owner !== 'string') continue;
        try {
          const ownerRef = parseEntityRef(owner, {
            defaultKind: 'group',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          });
          teams.set(ref, lower(stringifyEntityRef(ownerRef)));
        } catch {
          // An owner that is no entity ref is the catalog's problem to report.
        }
      }
    }
    return teams;
  };
}
