import { Entity } from '@backstage/catalog-model';
import { buildRollupMembers } from '../allocation/rollupMembers';

/** Kinds whose license use is the use of everything that rolls up into them. */
export const ROLLUP_KINDS = new Set(['system', 'domain']);

const kindOf = (ref: string) => ref.slice(0, ref.indexOf(':'));

/**
 * The members of every System and Domain, by lowercase ref: the entity itself, the
 * Components and Resources whose `spec.system` names it and, for a Domain, its Systems and
 * their members. The closure is the one cost allocation uses, so licenses roll up exactly
 * as cost does; group ownership is left out here, as team rollups are not license views.
 */
export function licenseRollups(entities: Entity[]): Map<string, string[]> {
  const rollups = new Map<string, string[]>();
  for (const { ancestorRef, memberRef } of buildRollupMembers(entities)) {
    if (!ROLLUP_KINDS.has(kindOf(ancestorRef))) continue;
    const members = rollups.get(ancestorRef);
    if (members) members.push(memberRef);
    else rollups.set(ancestorRef, [memberRef]);
  }
  return rollups;
}
