import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CostSourceStatus,
  DefaultApiClient,
  EntityCostResponse,
  EntityLicensesResponse,
  HealthResponse,
  TeamCostResponse,
  TypedResponse,
  UnitCostResponse,
  healthResponseSchema,
} from '@finops-itam/plugin-finops-itam-common';
import { EntityCostOptions, FinopsItamApi } from './FinopsItamApi';

/** The answer's body, or a `ResponseError` carrying the backend's error. */
async function bodyOf<T>(response: TypedResponse<T>): Promise<T> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return response.json();
}

/** The path parameters of an entity's routes. */
const entityPath = (ref: CompoundEntityRef) => ({
  kind: ref.kind,
  namespace: ref.namespace,
  name: ref.name,
});

/**
 * Default {@link FinopsItamApi} implementation, talking to the finops-itam backend plugin
 * found through the discovery API, through the client generated from its contract.
 *
 * @public
 */
export class FinopsItamClient implements FinopsItamApi {
  private readonly api: DefaultApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.api = new DefaultApiClient(options);
  }

  async getHealth(): Promise<HealthResponse> {
    const body: unknown = await bodyOf(await this.api.getHealth());
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
    return bodyOf(
      await this.api.getEntityCost({
        path: entityPath(entityRef),
        query: options,
      }),
    );
  }

  async getUnitCost(
    entityRef: CompoundEntityRef,
    options: Omit<EntityCostOptions, 'basis'> = {},
  ): Promise<UnitCostResponse> {
    return bodyOf(
      await this.api.getEntityUnitCost({
        path: entityPath(entityRef),
        query: options,
      }),
    );
  }

  async getEntityLicenses(
    entityRef: CompoundEntityRef,
  ): Promise<EntityLicensesResponse> {
    return bodyOf(
      await this.api.getEntityLicenses({ path: entityPath(entityRef) }),
    );
  }

  async getTeamCost(
    groupRef: CompoundEntityRef,
    options: Pick<EntityCostOptions, 'from' | 'to'> = {},
  ): Promise<TeamCostResponse> {
    return bodyOf(
      await this.api.getTeamCost({
        path: { namespace: groupRef.namespace, name: groupRef.name },
        query: options,
      }),
    );
  }

  async getCostSources(): Promise<CostSourceStatus[]> {
    return bodyOf(await this.api.listCostSources());
  }
}
