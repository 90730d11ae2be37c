import { CHARGE_CATEGORIES, FocusColumn } from './focusColumns';
import { quoteIdentifier } from './duckdb';

/**
 * SQL that turns one FOCUS file into typed, validated rows in DuckDB. Every value is read as
 * text first, so a bad cell rejects its row with a reason instead of failing the file.
 */

/** Amounts keep 16 decimal places: real exports carry values below a millionth. */
export const AMOUNT_TYPE = 'DECIMAL(38,16)';

const AMOUNT_COLUMNS: FocusColumn[] = [
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
];

/** Columns summed as exact decimals. */
export const DECIMAL_COLUMNS: FocusColumn[] = [...AMOUNT_COLUMNS, 'ConsumedQuantity'];

/**
 * Columns a fast reader may type natively. Timestamps stay text: DuckDB's plain TIMESTAMP
 * parser drops UTC offsets, and its TIMESTAMPTZ reader is no faster than our cast.
 */
export const NATIVE_TYPES: [FocusColumn, string][] = DECIMAL_COLUMNS.map(c => [
  c,
  AMOUNT_TYPE,
]);

/**
 * How the source delivers amounts: as text (parsed here, row by row, so a bad cell rejects
 * only its row) or natively typed (Parquet types, or CSV read with DECIMAL column types,
 * which the CSV reader parses faster than a cast from text).
 */
export type AmountInput = 'text' | 'native';

interface RowCheck {
  column: string;
  failsWhen: string;
  reason: string;
}

const raw = (column: FocusColumn) => `r_${column}`;

/** The typed amount column; parsed once per row, as DECIMAL parsing dominates the scan. */
const typedAmount = (column: FocusColumn) => `t_${column}`;

/** Quoted sample of the offending value for messages, kept short. */
const shown = (column: FocusColumn) =>
  `'"' || left(CAST(${raw(column)} AS VARCHAR), 60) || '"'`;

function canonicalCase(expression: string, values: readonly string[]) {
  const whens = values
    .map(v => `WHEN '${v.toLowerCase()}' THEN '${v}'`)
    .join(' ');
  return `CASE lower(trim(${expression})) ${whens} END`;
}

const ROW_CHECKS: RowCheck[] = [
  ...(['BillingAccountId', 'BillingCurrency', 'ChargeCategory'] as const).map(
    column => ({
      column,
      failsWhen: `${raw(column)} IS NULL`,
      reason: `'is empty; FOCUS requires a value'`,
    }),
  ),
  {
    column: 'BillingCurrency',
    failsWhen: `NOT regexp_full_match(${raw('BillingCurrency')}, '[A-Za-z]{3}')`,
    reason: `${shown('BillingCurrency')} || ' is not a three-letter currency code'`,
  },
  {
    column: 'ChargeCategory',
    failsWhen: 'charge_category IS NULL',
    reason: `${shown('ChargeCategory')} || ' is not a ChargeCategory (expected ${CHARGE_CATEGORIES.join(', ')})'`,
  },
  {
    column: 'ChargeClass',
    failsWhen: `${raw('ChargeClass')} IS NOT NULL AND charge_class IS NULL`,
    reason: `${shown('ChargeClass')} || ' is not a ChargeClass (expected empty or Correction)'`,
  },
  ...(
    [
      ['BillingPeriodStart', 'billing_period_start_at'],
      ['ChargePeriodStart', 'charge_period_start_at'],
      ['ChargePeriodEnd', 'charge_period_end_at'],
    ] as const
  ).flatMap(([column, typed]) => [
    {
      column,
      failsWhen: `${raw(column)} IS NULL`,
      reason: `'is empty; FOCUS requires a value'`,
    },
    {
      column,
      failsWhen: `${typed} IS NULL`,
      reason: `${shown(column)} || ' is not a date or timestamp'`,
    },
  ]),
  {
    column: 'ChargePeriodEnd',
    failsWhen: 'charge_period_end_at < charge_period_start_at',
    reason: `'is before ChargePeriodStart'`,
  },
  ...AMOUNT_COLUMNS.flatMap(column => [
    {
      column,
      failsWhen: `${raw(column)} IS NULL`,
      reason: `'is empty; FOCUS requires a value'`,
    },
    {
      column,
      failsWhen: `${typedAmount(column)} IS NULL`,
      reason: `${shown(column)} || ' is not a decimal number in range'`,
    },
  ]),
  {
    column: 'ConsumedQuantity',
    failsWhen: `${raw('ConsumedQuantity')} IS NOT NULL AND ${typedAmount('ConsumedQuantity')} IS NULL`,
    reason: `${shown('ConsumedQuantity')} || ' is not a decimal number in range'`,
  },
  ...(['Tags', 'AllocatedTags'] as const).map(column => ({
    column,
    // json_type() throws on invalid JSON, so test the first character instead.
    failsWhen: `${raw(column)} IS NOT NULL AND NOT (json_valid(${raw(column)}) AND starts_with(${raw(column)}, '{'))`,
    reason: `${shown(column)} || ' is not a JSON object'`,
  })),
];

function caseOf(pick: (check: RowCheck) => string) {
  const whens = ROW_CHECKS.map(c => `WHEN ${c.failsWhen} THEN ${pick(c)}`);
  return `CASE ${whens.join(' ')} END`;
}

/** True when any check fails; a check on a NULL value counts as passed. */
const IS_REJECTED = ROW_CHECKS.map(c => `COALESCE(${c.failsWhen}, false)`).join(' OR ');

/** The file's cells as text (`''` and `NULL` read as null), then typed. */
function typedRows(
  source: string,
  mapped: Map<FocusColumn, string>,
  allColumns: readonly FocusColumn[],
  withRowNumber: boolean,
  amountInput: AmountInput,
): string {
  const rawColumns = allColumns.map(column => {
    const actual = mapped.get(column);
    if (!actual) {
      return `CAST(NULL AS VARCHAR) AS ${raw(column)}`;
    }
    if (amountInput === 'native' && NATIVE_TYPES.some(([c]) => c === column)) {
      return `${quoteIdentifier(actual)} AS ${raw(column)}`;
    }
    // CSV sources already read '' and 'NULL' as null (nullstr); Parquet strings may hold them.
    return `NULLIF(NULLIF(CAST(${quoteIdentifier(actual)} AS VARCHAR), ''), 'NULL') AS ${raw(column)}`;
  });
  const amounts = DECIMAL_COLUMNS.map(
    column => `TRY_CAST(${raw(column)} AS ${AMOUNT_TYPE}) AS ${typedAmount(column)}`,
  );
  const timestamp = (column: FocusColumn) =>
    `TRY_CAST(${raw(column)} AS TIMESTAMPTZ)`;
  // row_number() needs a window over the whole scan; only the rejection listing pays for it.
  const rowNumber = withRowNumber ? 'row_number() OVER () AS row_number, ' : '';
  return `
WITH raw AS (
  SELECT ${rowNumber}${rawColumns.join(', ')}
  FROM ${source}
), typed AS (
  SELECT *,
    ${timestamp('BillingPeriodStart')} AS billing_period_start_at,
    ${timestamp('ChargePeriodStart')} AS charge_period_start_at,
    ${timestamp('ChargePeriodEnd')} AS charge_period_end_at,
    ${canonicalCase(raw('ChargeCategory'), CHARGE_CATEGORIES)} AS charge_category,
    ${canonicalCase(raw('ChargeClass'), ['Correction'])} AS charge_class,
    ${amounts.join(', ')}
  FROM raw
)`;
}

/**
 * One scan of one file: accepted rows summed per UTC day × resource × kind of charge, and
 * rejected rows counted in groups flagged `is_rejected`. Nothing per row is kept, so memory
 * stays flat however large the file is.
 *
 * @param source - a DuckDB table function call such as `read_csv(...)`
 * @param mapped - FOCUS column → the file's own column name
 */
export function buildAggregateSelect(
  source: string,
  fileIndex: number,
  mapped: Map<FocusColumn, string>,
  allColumns: readonly FocusColumn[],
  amountInput: AmountInput,
): string {
  return `${typedRows(source, mapped, allColumns, false, amountInput)}
SELECT
  ${fileIndex} AS file_index,
  (${IS_REJECTED}) AS is_rejected,
  strftime(CAST(billing_period_start_at AS DATE), '%Y-%m-%d') AS billing_period_start,
  strftime(CAST(charge_period_start_at AS DATE), '%Y-%m-%d') AS day,
  ${raw('BillingAccountId')} AS billing_account_id,
  ${raw('SubAccountId')} AS sub_account_id,
  COALESCE(${raw('ProviderName')}, ${raw('ServiceProviderName')}) AS provider_name,
  COALESCE(${raw('PublisherName')}, ${raw('ServiceProviderName')}, ${raw('ProviderName')}) AS publisher_name,
  ${raw('InvoiceIssuerName')} AS invoice_issuer_name,
  ${raw('ServiceName')} AS service_name,
  ${raw('ServiceCategory')} AS service_category,
  ${raw('RegionId')} AS region_id,
  COALESCE(${raw('AllocatedResourceId')}, ${raw('ResourceId')}) AS resource_id,
  COALESCE(${raw('AllocatedResourceName')}, ${raw('ResourceName')}) AS resource_name,
  ${raw('ResourceType')} AS resource_type,
  charge_category,
  charge_class,
  COALESCE(${canonicalCase(raw('PricingCategory'), ['Standard', 'Dynamic', 'Committed', 'Other'])}, ${raw('PricingCategory')}) AS pricing_category,
  ${raw('CommitmentDiscountId')} AS commitment_discount_id,
  COALESCE(${canonicalCase(raw('CommitmentDiscountStatus'), ['Used', 'Unused'])}, ${raw('CommitmentDiscountStatus')}) AS commitment_discount_status,
  ${raw('SkuId')} AS sku_id,
  ${raw('SkuPriceDetails')} AS sku_price_details,
  COALESCE(${raw('AllocatedTags')}, ${raw('Tags')}) AS tags,
  upper(${raw('BillingCurrency')}) AS currency,
  SUM(${typedAmount('BilledCost')}) AS billed_cost,
  SUM(${typedAmount('EffectiveCost')}) AS effective_cost,
  SUM(${typedAmount('ListCost')}) AS list_cost,
  SUM(${typedAmount('ContractedCost')}) AS contracted_cost,
  SUM(${typedAmount('ConsumedQuantity')}) AS consumed_quantity,
  COUNT(*) AS row_count
FROM typed
GROUP BY ALL`;
}

/** The first 100 rejected rows of one file, with their 1-based row number and reason. */
export function buildRejectionsSelect(
  source: string,
  fileIndex: number,
  mapped: Map<FocusColumn, string>,
  allColumns: readonly FocusColumn[],
  amountInput: AmountInput,
): string {
  return `${typedRows(source, mapped, allColumns, true, amountInput)}
SELECT ${fileIndex} AS file_index, row_number,
  ${caseOf(c => `'${c.column}'`)} AS reject_column,
  ${caseOf(c => c.reason)} AS reject_reason
FROM typed
WHERE ${IS_REJECTED}
ORDER BY row_number
LIMIT 100`;
}

/** Daily facts at resource granularity from the accepted rows. */
export const AGGREGATE_FACTS_SQL = `
SELECT * EXCLUDE (is_rejected)
FROM aggregated
WHERE NOT is_rejected`;

/** What the file says, per billing account, billing period and currency (accepted rows). */
export const FILE_TOTALS_SQL = `
SELECT billing_account_id, billing_period_start, currency,
  SUM(billed_cost) AS billed_cost,
  SUM(effective_cost) AS effective_cost
FROM aggregated
WHERE NOT is_rejected
GROUP BY ALL
ORDER BY ALL`;

export const COUNTS_SQL = `
SELECT SUM(row_count) AS rows_read,
  COALESCE(SUM(row_count) FILTER (WHERE is_rejected), 0) AS rows_rejected,
  MAX(day) FILTER (WHERE NOT is_rejected) AS data_through
FROM aggregated`;
