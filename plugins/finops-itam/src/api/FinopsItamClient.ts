import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityCostResponse,
  FINOPS_ITAM_PLUGIN_ID,
  HealthResponse,
  healthResponseSchema,
} from '@finops-itam/plugin-finops-itam-common';
import { EntityCostOptions, FinopsItamApi } from './FinopsItamApi';

/**
 * Default {@link FinopsItamApi} implementation, talking to the finops-itam backend plugin
 * found through the discovery API.
 *
 * @public
 */
export class FinopsItamClient implements FinopsItamApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getHealth(): Promise<HealthResponse> {
    const body = await this.get('/health');
    const parsed = healthResponseSchema.safeParse(body);
    if (!parsed.success) {
      // A reachable server that answers something else is most likely a different or
      // incompatible backend; say so rather than showing half-understood data.
      throw new Error(
        `Unexpected answer from the finops-itam backend health check: ${parsed.error.message}`,
      );
    }
    return parsed.data;
  }

  async getEntityCost(
    entityRef: CompoundEntityRef,
    options: EntityCostOptions = {},
  ): Promise<EntityCostResponse> {
    const query = new URLSearchParams();
    for (const key of ['from', 'to', 'granularity', 'basis'] as const) {
      const value = options[key];
      if (value) {
        query.set(key, value);
      }
    }
    const path = [
      'entities',
      entityRef.kind,
      entityRef.namespace,
      entityRef.name,
      'cost',
    ]
      .map(encodeURIComponent)
      .join('/');
    const search = query.toString();
    return (await this.get(
      `/${path}${search ? `?${search}` : ''}`,
    )) as EntityCostResponse;
  }

  private async get(path: string): Promise<unknown> {
    const baseUrl = await this.discoveryApi.getBaseUrl(FINOPS_ITAM_PLUGIN_ID);
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}
