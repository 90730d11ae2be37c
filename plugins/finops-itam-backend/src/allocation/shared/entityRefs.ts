import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** Lowercase `kind:namespace/name`, the join key used for entities everywhere. */
export function normalizeEntityRef(ref: string): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref.trim())).toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return undefined;
  }
}

/** Why a config value is not usable as an entity ref, with the form to write instead. */
export function notAnEntityRefMessage(ref: string): string {
  return (
    `"${ref}" is not an entity ref: write kind:namespace/name or kind:name, ` +
    'e.g. component:default/checkout'
  );
}
