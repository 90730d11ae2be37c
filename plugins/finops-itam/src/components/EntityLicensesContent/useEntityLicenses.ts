import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';

/** Loads the licensed products an entity consumes. */
export function useEntityLicenses(entityRef: CompoundEntityRef) {
  const api = useApi(finopsItamApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsync(
    () => api.getEntityLicenses({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
}
