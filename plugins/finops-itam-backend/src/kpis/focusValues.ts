import { KpiRow } from './KpiRow';

/**
 * FOCUS enumerations compared without regard to case: real exports write `Usage-based` and
 * `Usage-Based`, and rows may reach these formulas from places other than the importer.
 */
function same(value: string | null | undefined, expected: string): boolean {
  return (
    typeof value === 'string' &&
    value.trim().toLowerCase() === expected.toLowerCase()
  );
}

/** A Usage row: what the FOCUS use cases compute savings and commitments over. */
export function isUsage(row: KpiRow): boolean {
  return same(row.chargeCategory, 'Usage');
}

/** The commitment status of a Usage row, `unknown` when a commitment row has none. */
export function commitmentStatus(
  row: KpiRow,
): 'used' | 'unused' | 'unknown' | 'none' {
  if (same(row.commitmentDiscountStatus, 'Used')) return 'used';
  if (same(row.commitmentDiscountStatus, 'Unused')) return 'unused';
  const hasId =
    typeof row.commitmentDiscountId === 'string' &&
    row.commitmentDiscountId.trim() !== '';
  const committedPrice = same(row.pricingCategory, 'Committed');
  return hasId || committedPrice ? 'unknown' : 'none';
}

/** Standard (on-demand) pricing: the cost a commitment could have covered. */
export function isOnDemand(row: KpiRow): boolean {
  return same(row.pricingCategory, 'Standard');
}

/** Text with surrounding blanks removed, or null when empty. */
export function text(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
