import { Entity, parseEntityRef } from '@backstage/catalog-model';
import type { AllocationFact } from '../types';

const KIND_NAMES: Record<string, string> = {
  component: 'Component',
  resource: 'Resource',
  system: 'System',
  group: 'Group',
  api: 'API',
  domain: 'Domain',
  user: 'User',
};

/** A catalog entity from a ref such as `component:default/checkout`, with annotations. */
export function entity(
  ref: string,
  annotations: Record<string, string> = {},
): Entity {
  const { kind, namespace, name } = parseEntityRef(ref);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: KIND_NAMES[kind.toLowerCase()] ?? kind,
    metadata: { name, namespace, annotations },
    spec: {},
  };
}

/** A cost fact with only the fields allocation reads; tags given as an object. */
export function fact(
  fields: Partial<Omit<AllocationFact, 'tags'>> & {
    tags?: Record<string, string | null>;
  } = {},
): AllocationFact {
  return {
    resourceId: fields.resourceId ?? null,
    resourceName: fields.resourceName ?? null,
    subAccountId: fields.subAccountId ?? null,
    billingAccountId: fields.billingAccountId ?? 'billing-1',
    tags: fields.tags === undefined ? null : JSON.stringify(fields.tags),
  };
}
