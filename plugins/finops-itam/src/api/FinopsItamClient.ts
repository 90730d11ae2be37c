import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CostSourceStatus,
  EntityCostResponse,
  EntityLicensesResponse,
  FINOPS_ITAM_PLUGIN_ID,
  HealthResponse,
  TeamCostResponse,
  UnitCostResponse,
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
    return (await this.get(
      withQuery(entityPath(entityRef, 'cost'), options),
    )) as EntityCostResponse;
  }

  async getUnitCost(
    entityRef: CompoundEntityRef,
    options: Omit<EntityCostOptions, 'basis'> = {},
  ): Promise<UnitCostResponse> {
    return (await this.get(
      withQuery(entityPath(entityRef, 'unit-cost'), options),
    )) as UnitCostResponse;
  }

  async getEntityLicenses(
    entityRef: CompoundEntityRef,
  ): Promise<EntityLicensesResponse> {
    return (await this.get(
      entityPath(entityRef, 'licenses'),
    )) as EntityLicensesResponse;
  }

  async getTeamCost(
    groupRef: CompoundEntityRef,
    options: Pick<EntityCostOptions, 'from' | 'to'> = {},
  ): Promise<TeamCostResponse> {
    const path = ['teams', groupRef.namespace, groupRef.name, 'cost']
      .map(encodeURIComponent)
      .join('/');
    return (await this.get(withQuery(`/${path}`, options))) as TeamCostResponse;
  }

  async getCostSources(): Promise<CostSourceStatus[]> {
    return (await this.get('/sources')) as CostSourceStatus[];
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

/** `/entities/:kind/:namespace/:name/<resource>`, each part URL-encoded. */
function entityPath(entityRef: CompoundEntityRef, resource: string): string {
  const parts = [entityRef.kind, entityRef.namespace, entityRef.name, resource];
  return `/entities/${parts.map(encodeURIComponent).join('/')}`;
}

/** Appends the options that are set as query parameters. */
function withQuery(path: string, options: object): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && value !== '') {
      query.set(key, String(value));
    }
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
