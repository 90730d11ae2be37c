import { OnboardingPolicies } from '@finops-itam/plugin-finops-itam-common';

/**
 * `finopsItam.policies` as the compliance report applies them: the onboarding policies
 * (one policy set for new and running workloads) plus what only running cost shows.
 */
export interface GovernancePolicies extends OnboardingPolicies {
  /**
   * Tag keys required on one provider's resources only, on top of `requiredTags`, keyed by
   * provider name (e.g. Azure resource groups carry `cost-center`, AWS accounts do not).
   */
  requiredTagsByProvider: Record<string, string[]>;
  /**
   * With `marketplace: needs-approval`, the marketplace sellers already approved; purchases
   * from any other seller are outside policy.
   */
  approvedMarketplacePublishers: string[];
}
