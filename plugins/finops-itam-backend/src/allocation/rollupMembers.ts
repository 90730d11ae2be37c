import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** One row of the rollup closure: `ancestor` includes the cost of `member`. */
export interface RollupPair {
  ancestorRef: string;
  memberRef: string;
}

/** Lowercase ref of an entity, the join key used across the plugin. */
export function entityRefOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/** A `spec` relation field as a lowercase ref, or undefined when absent or unparsable. */
function relationRef(value: unknown, defaultKind: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind,
        defaultNamespace: DEFAULT_NAMESPACE,
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * The rollup closure of the catalog: every entity includes itself; Components and
 * Resources roll up into their System (`spec.system`), Systems into their Domain
 * (`spec.domain`); every entity rolls up into its owner Group (`spec.owner`) and that
 * group's parents (`spec.parent`), transitively. Cycles in group parents are cut.
 *
 * Refs of the same namespace as the entity are resolved in the default namespace, as the
 * catalog does for relations written without one.
 */
export function buildRollupMembers(entities: Iterable<Entity>): RollupPair[] {
  const parents = new Map<string, string[]>();
  const addParent = (child: string, parent: string | undefined) => {
    if (parent && parent !== child) {
      const list = parents.get(child) ?? [];
      if (!list.includes(parent)) {
        list.push(parent);
      }
      parents.set(child, list);
    }
  };

  const refs: string[] = [];
  for (const entity of entities) {
    const ref = entityRefOf(entity);
    refs.push(ref);
    const kind = entity.kind.toLowerCase();
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    if (kind === 'component' || kind === 'resource') {
      addParent(ref, relationRef(spec.system, 'system'));
    }
    if (kind === 'system') {
      addParent(ref, relationRef(spec.domain, 'domain'));
    }
    if (kind === 'group') {
      addParent(ref, relationRef(spec.parent, 'group'));
    }
    if (kind !== 'group') {
      addParent(ref, relationRef(spec.owner, 'group'));
    }
  }

  const pairs: RollupPair[] = [];
  const seenRefs = new Set<string>();
  for (const member of refs) {
    if (seenRefs.has(member)) {
      continue;
    }
    seenRefs.add(member);
    // Walk every ancestor once; the visited set both dedupes and breaks cycles.
    const visited = new Set<string>([member]);
    const queue = [member];
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const parent of parents.get(current) ?? []) {
        if (!visited.has(parent)) {
          visited.add(parent);
          queue.push(parent);
        }
      }
    }
    for (const ancestorRef of visited) {
      pairs.push({ ancestorRef, memberRef: member });
    }
  }
  return pairs;
}
