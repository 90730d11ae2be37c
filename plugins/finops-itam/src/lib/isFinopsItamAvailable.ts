import { Entity } from '@backstage/catalog-model';

/** Kinds whose entities can carry costs: running software, the resources it uses, and systems that group them. */
const COSTED_KINDS = ['component', 'resource', 'system'];

/**
 * Whether the finops-itam Cost tab applies to an entity: true for Components, Resources
 * and Systems. Use it with `EntitySwitch` or as an `EntityLayout.Route` `if` in the legacy
 * frontend system.
 *
 * @public
 */
export function isFinopsItamAvailable(entity: Entity): boolean {
  return COSTED_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
}
