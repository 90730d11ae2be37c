import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../api';

/** Loads the health of the finops-itam backend, to tell "no data yet" from "backend down". */
export function useFinopsItamHealth() {
  const api = useApi(finopsItamApiRef);
  return useAsync(() => api.getHealth(), [api]);
}
