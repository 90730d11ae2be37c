import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Anomaly } from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { AnomalyFilter, finopsItamApiRef } from '../api';

/**
 * Loads anomalies for a filter, and keeps the list current when a status changes here:
 * `replace` swaps in the anomaly the backend answered with, without reloading the list.
 */
export function useAnomalies(filter: AnomalyFilter) {
  const api = useApi(finopsItamApiRef);
  const { from, to, entityRef, status } = filter;
  const state = useAsync(
    () => api.listAnomalies({ from, to, entityRef, status }),
    [api, from, to, entityRef, status],
  );
  const [items, setItems] = useState<Anomaly[] | undefined>();
  useEffect(() => setItems(state.value?.items), [state.value]);
  const replace = useCallback(
    (updated: Anomaly) =>
      setItems(current =>
        current?.map(item => (item.id === updated.id ? updated : item)),
      ),
    [],
  );
  return {
    loading: state.loading,
    error: state.error,
    items: items ?? state.value?.items,
    replace,
  };
}
