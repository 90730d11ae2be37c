import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { CostGranularity } from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../api';

/** Loads an entity's all-in unit cost and its series for a period. */
export function useUnitCost(
  entityRef: CompoundEntityRef,
  options: { from: string; to: string; granularity: CostGranularity },
) {
  const api = useApi(finopsItamApiRef);
  const { kind, namespace, name } = entityRef;
  const { from, to, granularity } = options;
  return useAsync(
    () => api.getUnitCost({ kind, namespace, name }, { from, to, granularity }),
    [api, kind, namespace, name, from, to, granularity],
  );
}
