/**
 * The FOCUS columns the importer reads, with the aliases that differ between FOCUS 1.0–1.3.
 * Real exports vary in column casing, so columns are matched case-insensitively.
 */

import {
  FocusColumnName,
  focusMandatoryColumns,
  focusOptionalColumns,
} from '@finops-itam/plugin-finops-itam-node';

/** Columns a file must have, or it is rejected whole (shared with modules: the node package). */
export const MANDATORY_COLUMNS = focusMandatoryColumns;

/** Columns used when present. */
export const OPTIONAL_COLUMNS = focusOptionalColumns;

export type FocusColumn = FocusColumnName;

/** FOCUS 1.3 renamed ProviderName/PublisherName; one of each pair must be present. */
export const PROVIDER_ALTERNATIVES: FocusColumn[] = [
  'ServiceProviderName',
  'ProviderName',
];

export const CHARGE_CATEGORIES = [
  'Usage',
  'Purchase',
  'Tax',
  'Credit',
  'Adjustment',
] as const;

export const CHARGE_CLASSES = ['Correction'] as const;

export const PRICING_CATEGORIES = [
  'Standard',
  'Dynamic',
  'Committed',
  'Other',
] as const;

export const COMMITMENT_STATUSES = ['Used', 'Unused'] as const;

export const COMMITMENT_CATEGORIES = ['Spend', 'Usage'] as const;

/** One-Time charges stay on their start day; the others are spread over their period. */
export const CHARGE_FREQUENCIES = [
  'One-Time',
  'Recurring',
  'Usage-Based',
] as const;

/**
 * Maps the file's header to FOCUS columns, ignoring case and surrounding whitespace.
 * Columns the importer does not know (extra or `x_` columns) are simply not mapped.
 */
export function mapColumns(header: string[]): Map<FocusColumn, string> {
  const byLowerName = new Map(
    header.map(name => [name.trim().toLowerCase(), name]),
  );
  const mapped = new Map<FocusColumn, string>();
  for (const column of [...MANDATORY_COLUMNS, ...OPTIONAL_COLUMNS]) {
    const actual = byLowerName.get(column.toLowerCase());
    if (actual !== undefined) {
      mapped.set(column, actual);
    }
  }
  return mapped;
}

/**
 * FOCUS columns the header names more than once (ignoring case and surrounding whitespace),
 * with their 1-based positions: which of the columns holds the value cannot be known.
 */
export function repeatedFocusColumns(
  header: string[],
): { column: FocusColumn; positions: number[] }[] {
  return [...MANDATORY_COLUMNS, ...OPTIONAL_COLUMNS].flatMap(column => {
    const positions = header.flatMap((name, i) =>
      name.trim().toLowerCase() === column.toLowerCase() ? [i + 1] : [],
    );
    return positions.length > 1 ? [{ column, positions }] : [];
  });
}

/** Names the mandatory columns a file lacks, in a form fit for an error message. */
export function missingMandatoryColumns(
  mapped: Map<FocusColumn, string>,
): string[] {
  const missing: string[] = MANDATORY_COLUMNS.filter(c => !mapped.has(c));
  if (!PROVIDER_ALTERNATIVES.some(c => mapped.has(c))) {
    missing.push('ProviderName (ServiceProviderName from FOCUS 1.3)');
  }
  return missing;
}

/** Best guess of the FOCUS version from columns introduced by each release. */
export function guessFocusVersion(mapped: Map<FocusColumn, string>): string {
  if (mapped.has('CommitmentProgramEligibilityDetails')) {
    return '1.4';
  }
  if (
    mapped.has('ServiceProviderName') ||
    mapped.has('HostProviderName') ||
    mapped.has('AllocatedResourceId')
  ) {
    return '1.3';
  }
  if (mapped.has('InvoiceId')) {
    return '1.2';
  }
  if (mapped.has('SkuPriceDetails')) {
    return '1.1';
  }
  return '1.0';
}
