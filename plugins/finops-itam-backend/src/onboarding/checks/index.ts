import { checkBudgetFit } from './budgetFit';
import { checkByolEligibility } from './byolEligibility';
import { checkCheaperOption } from './cheaperOption';
import { checkCostEstimate, estimateMonthlyCost } from './costEstimate';
import { checkLicenseAvailability } from './licenseAvailability';
import { CheckExtras } from './checkExtras';
import { plannedRequirements } from './plannedCounts';
import { checkPolicy } from './policy';
import { CheckContext, CheckOutcome, OnboardingPlan } from './types';

export type { CheckExtras, ChecksInput } from './checkExtras';
export type { LicenseIncludedPrice } from './licenseIncludedPremium';
export { priceLookups } from './priceLookups';

/**
 * Runs the six onboarding checks on a plan, in the order reviewers read them, with the
 * cost estimate and what the request would reserve once approved. Pure: everything it
 * reads is in `plan` and `context`, so the same inputs always give the same answer.
 */
export function runChecks(
  plan: OnboardingPlan,
  context: CheckContext & CheckExtras,
): CheckOutcome {
  const requirements = plannedRequirements(
    plan,
    context.products,
    context.hostTypes,
  );
  const costEstimate = estimateMonthlyCost(plan, requirements, context);
  return {
    checks: [
      checkLicenseAvailability(requirements, context),
      checkByolEligibility(plan, context),
      checkPolicy(plan, context),
      checkCostEstimate(plan, costEstimate),
      checkBudgetFit(plan, costEstimate, context.budget),
      checkCheaperOption(plan, context),
    ],
    costEstimate,
    reservations: requirements.map(r => ({
      productId: r.product.id,
      quantity: r.quantity,
      metric: r.metric,
    })),
  };
}
