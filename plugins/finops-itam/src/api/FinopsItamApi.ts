import { createApiRef } from '@backstage/frontend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AccountabilityResponse,
  AllocationCoverageResponse,
  AnomaliesResponse,
  Anomaly,
  AnomalyStatus,
  AnomalyStatusInput,
  Budget,
  BudgetScope,
  BudgetsResponse,
  BudgetUpsertResponse,
  CommitmentsResponse,
  CostBasis,
  CostGranularity,
  CostSourceStatus,
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
  OnboardingStatus,
  PolicyComplianceResponse,
  ReharvestResponse,
  SaasContractsResponse,
  TeamCostResponse,
  UnallocatedResponse,
  UnitCostResponse,
  UnitEconomicsResponse,
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
 * Which onboarding requests {@link FinopsItamApi.listOnboardingRequests} lists; all when empty.
 *
 * @public
 */
export interface OnboardingRequestFilter {
  status?: OnboardingStatus;
  /** The owner group's entity ref. */
  owner?: string;
}

/**
 * A budget record as `PUT /budgets` takes it: a `Budget` without the `source` the
 * backend assigns, and with optional thresholds (the backend's defaults fill the rest).
 *
 * @public
 */
export type BudgetRecordInput = Omit<Budget, 'source' | 'thresholds'> & {
  thresholds?: Partial<Budget['thresholds']>;
};

/**
 * Which budget {@link FinopsItamApi.getEntityBudget} reports.
 *
 * @public
 */
export interface EntityBudgetOptions {
  /** A day inside the period, `YYYY-MM-DD`; today when left out. */
  day?: string;
  /** Which budget when the entity has several for the period; `all-in` first otherwise. */
  scope?: BudgetScope;
}

/**
 * Which anomalies {@link FinopsItamApi.listAnomalies} lists; the backend defaults to the 90
 * days ending today, every entity and status.
 *
 * @public
 */
export interface AnomalyFilter {
  /** First day an anomaly may start on, `YYYY-MM-DD`. */
  from?: string;
  /** Day after the last day an anomaly may start on, `YYYY-MM-DD`. */
  to?: string;
  entityRef?: string;
  status?: AnomalyStatus;
}

/**
 * A half-open period `[from, to)` of `YYYY-MM-DD` days for the FinOps overview routes; the
 * backend defaults to the 30 days ending yesterday.
 *
 * @public
 */
export interface FinopsPeriodOptions {
  /** First day of the period, `YYYY-MM-DD`. */
  from?: string;
  /** Day after the last day of the period, `YYYY-MM-DD`. */
  to?: string;
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

  /**
   * All-in cost divided by the business metric the entity's `finops-itam.io/unit-metric`
   * names, with its series; `metric` is null when the entity names none.
   */
  getUnitCost(
    entityRef: CompoundEntityRef,
    options?: Omit<EntityCostOptions, 'basis'>,
  ): Promise<UnitCostResponse>;

  /** The licensed products an entity consumes, how each was counted and whether it is covered. */
  getEntityLicenses(
    entityRef: CompoundEntityRef,
  ): Promise<EntityLicensesResponse>;

  /** A group's all-in cost and the entities it owns, against the previous period. */
  getTeamCost(
    groupRef: CompoundEntityRef,
    options?: Pick<EntityCostOptions, 'from' | 'to'>,
  ): Promise<TeamCostResponse>;

  /** Status of every configured cost source, including how far its data reaches. */
  getCostSources(): Promise<CostSourceStatus[]>;

  /** The license position per product with an entitlement, consumption or reservation. */
  getLicensePosition(): Promise<LicensePositionEntry[]>;

  /** Licenses that could be released, and why. */
  getLicenseReharvest(): Promise<ReharvestResponse>;

  /** BYOL outside its rights, unauthorized products, unknown products and sizes, with who runs them. */
  getLicenseComplianceRisks(): Promise<LicenseComplianceResponse>;

  /** Onboarding requests, pending review first, then newest first. */
  listOnboardingRequests(
    filter?: OnboardingRequestFilter,
  ): Promise<OnboardingRequestsResponse>;

  /** One onboarding request with its checks, decisions and history. */
  getOnboardingRequest(id: string): Promise<OnboardingRequestDetail>;

  /**
   * Files an onboarding request and runs its checks. An invalid request fails with an
   * `OnboardingProblemsError` listing every problem by field.
   */
  createOnboardingRequest(
    input: OnboardingRequestInput,
  ): Promise<OnboardingRequestDetail>;

  /**
   * Replaces an open request's content and runs its checks again; fails like
   * {@link FinopsItamApi.createOnboardingRequest}.
   */
  updateOnboardingRequest(
    id: string,
    input: OnboardingRequestInput,
  ): Promise<OnboardingRequestDetail>;

  /**
   * Approves, rejects or asks for changes. Approving with a failed check needs an `exception`;
   * a refused decision fails with an `OnboardingProblemsError`.
   */
  decideOnboardingRequest(
    id: string,
    decision: OnboardingDecisionInput,
  ): Promise<OnboardingRequestDetail>;

  /** The providers, regions, instance types and products a request may name, and the policies. */
  getOnboardingOptions(): Promise<OnboardingOptions>;

  /** The onboarding requests of an entity, newest first. */
  getEntityOnboarding(
    entityRef: CompoundEntityRef,
  ): Promise<OnboardingRequestsResponse>;

  /** Every budget whose period contains `day` (today by default), with actual, forecast and status. */
  listBudgets(options?: { day?: string }): Promise<BudgetsResponse>;

  /**
   * Upserts budgets by id, all or nothing. A refused batch fails with a
   * `BudgetRejectionsError` listing every problem by record and field.
   */
  putBudgets(records: BudgetRecordInput[]): Promise<BudgetUpsertResponse>;

  /** Deletes a budget stored through the API. */
  deleteBudget(id: string): Promise<void>;

  /** An entity's budget status; `budget` is null when it has none for the period. */
  getEntityBudget(
    entityRef: CompoundEntityRef,
    options?: EntityBudgetOptions,
  ): Promise<EntityBudgetResponse>;

  /** An entity's daily all-in cost projected ahead with a band, and per month. */
  getEntityForecast(
    entityRef: CompoundEntityRef,
  ): Promise<EntityForecastResponse>;

  /** Cost and license anomalies, newest first. */
  listAnomalies(filter?: AnomalyFilter): Promise<AnomaliesResponse>;

  /** Acknowledges, resolves (with a resolution and a note) or reopens an anomaly. */
  setAnomalyStatus(id: string, input: AnomalyStatusInput): Promise<Anomaly>;

  /**
   * The FinOps KPIs of a period for its main currency, the other currencies apart, and per
   * provider, billing account or team when `groupBy` is given.
   */
  getKpis(
    options?: FinopsPeriodOptions & { groupBy?: KpiGroupBy },
  ): Promise<KpiResponse>;

  /** Allocated and unallocated cost of a period. */
  getAllocationCoverage(
    options?: FinopsPeriodOptions,
  ): Promise<AllocationCoverageResponse>;

  /** The costliest unallocated resources of a period, with suggested owners. */
  getUnallocated(
    options?: FinopsPeriodOptions & { limit?: number },
  ): Promise<UnallocatedResponse>;

  /** A month's chargeback per cost center as the backend's CSV text. */
  getChargebackCsv(month: string): Promise<string>;

  /** Every commitment discount seen in a period, with its use and who it covered. */
  listCommitments(options?: FinopsPeriodOptions): Promise<CommitmentsResponse>;

  /** Marketplace spend per seller, and whether it counts toward the provider commitment. */
  getMarketplaceSpend(
    options?: FinopsPeriodOptions,
  ): Promise<MarketplaceResponse>;

  /** SaaS contracts with drawdown and run rate as of a day (today by default). */
  listSaasContracts(options?: {
    asOf?: string;
  }): Promise<SaasContractsResponse>;

  /** Running cost outside the policies, per owner. */
  getPolicyCompliance(
    options?: FinopsPeriodOptions,
  ): Promise<PolicyComplianceResponse>;

  /** All-in unit cost of every entity with a business metric, highest first. */
  getUnitEconomics(
    options?: FinopsPeriodOptions,
  ): Promise<UnitEconomicsResponse>;

  /** The shared FinOps and ITAM vocabulary. */
  getGlossary(): Promise<GlossaryResponse>;

  /**
   * Who decides and who is consulted for each decision; `ownerRef` resolves the owner roles
   * for one group.
   */
  getAccountability(options?: {
    ownerRef?: string;
  }): Promise<AccountabilityResponse>;
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
