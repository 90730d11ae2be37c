import { createApiRef } from '@backstage/frontend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  CostBasis,
  CostGranularity,
  EntityCostResponse,
  HealthResponse,
} from '@finops-itam/plugin-finops-itam-common';

/**
 * Which cost {@link FinopsItamApi.getEntityCost} asks for; the backend defaults to the
 * 30 days ending yesterday, by day, amortized.
 *
 * @public
 */
export interface EntityCostOptions {
  /** First day of the period, `YYYY-MM-DD`. */
  from?: string;
  /** Day after the last day of the period (periods are half-open), `YYYY-MM-DD`. */
  to?: string;
  granularity?: CostGranularity;
  basis?: CostBasis;
}

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

  /**
   * The all-in cost of an entity over everything that rolls up into it. Fails with a
   * `ResponseError` of status 404 for an entity not in the catalog and 403 when the user
   * may not read its cost.
   */
  getEntityCost(
    entityRef: CompoundEntityRef,
    options?: EntityCostOptions,
  ): Promise<EntityCostResponse>;
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
