import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../api';

/** Loads an entity's budget status for the period containing today. */
export function useEntityBudget(entityRef: CompoundEntityRef) {
  const api = useApi(finopsItamApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsync(
    () => api.getEntityBudget({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
}
