import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../api';

/** Loads an entity's forecast: the next 90 days with a band, and per month. */
export function useEntityForecast(entityRef: CompoundEntityRef) {
  const api = useApi(finopsItamApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsync(
    () => api.getEntityForecast({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
}
