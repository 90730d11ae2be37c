import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AccountabilityResponse,
  AllocationCoverageResponse,
  AnomaliesResponse,
  Anomaly,
  AnomalyStatusInput,
  BudgetsResponse,
  BudgetUpsertResponse,
  CommitmentsResponse,
  CostSourceStatus,
  DefaultApiClient,
  EntityBudgetResponse,
  EntityCostResponse,
  EntityForecastResponse,
  EntityLicensesResponse,
  GlossaryResponse,
  HealthResponse,
  KpiGroupBy,
  KpiResponse,
  LicenseComplianceResponse,
  LicensePositionEntry,
  MarketplaceResponse,
  OnboardingDecisionInput,
  OnboardingOptions,
  OnboardingRequestDetail,
  OnboardingRequestInput,
  OnboardingRequestsResponse,
  PolicyComplianceResponse,
  ReharvestResponse,
  SaasContractsResponse,
  TeamCostResponse,
  TypedResponse,
  UnallocatedResponse,
  UnitCostResponse,
  UnitEconomicsResponse,
  healthResponseSchema,
} from '@finops-itam/plugin-finops-itam-common';
import {
  AnomalyFilter,
  BudgetRecordInput,
  EntityBudgetOptions,
  EntityCostOptions,
  FinopsItamApi,
  FinopsPeriodOptions,
  OnboardingRequestFilter,
} from './FinopsItamApi';
import { budgetWriteError } from './BudgetRejectionsError';
import { onboardingWriteError } from './OnboardingProblemsError';

/** The answer's body, or a `ResponseError` carrying the backend's error. */
async function bodyOf<T>(response: TypedResponse<T>): Promise<T> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return response.json();
}

/** The answer's body; a 400 becomes an `OnboardingProblemsError` with the problems by field. */
async function onboardingBodyOf<T>(response: TypedResponse<T>): Promise<T> {
  if (!response.ok) {
    throw await onboardingWriteError(response);
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

  async getLicensePosition(): Promise<LicensePositionEntry[]> {
    return bodyOf(await this.api.getLicensePosition());
  }

  async getLicenseReharvest(): Promise<ReharvestResponse> {
    return bodyOf(await this.api.getLicenseReharvest());
  }

  async getLicenseComplianceRisks(): Promise<LicenseComplianceResponse> {
    return bodyOf(await this.api.getLicenseComplianceRisks());
  }

  async listOnboardingRequests(
    filter: OnboardingRequestFilter = {},
  ): Promise<OnboardingRequestsResponse> {
    return bodyOf(
      await this.api.listOnboardingRequests({
        query: { status: filter.status, owner: filter.owner },
      }),
    );
  }

  async getOnboardingRequest(id: string): Promise<OnboardingRequestDetail> {
    return bodyOf(await this.api.getOnboardingRequest({ path: { id } }));
  }

  async createOnboardingRequest(
    input: OnboardingRequestInput,
  ): Promise<OnboardingRequestDetail> {
    return onboardingBodyOf(
      await this.api.createOnboardingRequest({ body: input }),
    );
  }

  async updateOnboardingRequest(
    id: string,
    input: OnboardingRequestInput,
  ): Promise<OnboardingRequestDetail> {
    return onboardingBodyOf(
      await this.api.updateOnboardingRequest({ path: { id }, body: input }),
    );
  }

  async decideOnboardingRequest(
    id: string,
    decision: OnboardingDecisionInput,
  ): Promise<OnboardingRequestDetail> {
    return onboardingBodyOf(
      await this.api.decideOnboardingRequest({ path: { id }, body: decision }),
    );
  }

  async getOnboardingOptions(): Promise<OnboardingOptions> {
    return bodyOf(await this.api.getOnboardingOptions());
  }

  async getEntityOnboarding(
    entityRef: CompoundEntityRef,
  ): Promise<OnboardingRequestsResponse> {
    return bodyOf(
      await this.api.getEntityOnboarding({ path: entityPath(entityRef) }),
    );
  }

  async listBudgets(options: { day?: string } = {}): Promise<BudgetsResponse> {
    return bodyOf(await this.api.listBudgets({ query: { day: options.day } }));
  }

  async putBudgets(
    records: BudgetRecordInput[],
  ): Promise<BudgetUpsertResponse> {
    const response = await this.api.putBudgets({ body: records });
    if (!response.ok) {
      throw await budgetWriteError(response);
    }
    return response.json();
  }

  async deleteBudget(id: string): Promise<void> {
    const response = await this.api.deleteBudget({ path: { id } });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
  }

  async getEntityBudget(
    entityRef: CompoundEntityRef,
    options: EntityBudgetOptions = {},
  ): Promise<EntityBudgetResponse> {
    return bodyOf(
      await this.api.getEntityBudget({
        path: entityPath(entityRef),
        query: { day: options.day, scope: options.scope },
      }),
    );
  }

  async getEntityForecast(
    entityRef: CompoundEntityRef,
  ): Promise<EntityForecastResponse> {
    return bodyOf(
      await this.api.getEntityForecast({ path: entityPath(entityRef) }),
    );
  }

  async listAnomalies(filter: AnomalyFilter = {}): Promise<AnomaliesResponse> {
    return bodyOf(
      await this.api.listAnomalies({
        query: {
          from: filter.from,
          to: filter.to,
          entityRef: filter.entityRef,
          status: filter.status,
        },
      }),
    );
  }

  async setAnomalyStatus(
    id: string,
    input: AnomalyStatusInput,
  ): Promise<Anomaly> {
    return bodyOf(
      await this.api.setAnomalyStatus({ path: { id }, body: input }),
    );
  }

  async getKpis(
    options: FinopsPeriodOptions & { groupBy?: KpiGroupBy } = {},
  ): Promise<KpiResponse> {
    return bodyOf(
      await this.api.getKpis({
        query: { from: options.from, to: options.to, groupBy: options.groupBy },
      }),
    );
  }

  async getAllocationCoverage(
    options: FinopsPeriodOptions = {},
  ): Promise<AllocationCoverageResponse> {
    return bodyOf(
      await this.api.getAllocationCoverage({
        query: { from: options.from, to: options.to },
      }),
    );
  }

  async getUnallocated(
    options: FinopsPeriodOptions & { limit?: number } = {},
  ): Promise<UnallocatedResponse> {
    return bodyOf(
      await this.api.getUnallocated({
        query: { from: options.from, to: options.to, limit: options.limit },
      }),
    );
  }

  async getChargebackCsv(month: string): Promise<string> {
    // The same route answers JSON or CSV; the typed client types the JSON answer, so the CSV
    // is read as text, through the authenticated fetch like every other call.
    const response = await this.api.getChargeback({
      query: { month, format: 'csv' },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.text();
  }

  async listCommitments(
    options: FinopsPeriodOptions = {},
  ): Promise<CommitmentsResponse> {
    return bodyOf(
      await this.api.listCommitments({
        query: { from: options.from, to: options.to },
      }),
    );
  }

  async getMarketplaceSpend(
    options: FinopsPeriodOptions = {},
  ): Promise<MarketplaceResponse> {
    return bodyOf(
      await this.api.getMarketplaceSpend({
        query: { from: options.from, to: options.to },
      }),
    );
  }

  async listSaasContracts(
    options: { asOf?: string } = {},
  ): Promise<SaasContractsResponse> {
    return bodyOf(
      await this.api.listSaasContracts({ query: { asOf: options.asOf } }),
    );
  }

  async getPolicyCompliance(
    options: FinopsPeriodOptions = {},
  ): Promise<PolicyComplianceResponse> {
    return bodyOf(
      await this.api.getPolicyCompliance({
        query: { from: options.from, to: options.to },
      }),
    );
  }

  async getUnitEconomics(
    options: FinopsPeriodOptions = {},
  ): Promise<UnitEconomicsResponse> {
    return bodyOf(
      await this.api.getUnitEconomics({
        query: { from: options.from, to: options.to },
      }),
    );
  }

  async getGlossary(): Promise<GlossaryResponse> {
    return bodyOf(await this.api.getGlossary());
  }

  async getAccountability(
    options: { ownerRef?: string } = {},
  ): Promise<AccountabilityResponse> {
    return bodyOf(
      await this.api.getAccountability({
        query: { ownerRef: options.ownerRef },
      }),
    );
  }
}
