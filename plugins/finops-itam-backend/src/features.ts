import { createAllocationFeature } from './allocation/feature';
import { createBudgetsFeature } from './budgets/feature';
import { createAnomaliesFeature } from './anomalies/feature';
import { FinopsItamFeatureFactory } from './feature/FinopsItamFeature';
import { createGlossaryFeature } from './glossary/feature';
import { createGovernanceFeature } from './governance/feature';
import { createHealthFeature } from './health/feature';
import { createIngestionFeature } from './ingestion/feature';
import { createKpisFeature } from './kpis/feature';
import { createLicensesFeature } from './licenses/feature';
import { createMarketplaceFeature } from './marketplace/feature';
import { createMetricsFeature } from './metrics/feature';
import { createOnboardingFeature } from './onboarding/feature';
import { createSaasFeature } from './saas/feature';
import { createSourcesFeature } from './sources/feature';
import { createTeamsFeature } from './teams/feature';
import { createUnitEconomicsFeature } from './unitEconomics/feature';

/**
 * Every feature of the plugin. A new feature adds its factory here and nothing else: see
 * "Adding a feature" in docs/architecture.md.
 */
export const finopsItamFeatures: FinopsItamFeatureFactory[] = [
  createHealthFeature,
  createIngestionFeature,
  createSourcesFeature,
  createAllocationFeature,
  createLicensesFeature,
  createMetricsFeature,
  createTeamsFeature,
  createOnboardingFeature,
  createBudgetsFeature,
  createAnomaliesFeature,
  createSaasFeature,
  createMarketplaceFeature,
  createUnitEconomicsFeature,
  createGovernanceFeature,
  createGlossaryFeature,
  createKpisFeature,
];
