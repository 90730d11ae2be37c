import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../api';

/** Loads the status of every configured cost source, for data freshness. */
export function useCostSources() {
  const api = useApi(finopsItamApiRef);
  return useAsync(() => api.getCostSources(), [api]);
}
