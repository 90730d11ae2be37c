import { z } from 'zod';
import { text } from './focusValues';
import { KpiRow } from './KpiRow';

/** How a row's eligibility for commitment discounts was decided. */
export type EligibilitySource =
  | 'CommitmentProgramEligibilityDetails'
  | 'serviceCategories';

/** Whether on-demand cost of a row could have been covered by a commitment, and why. */
export interface Eligibility {
  /** Null when the column the decision needs is unknown or unreadable on this row. */
  eligible: boolean | null;
  decidedBy: EligibilitySource;
}

/** The part of FOCUS 1.4 CommitmentProgramEligibilityDetails the decision reads. */
const eligibilityDetails = z.object({
  CommitmentPrograms: z.array(z.object({}).passthrough()).optional(),
});

/**
 * Eligibility of one row. The FOCUS 1.4 column wins when the export has it: a row is
 * eligible when it names at least one commitment program, and a null value means eligible
 * for none. Without the column, the row's ServiceCategory decides, against the configured
 * list of eligible categories (compared without regard to case).
 */
export function commitmentEligibility(
  row: KpiRow,
  eligibleServiceCategories: ReadonlySet<string>,
): Eligibility {
  if (row.commitmentProgramEligibilityDetails !== undefined) {
    const decidedBy = 'CommitmentProgramEligibilityDetails';
    const details = text(row.commitmentProgramEligibilityDetails);
    if (details === null) return { eligible: false, decidedBy };
    const programs = parseDetails(details);
    return programs === null
      ? { eligible: null, decidedBy }
      : { eligible: programs > 0, decidedBy };
  }
  const decidedBy = 'serviceCategories';
  const category = text(row.serviceCategory);
  if (category === null) return { eligible: null, decidedBy };
  return {
    eligible: eligibleServiceCategories.has(category.toLowerCase()),
    decidedBy,
  };
}

/** The configured categories in the form {@link commitmentEligibility} compares. */
export function eligibleCategorySet(
  categories: readonly string[],
): ReadonlySet<string> {
  return new Set(categories.map(category => category.trim().toLowerCase()));
}

/** How many programs the JSON names, or null when it is not the FOCUS object. */
function parseDetails(details: string): number | null {
  let json: unknown;
  try {
    json = JSON.parse(details);
  } catch {
    return null;
  }
  const parsed = eligibilityDetails.safeParse(json);
  return parsed.success ? parsed.data.CommitmentPrograms?.length ?? 0 : null;
}
