import { createApiRef } from '@backstage/frontend-plugin-api';
import { HealthResponse } from '@finops-itam/plugin-finops-itam-common';

/**
 * Client of the finops-itam backend.
 *
 * @public
 */
export interface FinopsItamApi {
  /**
   * Reports whether the finops-itam backend is up, its version and which database it runs on.
   */
  getHealth(): Promise<HealthResponse>;
}

/**
 * Reference to the {@link FinopsItamApi}; the same ref is used by the legacy and the new
 * frontend system.
 *
 * @public
 */
export const finopsItamApiRef = createApiRef<FinopsItamApi>().with({
  id: 'plugin.finops-itam.api',
  pluginId: 'finops-itam',
});
