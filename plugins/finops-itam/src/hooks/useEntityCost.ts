import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { EntityCostOptions, finopsItamApiRef } from '../api';

/**
 * Loads an entity's cost; without options, for the backend's default period (the 30 days
 * ending yesterday). While a new period loads, `value` still holds the previous answer, so
 * the page can keep it on screen instead of jumping back to a spinner.
 */
export function useEntityCost(
  entityRef: CompoundEntityRef,
  options?: EntityCostOptions,
) {
  const api = useApi(finopsItamApiRef);
  const { kind, namespace, name } = entityRef;
  const { from, to, granularity, basis } = options ?? {};
  return useAsync(
    () =>
      api.getEntityCost(
        { kind, namespace, name },
        { from, to, granularity, basis },
      ),
    [api, kind, namespace, name, from, to, granularity, basis],
  );
}
