import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../api';

/** Loads an entity's cost for the backend's default period (the 30 days ending yesterday). */
export function useEntityCost(entityRef: CompoundEntityRef) {
  const api = useApi(finopsItamApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsync(
    () => api.getEntityCost({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
}
