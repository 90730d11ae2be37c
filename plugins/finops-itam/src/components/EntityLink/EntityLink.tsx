import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

/**
 * An entity ref as a link to its catalog page, or as text when it is not a ref the catalog
 * could have (the backend passes on what requests and cost data name).
 */
export function EntityLink(props: { entityRef: string; defaultKind?: string }) {
  try {
    return (
      <EntityRefLink
        entityRef={parseEntityRef(props.entityRef, {
          defaultKind: props.defaultKind ?? 'component',
        })}
      />
    );
  } catch {
    return <>{props.entityRef}</>;
  }
}
