import { Knex } from 'knex';
import { AnomalyStore } from '../anomalies/AnomalyStore';
import { DatabaseAnomalyStore } from '../anomalies/DatabaseAnomalyStore';
import { BudgetStore } from '../budgets/BudgetStore';
import { DatabaseBudgetStore } from '../budgets/DatabaseBudgetStore';
import { AllocationStore } from '../database/AllocationStore';
import { DatabaseAllocationStore } from '../database/DatabaseAllocationStore';
import { CostReportStore } from '../database/CostReportStore';
import { CostStore } from '../database/CostStore';
import { DatabaseCostReportStore } from '../database/DatabaseCostReportStore';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { DatabaseEntityDailyCostReader } from '../database/DatabaseEntityDailyCostReader';
import { DatabaseHealthStore } from '../database/DatabaseHealthStore';
import { EntityDailyCostReader } from '../database/EntityDailyCostReader';
import { HealthStore } from '../database/HealthStore';
import { NotificationClaimStore } from '../database/NotificationClaimStore';
import { DatabaseKpiStore } from '../kpis/DatabaseKpiStore';
import { KpiStore } from '../kpis/KpiStore';
import { DatabaseLicenseStore } from '../licenses/DatabaseLicenseStore';
import { LicenseStore } from '../licenses/LicenseStore';
import { DatabaseLicensedFactStore } from '../licenses/DatabaseLicensedFactStore';
import { LicensedFactStore } from '../licenses/LicensedFactStore';
import { RollupLicenseCostReader } from '../licenses/RollupLicenseCostReader';
import { DatabaseMarketplaceChargeStore } from '../marketplace/DatabaseMarketplaceChargeStore';
import { MarketplaceChargeStore } from '../marketplace/MarketplaceChargeStore';
import { DatabaseMetricStore } from '../metrics/DatabaseMetricStore';
import { MetricStore } from '../metrics/MetricStore';
import { DatabaseOnboardingStore } from '../onboarding/DatabaseOnboardingStore';
import { OnboardingStore } from '../onboarding/OnboardingStore';
import { DatabaseObservedPriceStore } from '../onboarding/prices/DatabaseObservedPriceStore';
import { ObservedPriceStore } from '../onboarding/prices/ObservedPriceStore';
import { DatabaseSaasConsumptionStore } from '../saas/DatabaseSaasConsumptionStore';
import { SaasConsumptionStore } from '../saas/SaasConsumptionStore';
import { DatabaseGovernanceCostReader } from '../governance/compliance/DatabaseGovernanceCostReader';
import { GovernanceCostReader } from '../governance/compliance/GovernanceCostReader';
import { EntityPeriodTotals } from '../teams/EntityPeriodTotals';
import { DatabaseMeteredEntityReader } from '../unitEconomics/DatabaseMeteredEntityReader';
import { MeteredEntityReader } from '../unitEconomics/MeteredEntityReader';

/**
 * The plugin's stores, one of each, shared by the features that read or write the same
 * tables (cost facts are written by ingestion and read by allocation, reports and teams).
 */
export interface FinopsItamStores {
  costs: CostStore;
  allocations: AllocationStore;
  /** Business metric values: written by the metrics API and sources, read by allocation and unit cost. */
  metrics: MetricStore;
  licenses: LicenseStore;
  /** Licensed cost facts and their per-month extract, for the license position. */
  licensedFacts: LicensedFactStore;
  /** Read-only sums for the reports: chargeback, unallocated cost, team totals. */
  costReports: CostReportStore;
  /** An entity's license cost over its rollup (reads `costReports`). */
  licenseCosts: RollupLicenseCostReader;
  /** Team and entity totals over two periods (reads `costReports`). */
  entityPeriodTotals: EntityPeriodTotals;
  health: HealthStore;
  /** Onboarding requests and their history. */
  onboarding: OnboardingStore;
  /** Instance prices seen in recent cost data, for onboarding cost estimates. */
  observedPrices: ObservedPriceStore;
  /** Cost and license anomalies, their status history and the last license position seen. */
  anomalies: AnomalyStore;
  /** Every entity's daily amortized cost in bulk, with its service and resource split. */
  entityDailyCosts: EntityDailyCostReader;
  /** Budgets from app-config, budget sources and the API, and the alerts sent about them. */
  budgets: BudgetStore;
  /** What SaaS contracts consume, read from matching cost facts. */
  saasConsumption: SaasConsumptionStore;
  /** Charges sold by someone other than their invoice issuer, with their owners. */
  marketplaceCharges: MarketplaceChargeStore;
  /** The entities that reported business metric values, for unit economics. */
  meteredEntities: MeteredEntityReader;
  /** Cost facts grouped by what `finopsItam.policies` judge, for the compliance report. */
  governanceCosts: GovernanceCostReader;
  /** The sums behind the FinOps KPIs and commitments, and their rollup. */
  kpis: KpiStore;
  /** Claims that make budget alerts and anomaly notifications go out once across runs. */
  notificationClaims: NotificationClaimStore;
}

/** Opens every store on the plugin's migrated database. */
export function createStores(db: Knex): FinopsItamStores {
  const costReports = new DatabaseCostReportStore(db);
  const licenseCosts = new RollupLicenseCostReader(costReports);
  return {
    costs: new DatabaseCostStore(db),
    allocations: new DatabaseAllocationStore(db),
    metrics: new DatabaseMetricStore(db),
    licenses: new DatabaseLicenseStore(db),
    licensedFacts: new DatabaseLicensedFactStore(db),
    costReports,
    licenseCosts,
    entityPeriodTotals: new EntityPeriodTotals(costReports, licenseCosts),
    health: new DatabaseHealthStore(db),
    onboarding: new DatabaseOnboardingStore(db),
    observedPrices: new DatabaseObservedPriceStore(db),
    anomalies: new DatabaseAnomalyStore(db),
    entityDailyCosts: new DatabaseEntityDailyCostReader(db),
    budgets: new DatabaseBudgetStore(db),
    saasConsumption: new DatabaseSaasConsumptionStore(db),
    marketplaceCharges: new DatabaseMarketplaceChargeStore(db),
    meteredEntities: new DatabaseMeteredEntityReader(db),
    governanceCosts: new DatabaseGovernanceCostReader(db),
    kpis: new DatabaseKpiStore(db),
    notificationClaims: new NotificationClaimStore(db),
  };
}
