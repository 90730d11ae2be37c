import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { DEFAULT_COST_DATA_SETTINGS } from '../licenses/licenseConfig';
import { readOnboardingConfig } from '../onboarding/onboardingConfig';
import { readPolicies } from '../onboarding/policyConfig';
import { createAccountabilityRoutes } from '../routes/accountability';
import { createGovernanceRoutes } from '../routes/governance';
import { readAccountability } from './accountability/accountabilityConfig';
import { ComplianceService } from './compliance/ComplianceService';
import { ProviderNames } from './policies/ProviderNames';

/**
 * Governance: `finopsItam.policies` applied to running cost (the compliance report per
 * owner, with the rules onboarding applies to new workloads) and who is accountable for
 * each decision the portal shows. Policies naming providers or regions the portal does not
 * know are logged at start-up; malformed policies stop it.
 */
export const createGovernanceFeature: FinopsItamFeatureFactory = core => {
  const { config, logger, stores, requirePermission } = core;
  // The same known providers and regions onboarding checks requests against.
  const { regions } = readOnboardingConfig(config);
  const { policies, warnings } = readPolicies(config, regions);
  for (const warning of warnings) logger.warn(warning);
  const accountability = readAccountability(config);

  const compliance = new ComplianceService({
    reader: stores.governanceCosts,
    catalog: core.catalog,
    auth: core.auth,
    policies,
    names: new ProviderNames(regions),
    productTag:
      config.getOptionalString('finopsItam.licenses.costData.productTag') ??
      DEFAULT_COST_DATA_SETTINGS.productTag,
  });

  return {
    id: 'governance',
    routes: [
      {
        mount: router => {
          router.use(createGovernanceRoutes({ compliance, requirePermission }));
          router.use(
            createAccountabilityRoutes({ accountability, requirePermission }),
          );
        },
      },
    ],
  };
};
