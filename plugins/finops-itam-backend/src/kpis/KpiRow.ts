/**
 * One cost row as the KPI formulas read it: the FOCUS columns they need, with the owner the
 * allocation gave it. Amounts are plain decimal strings in the row's billing currency; a
 * `null` amount or column means the export left it unknown.
 */
export interface KpiRow {
  /** FOCUS ChargeCategory: Usage | Purchase | Tax | Credit | Adjustment. */
  chargeCategory: string;
  /**
   * FOCUS ChargeClass: null, or Correction for a delta to a closed period. Corrections are
   * summed like any other row of their charge category: a delta adds to what it corrects.
   */
  chargeClass?: string | null;
  /** FOCUS PricingCategory: Standard | Dynamic | Committed | Other. */
  pricingCategory?: string | null;
  commitmentDiscountId?: string | null;
  /** Used | Unused; set on Usage rows a commitment covered or left unused. */
  commitmentDiscountStatus?: string | null;
  /** Spend | Usage. */
  commitmentDiscountCategory?: string | null;
  /** Provider's name for the kind of commitment (e.g. "Savings Plan", "Reserved Instance"). */
  commitmentDiscountType?: string | null;
  /** Quantity of the commitment this row used or left unused, in `commitmentDiscountUnit`. */
  commitmentDiscountQuantity?: string | null;
  commitmentDiscountUnit?: string | null;
  /**
   * FOCUS 1.4 CommitmentProgramEligibilityDetails, a JSON object such as
   * `{"CommitmentPrograms":[{"ProgramType":"Savings Plan"}]}`.
   * Leave it `undefined` when the export has no such column (before 1.4): eligibility then
   * comes from the configured service categories. `null` means the export has the column and
   * the row is eligible for no commitment program.
   */
  commitmentProgramEligibilityDetails?: string | null;
  serviceCategory?: string | null;
  providerName?: string | null;
  billingAccountId?: string | null;
  /** The entity the allocation gave this row to, or null when it is unallocated. */
  ownerRef: string | null;
  /** FOCUS BillingCurrency. */
  currency: string;
  listCost?: string | null;
  contractedCost?: string | null;
  effectiveCost: string;
  billedCost?: string | null;
}

/**
 * One ratio KPI with the sums it comes from, so a reader can check it. All decimal strings.
 * The value is usually between 0 and 1 but is not clamped: paying more than list price gives
 * a negative savings rate, and hiding that would hide the problem.
 * `notCovered` is the effective cost of the rows left out because a column the formula
 * needs is unknown on them ("not covered by this figure").
 */
export interface Kpi {
  /** numerator / denominator, rounded to {@link RATIO_DECIMALS} places; null when the denominator is 0. */
  value: string | null;
  numerator: string;
  denominator: string;
  notCovered: string;
}

/** Decimal places of a KPI's `value`: a ratio shown as a percentage with four decimals. */
export const RATIO_DECIMALS = 6;
