import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { ProviderNames, marketplaceVerdict } from '../governance';
import { detectLicenses } from '../licenses/costDataLicenses';
import { readLicenseConfig } from '../licenses/licenseConfig';
import { readOnboardingConfig } from '../onboarding/onboardingConfig';
import { readPolicies } from '../onboarding/policyConfig';
import { createMarketplaceRoutes } from '../routes/marketplace';
import { readCountsTowardCommitment } from './marketplaceConfig';
import { MarketplaceRules } from './marketplaceSpend';
import { MarketplaceService } from './MarketplaceService';

/**
 * Marketplace spend (`GET /marketplace`): charges sold by someone other than their invoice
 * issuer, per seller, with the license product, the policy state and whether the provider
 * counts them toward its commitment. The policy verdict and the provider names come from the
 * policy engine onboarding and the compliance report use, so the three never disagree.
 */
export const createMarketplaceFeature: FinopsItamFeatureFactory = core => {
  const { config, stores, requirePermission } = core;
  const { regions } = readOnboardingConfig(config);
  // Warnings about the policies are logged once, by the governance feature.
  const { policies } = readPolicies(config, regions);
  const names = new ProviderNames(regions);
  const licenseSettings = readLicenseConfig(config).costData;
  const rules: MarketplaceRules = {
    countsTowardCommitment: readCountsTowardCommitment(config),
    policyOf: seller => {
      const verdict = marketplaceVerdict(policies, seller, names);
      return verdict === 'approved' ? 'approved-publisher' : verdict;
    },
    sameName: (a, b) => names.same(a, b),
    knownProvider: name => regions.provider(name),
    productIdsOf: charge =>
      detectLicenses(
        {
          day: '',
          resourceId: charge.resourceId,
          resourceName: null,
          providerName: charge.providerName,
          skuId: charge.skuId,
          skuPriceDetails: charge.skuPriceDetails,
          tags: charge.tags,
          entityRef: charge.ownerRef,
        },
        licenseSettings,
      ).map(detection => detection.productId),
  };
  const marketplace = new MarketplaceService({
    store: stores.marketplaceCharges,
    rules,
  });
  return {
    id: 'marketplace',
    routes: [
      {
        mount: router =>
          router.use(
            createMarketplaceRoutes({ marketplace, requirePermission }),
          ),
      },
    ],
  };
};
