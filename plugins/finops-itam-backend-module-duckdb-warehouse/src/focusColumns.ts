/**
 * The FOCUS columns the finops-itam importer reads (the node package holds the list). The
 * daily query keeps exactly these: every one it groups by is a column the plugin keeps on a
 * fact or decides ownership with, so a daily row gives the same facts as the charges it sums. Other columns (`x_` columns, `ChargeDescription`, ...) are
 * dropped by the aggregation; that is where most of the size goes.
 */

import {
  FocusColumnName,
  focusMandatoryColumns,
  focusOptionalColumns,
} from '@finops-itam/plugin-finops-itam-node';

/** Columns a source must have; the plugin rejects a file without them. */
export const MANDATORY_COLUMNS = focusMandatoryColumns;

/** FOCUS 1.3 renamed ProviderName; one of the two must be present. */
export const PROVIDER_COLUMNS = [
  'ProviderName',
  'ServiceProviderName',
] as const;

/** Columns kept when the source has them. */
export const OPTIONAL_COLUMNS = focusOptionalColumns;

export type FocusColumn = FocusColumnName;

/** Summed per day; every other column is grouped by. */
export const AMOUNT_COLUMNS: readonly FocusColumn[] = [
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'ConsumedQuantity',
  'CommitmentDiscountQuantity',
];

/** Read as UTC instants and written back as ISO 8601 text. */
export const TIMESTAMP_COLUMNS: readonly FocusColumn[] = [
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
];

/** Key-value columns: grouped by their JSON text. */
export const JSON_COLUMNS: readonly FocusColumn[] = [
  'Tags',
  'AllocatedTags',
  'SkuPriceDetails',
  'CommitmentProgramEligibilityDetails',
];

/**
 * Which of the known columns a relation has, matched case-insensitively as the importer
 * does: FOCUS column → the relation's own name and type.
 */
export function mapFocusColumns(
  described: Array<{ name: string; type: string }>,
): Map<FocusColumn, { name: string; type: string }> {
  const byLowerName = new Map(described.map(c => [c.name.toLowerCase(), c]));
  const mapped = new Map<FocusColumn, { name: string; type: string }>();
  for (const column of [...MANDATORY_COLUMNS, ...OPTIONAL_COLUMNS]) {
    const found = byLowerName.get(column.toLowerCase());
    if (found) mapped.set(column, found);
  }
  return mapped;
}

/** Mandatory columns the relation lacks, for the run's error message. */
export function missingColumns(mapped: Map<FocusColumn, unknown>): string[] {
  const missing: string[] = MANDATORY_COLUMNS.filter(c => !mapped.has(c));
  if (!PROVIDER_COLUMNS.some(c => mapped.has(c))) {
    missing.push('ProviderName (or ServiceProviderName)');
  }
  return missing;
}
