import { AuthService } from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ALLOCATION_KINDS } from '../../allocation/AllocationService';
import { ComponentNameMatcher } from '../../allocation/UnallocatedReport';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The owning group of what allocation placed cost on, and of the component the unallocated
 * report would suggest for a resource, from one read of the catalog.
 */
export class CatalogOwners {
  private constructor(
    private readonly owners: Map<string, string | null>,
    private readonly matcher: ComponentNameMatcher,
  ) {}

  static async read(options: {
    catalog: Pick<CatalogService, 'getEntities'>;
    auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  }): Promise<CatalogOwners> {
    const credentials = await options.auth.getOwnServiceCredentials();
    const { items } = await options.catalog.getEntities(
      { filter: { kind: ALLOCATION_KINDS } },
      { credentials },
    );
    return new CatalogOwners(
      new Map(items.map(e => [lower(stringifyEntityRef(e)), ownerOf(e)])),
      new ComponentNameMatcher(
        items.filter(e => lower(e.kind) === 'component'),
      ),
    );
  }

  /**
   * The group answering for cost allocated to `entityRef`: the group itself, or the
   * entity's `spec.owner`. An entity the catalog no longer lists, or one without an owner,
   * answers for itself, so its cost stays visible instead of joining unallocated cost.
   */
  ownerOf(entityRef: string): string {
    const ref = lower(entityRef);
    return this.owners.get(ref) ?? ref;
  }

  /**
   * For an unallocated resource, the owner of the component the unallocated report
   * suggests (by naming standards: the component's name in the resource's id or name).
   */
  suggestOwner(
    resourceId: string | null,
    resourceName: string | null,
  ): string | null {
    const suggestion = this.matcher.suggest(resourceId, resourceName);
    return suggestion ? this.ownerOf(suggestion.entityRef) : null;
  }
}

function ownerOf(entity: Entity): string | null {
  if (lower(entity.kind) === 'group') return lower(stringifyEntityRef(entity));
  const owner = (entity.spec as Record<string, unknown> | undefined)?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') return null;
  try {
    return lower(
      stringifyEntityRef(
        parseEntityRef(owner.trim(), {
          defaultKind: 'group',
          defaultNamespace: DEFAULT_NAMESPACE,
        }),
      ),
    );
  } catch {
    return null;
  }
}
