import { BudgetStatus } from '@finops-itam/plugin-finops-itam-common';

/** The words a budget status reads as everywhere; an e2e test looks for them. */
export const BUDGET_STATUS_WORDS: Record<BudgetStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  over: 'Over',
  under: 'Under',
};

/** The theme colour of each status; the word carries the meaning, the colour only helps. */
export const BUDGET_STATUS_TONES: Record<
  BudgetStatus,
  'success' | 'warning' | 'danger' | 'info'
> = {
  'on-track': 'success',
  'at-risk': 'warning',
  over: 'danger',
  under: 'info',
};

/**
 * Worst first, for sorting a list by status: an overspend needs action now, a projected one
 * soon, an underspend may free money, on track needs nothing.
 */
export const BUDGET_STATUS_RANK: Record<BudgetStatus, number> = {
  over: 0,
  'at-risk': 1,
  under: 2,
  'on-track': 3,
};

/**
 * A variance the backend sends as a fraction of the budget (`-0.0667`), as `-6.7%`. It is a
 * ratio for display, not an amount, so a float is fine here.
 */
export function formatVariance(variance: number): string {
  return new Intl.NumberFormat('en-US', {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 1,
  }).format(variance);
}
