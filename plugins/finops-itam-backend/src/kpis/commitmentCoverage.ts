import { ExactSum } from '../money';
import {
  EligibilitySource,
  commitmentEligibility,
  eligibleCategorySet,
} from './commitmentEligibility';
import { commitmentStatus, isOnDemand, isUsage, text } from './focusValues';
import { Kpi, KpiRow } from './KpiRow';
import { assertOneCurrency, ratioKpi } from './ratioKpi';

/** Commitment coverage, and how the eligibility of on-demand cost was decided. */
export interface CommitmentCoverage extends Kpi {
  eligibility: {
    /** The sources that decided at least one row, in a stable order; empty when none had to. */
    decidedBy: EligibilitySource[];
    /** The configured list used for rows without the FOCUS 1.4 column. */
    eligibleServiceCategories: string[];
  };
}

/**
 * Commitment coverage of one currency's rows = covered cost / (covered cost + on-demand cost
 * of eligible services), on EffectiveCost of Usage rows. Covered cost is the usage a
 * commitment paid for (status Used), eligible by definition. On-demand cost is Standard-priced
 * usage without a commitment, counted when {@link commitmentEligibility} finds it eligible.
 * Unused commitment is not usage anyone ran, and spot (Dynamic) or Other pricing could not
 * have been committed, so they stay out. Rows whose pricing, commitment status or
 * eligibility is unknown are reported as `notCovered`.
 */
export function commitmentCoverage(
  rows: readonly KpiRow[],
  eligibleServiceCategories: readonly string[],
): CommitmentCoverage {
  assertOneCurrency(rows);
  const categories = eligibleCategorySet(eligibleServiceCategories);
  const covered = new ExactSum();
  const eligible = new ExactSum();
  const notCovered = new ExactSum();
  const decidedBy = new Set<EligibilitySource>();
  for (const row of rows) {
    if (!isUsage(row)) continue;
    const status = commitmentStatus(row);
    if (status === 'used') {
      covered.add(row.effectiveCost);
      eligible.add(row.effectiveCost);
    } else if (status === 'unknown' || text(row.pricingCategory) === null) {
      notCovered.add(row.effectiveCost);
    } else if (status === 'none' && isOnDemand(row)) {
      const decision = commitmentEligibility(row, categories);
      decidedBy.add(decision.decidedBy);
      if (decision.eligible === null) {
        notCovered.add(row.effectiveCost);
      } else if (decision.eligible) {
        eligible.add(row.effectiveCost);
      }
    }
  }
  return {
    ...ratioKpi(covered, eligible, notCovered),
    eligibility: {
      decidedBy: [...decidedBy].sort(),
      eligibleServiceCategories: [...eligibleServiceCategories],
    },
  };
}
